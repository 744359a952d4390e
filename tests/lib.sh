# tests/lib.sh: shared helpers for the end-to-end tests (sourced).
#
# Each test starts its own cwsim on a free loopback port over HTTPS with
# a throwaway CA, runs the built roleaudit against it, and reads the
# reports back with xmllint.  Everything it starts is stopped on exit.

set -eu

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
export ROLEAUDIT_DATADIR="$top_srcdir/data"
# Nothing of a test goes through a proxy.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY \
	2>/dev/null || true
export NO_PROXY='*' no_proxy='*'
unset NO_COLOR CW_COMPANY CW_PUBLIC_KEY CW_PRIVATE_KEY CW_CLIENT_ID \
	CW_SERVER 2>/dev/null || true

CWSIM="$top_builddir/tests/sim/cwsim"
ROLEAUDIT="$top_builddir/src/roleaudit"
TENANTS="$top_srcdir/tests/sim/tenants"
# The fixture tenants' credentials (tests/sim/README.md).
FIX_COMPANY=acme
FIX_PUBLIC=pubHorizon0001
FIX_PRIVATE=privSECRET-horizon-7f3a9c
FIX_CLIENT=3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f

WORK=$(mktemp -d "${TMPDIR:-/tmp}/roleaudit-test.XXXXXX")
SIM_PID=
TESTS_RUN=0
TESTS_FAILED=0

cleanup() {
	sim_stop
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

for tool in xmllint openssl; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "SKIP: $tool is not installed"; exit 77; }
done

certs() {
	if [ ! -f "$WORK/certs/server.crt" ]; then
		sh "$top_srcdir/tests/sim/mkcerts.sh" "$WORK/certs" >/dev/null
	fi
}

# sim_start TENANT [cwsim options...]: start cwsim and set SIM_HOST.
# With SIM_PORT set, cwsim listens there (a restarted tenant keeps its
# address); otherwise on a free port.
sim_start() {
	tenant=$1; shift
	sim_stop
	certs
	rm -f "$WORK/port" "$WORK/sim.log"
	"$CWSIM" --tenant "$TENANTS/$tenant.json" --listen "127.0.0.1:${SIM_PORT:-0}" \
		--port-file "$WORK/port" --tls-cert "$WORK/certs/server.crt" \
		--tls-key "$WORK/certs/server.key" --log "$WORK/sim.log" \
		"$@" 2>"$WORK/sim.err" &
	SIM_PID=$!
	i=0
	while [ ! -s "$WORK/port" ]; do
		i=$((i + 1))
		if [ $i -gt 100 ] || ! kill -0 "$SIM_PID" 2>/dev/null; then
			echo "cwsim did not start:"; cat "$WORK/sim.err"
			exit 1
		fi
		sleep 0.05
	done
	SIM_HOST="localhost:$(cat "$WORK/port")"
}

sim_stop() {
	if [ -n "$SIM_PID" ]; then
		kill "$SIM_PID" 2>/dev/null || true
		wait "$SIM_PID" 2>/dev/null || true
		SIM_PID=
	fi
}

# audit NAME [roleaudit options...]: audit the running cwsim with the
# fixture credentials; reports go to $WORK/out/NAME.{xml,html}, the
# exit status to $STATUS, stdout and stderr to $WORK/NAME.{out,err}.
audit() {
	name=$1; shift
	set +e
	CW_PRIVATE_KEY=$FIX_PRIVATE "$ROLEAUDIT" --company "$FIX_COMPANY" \
		--public-key "$FIX_PUBLIC" --client-id "$FIX_CLIENT" \
		--server "$SIM_HOST" --cacert "$WORK/certs/ca.crt" \
		--output-dir "$WORK/out" --name "$name" --no-baseline "$@" \
		>"$WORK/$name.out" 2>"$WORK/$name.err"
	STATUS=$?
	set -e
	REPORT="$WORK/out/$name.xml"
}

# xpath EXPR [FILE]: evaluate an XPath 1.0 expression on a report; the
# report namespace is bound to the prefix r.
xpath() {
	xmllint --xpath "$1" "${2:-$REPORT}" 2>/dev/null || true
}

# verdict ID: the status of the finding for requirement ID.
verdict() {
	xpath "string(//*[local-name()='finding'][@id='$1']/@status)"
}

# count EXPR: how many nodes match.
count() {
	xpath "count($1)"
}

ok() {
	TESTS_RUN=$((TESTS_RUN + 1))
	echo "ok $TESTS_RUN - $1"
}

not_ok() {
	TESTS_RUN=$((TESTS_RUN + 1))
	TESTS_FAILED=$((TESTS_FAILED + 1))
	echo "not ok $TESTS_RUN - $1"
	if [ -n "${name:-}" ] && [ -f "$WORK/$name.err" ]; then
		sed 's/^/#   stderr: /' "$WORK/$name.err" | head -20
		sed 's/^/#   stdout: /' "$WORK/$name.out" | head -20
	fi
}

# check DESCRIPTION EXPECTED ACTUAL
check() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1 (expected \"$2\", got \"$3\")"
	fi
}

# check_true DESCRIPTION COMMAND...
check_true() {
	desc=$1; shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

finish() {
	echo "1..$TESTS_RUN"
	[ "$TESTS_FAILED" -eq 0 ]
}
