#!/bin/sh
# test_malformed.sh: cwsim survives malformed requests (paths, headers,
# queries, request lines, huge URLs) and keeps answering.
set -eu
. "$(dirname "$0")/simlib.sh"
RAW=$builddir/tests/sim/sim_raw

# raw NAME: send $W/req to cwsim; ok when any answer or a clean close
# came (not a timeout) and cwsim still answers companyinfo afterwards.
raw() {
	rc=0
	"$RAW" "$PORT" <"$W/req" >"$W/line" 2>/dev/null || rc=$?
	if [ $rc -le 1 ] && still_up; then
		ok "$1"
	else
		not_ok "$1" "sim_raw rc $rc: $(cat "$W/line")"
	fi
}

# raw_any NAME: as raw, but silence until the timeout is fine too
# (libmicrohttpd waits for more on some junk; cwsim must survive it).
raw_any() {
	rc=0
	"$RAW" "$PORT" <"$W/req" >"$W/line" 2>/dev/null || rc=$?
	if [ $rc -le 2 ] && still_up; then
		ok "$1"
	else
		not_ok "$1" "sim_raw rc $rc: $(cat "$W/line")"
	fi
}

# raw_status NAME STATUS: as raw, and the status line has STATUS.
raw_status() {
	rc=0
	"$RAW" "$PORT" <"$W/req" >"$W/line" 2>/dev/null || rc=$?
	if [ $rc -eq 0 ] && grep -q "^HTTP/1.[01] $2" "$W/line" && still_up
	then
		ok "$1"
	else
		not_ok "$1" "sim_raw rc $rc: $(cat "$W/line")"
	fi
}

still_up() {
	kill -0 "$SIM_PID" 2>/dev/null || return 1
	curl -s -m 3 -o /dev/null -w '%{http_code}' \
	    "$BASE/login/companyinfo/acme" | grep -q 200
}

# many CHAR N: N copies of CHAR.
many() { head -c "$2" /dev/zero | tr '\0' "$1"; }

req() {
	printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n' "$1"
	printf 'Authorization: Basic %s\r\n' \
	    "$(printf '%s' "$AUTH" | base64 | tr -d '\n')"
	printf 'clientId: %s\r\nConnection: close\r\n' "$CLIENT"
	printf '%s\r\n\r\n' "${2:-X-Test: 1}"
}

A=/${CODEBASE}apis/3.0

start_sim horizon-role.json

# --- paths ---
req "$A/system/info%00" >"$W/req"
raw_status "a NUL in the path answers 400" 400
req "$A/../../../etc/passwd" >"$W/req"
raw_status "dot segments answer 404" 404
req "$A/service/boards/%2e%2e/1" >"$W/req"
raw_status "encoded dots answer 404" 404
req "$A/service/boards/99999999999999999999" >"$W/req"
raw_status "an id too long for a number answers 404" 404
req "$A/$(many / 300)" >"$W/req"
raw_status "hundreds of slashes answer 404" 404
req "$A/$(many a 5000)" >"$W/req"
raw_status "a 5000-byte segment answers 404" 404
req "$A/service/%zz%/%" >"$W/req"
raw_status "bad percent escapes answer 404" 404
req "/$(many x 100000)" >"$W/req"
raw "a 100 KB URL gets an answer or a close"
req "$A/system/info?$(many q 20000)" >"$W/req"
raw "a 20 KB query gets an answer or a close"
req '*' >"$W/req"
raw "an asterisk target gets an answer"
req 'system/info' >"$W/req"
raw "a target without a slash gets an answer"

# --- headers ---
req "$A/system/info" "X-Big: $(many h 100000)" >"$W/req"
raw "a 100 KB header gets an answer or a close"
req "$A/system/info" "$(printf 'X-Bin: \001\002\377\376')" >"$W/req"
raw "binary bytes in a header value get an answer"
req "$A/system/info" "$(printf 'X-CR: a\rb')" >"$W/req"
raw "a bare CR in a header value gets an answer or a close"
req "$A/system/info" "$(printf 'X-LF: a\nInjected: yes')" >"$W/req"
raw "a line feed in a header gets an answer"
printf 'GET %s/system/info HTTP/1.1\r\nHost: x\r\nclientId: %s\r\n' "$A" \
    "$CLIENT" >"$W/req"
