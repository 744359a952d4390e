#!/bin/sh
# mkcerts.sh OUTDIR: test certificates for cwsim's HTTPS, made with the
# openssl command line.  A test CA (ca.crt, ca.key) signs server.crt
# (localhost, 127.0.0.1), wronghost.crt (wrong.invalid only) and
# expired.crt (valid in 2020 only); selfsigned.crt is signed by itself.
# Each .crt has its .key.  Files already there are kept; quiet unless
# openssl fails.
set -eu

if [ $# -ne 1 ]; then
	echo "usage: mkcerts.sh OUTDIR" >&2
	exit 2
fi
out=$1
mkdir -p "$out"
cd "$out"

want="ca.crt server.crt server.key wronghost.crt wronghost.key \
expired.crt expired.key selfsigned.crt selfsigned.key"
missing=no
for f in $want; do
	[ -s "$f" ] || missing=yes
done
[ "$missing" = no ] && exit 0

work=$(mktemp -d "${TMPDIR:-/tmp}/mkcerts.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

ossl() {
	if ! openssl "$@" >"$work/log" 2>&1; then
		cat "$work/log" >&2
		exit 1
	fi
}

newkey() {
	ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 \
	    -out "$1"
}

leaf_ext() {
	printf 'basicConstraints=critical,CA:FALSE\n'
	printf 'keyUsage=critical,digitalSignature,keyEncipherment\n'
	printf 'extendedKeyUsage=serverAuth\n'
	printf 'subjectAltName=%s\n' "$1"
}

newkey ca.key
ossl req -x509 -new -key ca.key -out ca.crt -days 3650 -sha256 \
    -subj "/O=roleaudit tests/CN=cwsim test CA" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign"

# signed NAME CN SAN: NAME.key and NAME.crt signed by the CA.
signed() {
	newkey "$1.key"
	ossl req -new -key "$1.key" -out "$work/$1.csr" -subj "/CN=$2"
	leaf_ext "$3" >"$work/$1.ext"
	ossl x509 -req -in "$work/$1.csr" -CA ca.crt -CAkey ca.key \
	    -CAcreateserial -CAserial "$work/ca.srl" -out "$1.crt" \
	    -days 825 -sha256 -extfile "$work/$1.ext"
}

signed server localhost "DNS:localhost,IP:127.0.0.1"
signed wronghost wrong.invalid "DNS:wrong.invalid"

# expired: openssl ca lets us set dates in the past.
mkdir "$work/ca" "$work/ca/new"
: >"$work/ca/index.txt"
echo 1000 >"$work/ca/serial"
cat >"$work/ca.cnf" <<CNF
[ca]
default_ca = test
[test]
dir = $work/ca
database = \$dir/index.txt
serial = \$dir/serial
new_certs_dir = \$dir/new
certificate = $PWD/ca.crt
private_key = $PWD/ca.key
default_md = sha256
policy = anything
unique_subject = no
[anything]
commonName = supplied
CNF
newkey expired.key
ossl req -new -key expired.key -out "$work/expired.csr" -subj "/CN=localhost"
leaf_ext "DNS:localhost,IP:127.0.0.1" >"$work/expired.ext"
ossl ca -batch -notext -config "$work/ca.cnf" -in "$work/expired.csr" \
    -out expired.crt -startdate 20200101000000Z -enddate 20201231000000Z \
    -extfile "$work/expired.ext"

newkey selfsigned.key
ossl req -x509 -new -key selfsigned.key -out selfsigned.crt -days 825 \
    -sha256 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -addext "basicConstraints=critical,CA:FALSE"
