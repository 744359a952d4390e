#!/bin/sh
# tests/demo.sh: `make demo`.  Starts cwsim with the manager-clone
# tenant on a free loopback port, audits it with the default (Horizon)
# profile, writes reports/demo.xml and reports/demo.html, prints the
# summary and stops cwsim.  The manager clone lacks the three edits the
# Horizon guide asks for, so roleaudit finds gaps (exit status 1): that
# is the expected result here.
set -eu

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
work=$(mktemp -d "${TMPDIR:-/tmp}/roleaudit-demo.XXXXXX")
pid=
stop() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$work"
}
trap stop EXIT INT TERM

sh "$top_srcdir/tests/sim/mkcerts.sh" "$work/certs" >/dev/null
"$top_builddir/tests/sim/cwsim" \
	--tenant "$top_srcdir/tests/sim/tenants/manager-clone.json" \
	--listen 127.0.0.1:0 --port-file "$work/port" \
	--tls-cert "$work/certs/server.crt" --tls-key "$work/certs/server.key" &
pid=$!
i=0
while [ ! -s "$work/port" ]; do
	i=$((i + 1))
	[ $i -le 100 ] || { echo "demo: cwsim did not start" >&2; exit 1; }
	sleep 0.05
done
port=$(cat "$work/port")
echo "demo: cwsim serves the manager-clone tenant on https://localhost:$port"
echo

set +e
CW_PRIVATE_KEY=privSECRET-horizon-7f3a9c \
	"$top_builddir/src/roleaudit" --company acme \
	--public-key pubHorizon0001 \
	--client-id 3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f \
	--server "localhost:$port" --cacert "$work/certs/ca.crt" \
	--output-dir "$top_builddir/reports" --name demo --no-baseline
status=$?
set -e

echo
case $status in
1)	echo "demo: exit status 1: gaps found, as expected for a role" \
	    "cloned from Manager."
	echo "demo: open reports/demo.html in a browser to see the fixes."
	exit 0 ;;
*)	echo "demo: unexpected exit status $status" >&2
	exit 1 ;;
esac
