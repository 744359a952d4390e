/*
 * sim_raw.c: send stdin as raw bytes to 127.0.0.1:PORT and print the
 * first line of the answer, for the malformed-request test.  Exits 0
 * when an answer came, 1 when the server closed without one, 2 on a
 * timeout, 3 on a local error.  Loopback only; stdin is capped.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define INPUT_MAX (8 * 1024 * 1024)
#define TIMEOUT_S 3

static int
connect_loopback(const char *port_text)
{
	struct sockaddr_in sin;
	struct timeval tv = { TIMEOUT_S, 0 };
	long port;
	int fd;

	port = strtol(port_text, NULL, 10);
	if (port <= 0 || port > 65535)
		return -1;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((unsigned short)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Send all of buf; a server may close early, which is fine. */
static void
send_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = send(fd, buf, len, MSG_NOSIGNAL);
		if (n <= 0)
			return;
		buf += n;
		len -= (size_t)n;
	}
}

static int
print_answer(int fd)
{
	char line[256];
	ssize_t n;
	size_t len;

	n = recv(fd, line, sizeof(line) - 1, 0);
	if (n < 0)
		return errno == EAGAIN || errno == EWOULDBLOCK ? 2 : 1;
	if (n == 0)
		return 1;
	line[n] = '\0';
	len = strcspn(line, "\r\n");
	printf("%.*s\n", (int)len, line);
	return 0;
}

int
main(int argc, char **argv)
{
	char *input;
	size_t len;
	int fd, rc;

	if (argc != 2) {
		fprintf(stderr, "usage: sim_raw PORT <request\n");
		return 3;
	}
	input = malloc(INPUT_MAX);
	if (input == NULL)
		return 3;
	len = fread(input, 1, INPUT_MAX, stdin);
	fd = connect_loopback(argv[1]);
	if (fd < 0) {
		free(input);
		perror("sim_raw: connect");
		return 3;
	}
	send_all(fd, input, len);
	rc = print_answer(fd);
	close(fd);
	free(input);
	return rc;
}