printf 'Authorization: Basic %s\r\n\r\n' "$(many A 4000)" >>"$W/req"
raw_status "a 4 KB Authorization answers 401" 401
printf 'GET %s/system/info HTTP/1.1\r\nHost: x\r\nclientId: %s\r\n' "$A" \
    "$CLIENT" >"$W/req"
printf 'Authorization: Basic !!!%%%%\r\n\r\n' >>"$W/req"
raw_status "a non-base64 Authorization answers 401" 401
printf 'GET %s/system/info HTTP/1.1\r\nHost: x\r\nclientId: %s\r\n' "$A" \
    "$CLIENT" >"$W/req"
printf 'Authorization: Basic %s\r\n\r\n' \
    "$(printf 'acme+pub\000x:y' | base64)" >>"$W/req"
raw_status "a NUL inside the credentials answers 401" 401
{
	printf 'GET /login/companyinfo/acme HTTP/1.1\r\nHost: x\r\n'
	i=0
	while [ $i -lt 2000 ]; do
		printf 'X-H%d: v\r\n' $i
		i=$((i + 1))
	done
	printf '\r\n'
} >"$W/req"
raw "two thousand headers get an answer or a close"
printf 'GET /login/companyinfo/acme HTTP/1.1\r\nHost: %s\r\n\r\n' \
    "$(printf 'a\001b<>"')" >"$W/req"
raw_status "a junk Host still answers" 200

# --- queries ---
req "$A/service/tickets?pageSize=-1" >"$W/req"
raw_status "pageSize=-1 answers 400" 400
req "$A/service/tickets?page=99999999999999" >"$W/req"
raw_status "page=99999999999999 answers 200" 200
req "$A/service/tickets?page=999999999999999999999999" >"$W/req"
raw_status "a page beyond 64 bits answers 400" 400
req "$A/service/tickets?conditions=%ff%fe((((%22" >"$W/req"
raw_status "garbage conditions answer 400" 400
req "$A/service/tickets?conditions=$(many a 5000)" >"$W/req"
raw_status "5 KB conditions answer 400" 400
req "$A/service/tickets?conditions=" >"$W/req"
raw_status "empty conditions answer 200" 200
req "$A/service/tickets?fields=,,,%20,&pageSize=%" >"$W/req"
raw_status "junk fields and a bare percent answer 400" 400
req "$A/service/tickets?%=%&&&==&page" >"$W/req"
raw_status "percent junk in names answers 400" 400
req "$A/service/tickets?orderBy=%00" >"$W/req"
raw_status "an ignored NUL argument answers 200" 200

# --- request lines and bodies ---
printf 'GARBAGE\r\n\r\n' >"$W/req"
raw "a one-word request line gets an answer"
printf 'GET / HTTP/9.9\r\nHost: x\r\n\r\n' >"$W/req"
raw "HTTP/9.9 gets an answer"
printf 'GET /\r\n\r\n' >"$W/req"
raw "an HTTP/0.9 request gets an answer or a close"
printf 'GET / HTTP/1.1\r\n\r\n' >"$W/req"
raw "HTTP/1.1 without Host gets an answer"
printf '\000\001\002\003\r\n\r\n' >"$W/req"
raw_any "binary instead of a request line"
many z 70000 >"$W/req"
raw "70 KB without a line end"
printf 'POST %s/company/companies HTTP/1.1\r\nHost: x\r\n%s\r\n\r\n%b' \
    "$A" 'Transfer-Encoding: chunked' 'ZZZ\r\nabc\r\n' >"$W/req"
raw "a bad chunk size gets an answer or a close"
printf 'POST %s/company/companies HTTP/1.1\r\nHost: x\r\n%s\r\n\r\n' \
    "$A" 'Content-Length: -5' >"$W/req"
raw "a negative Content-Length gets an answer or a close"
{
	printf 'POST %s/company/companies HTTP/1.1\r\nHost: x\r\n' "$A"
	printf 'clientId: %s\r\nConnection: close\r\n' "$CLIENT"
	printf 'Authorization: Basic %s\r\n' \
	    "$(printf '%s' "$AUTH" | base64 | tr -d '\n')"
	printf 'Content-Length: 2000000\r\n\r\n'
	many b 2000000
} >"$W/req"
raw_status "a 2 MB POST body answers 400 and changes nothing" 400

api company/companies/count
expect "the data is unchanged after all of it" body_is '{"count":37}'
expect "cwsim is still running" kill -0 "$SIM_PID"
stop_sim
expect "cwsim exits 0 after the malformed requests" [ "$SIM_RC" = 0 ]
finish
