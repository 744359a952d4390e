#!/bin/sh
# mkcert-test.sh: throwaway certificates for the loopback test server of
# check_net.  Usage: mkcert-test.sh DIR
#   ca.pem            a test CA
#   server.pem/.key   127.0.0.1 and localhost, signed by that CA
#   wronghost.pem/.key  signed by the CA, but for another name only
#   rogue.pem         a second CA that signed nothing the server uses
set -eu
dir=$1
openssl=${OPENSSL:-openssl}
mkdir -p "$dir"
cd "$dir"

newkey() {
	"$openssl" genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
	    -out "$1" 2>/dev/null
}

selfsigned() {
	newkey "$1.key"
	"$openssl" req -x509 -new -key "$1.key" -out "$1.pem" -days 2 \
	    -subj "/CN=$2" -addext basicConstraints=critical,CA:TRUE \
	    -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}

leaf() {
	newkey "$1.key"
	"$openssl" req -new -key "$1.key" -out "$1.csr" -subj "/CN=$2" \
	    2>/dev/null
	printf '%s\n' "subjectAltName=$3" "basicConstraints=CA:FALSE" \
	    "extendedKeyUsage=serverAuth" > "$1.ext"
	"$openssl" x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key \
	    -CAcreateserial -out "$1.pem" -days 2 -extfile "$1.ext" \
	    2>/dev/null
	rm -f "$1.csr" "$1.ext"
}

selfsigned ca "roleaudit test CA"
selfsigned rogue "roleaudit rogue CA"
leaf server 127.0.0.1 "IP:127.0.0.1,DNS:localhost"
leaf wronghost wrong.invalid "DNS:wrong.invalid"
