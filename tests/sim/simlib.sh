# simlib.sh: shell helpers for the cwsim tests (sourced, not run).
# Sets up a work dir, starts and stops cwsim on loopback with a port
# file, makes requests with curl, and prints TAP-like "ok N - name".

srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${top_builddir:-$srcdir}
CWSIM=$builddir/tests/sim/cwsim
TENANTS=$srcdir/tests/sim/tenants
CLIENT=3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f
AUTH=acme+pubHorizon0001:privSECRET-horizon-7f3a9c
SECRET=privSECRET-horizon-7f3a9c
CODEBASE=v4_6_release/
SCHEME=http
HOST=127.0.0.1

command -v curl >/dev/null 2>&1 || { echo "1..0 # SKIP curl missing"; exit 77; }

W=$(mktemp -d "${TMPDIR:-/tmp}/cwsim-test.XXXXXX")
SIM_PID=
n=0
failed=0
trap 'stop_sim; rm -rf "$W"' EXIT
trap 'exit 1' INT TERM

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}

not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
	if [ -n "${2:-}" ]; then
		printf '%s\n' "$2" | head -c 400 | sed 's/^/# /'
		echo
	fi
}

# expect NAME COMMAND...: ok when the command succeeds.
expect() {
	name=$1
	shift
	if "$@"; then
		ok "$name"
	else
		not_ok "$name" "status $(cat "$W/status" 2>/dev/null): \
$(head -c 300 "$W/body" 2>/dev/null)"
	fi
}

# start_sim TENANT [cwsim options]: start cwsim, wait up to 5 s for its
# port file, set PORT and BASE.
start_sim() {
	tenant=$1
	shift
	rm -f "$W/port"
	: >"$W/log"
	"$CWSIM" --tenant "$TENANTS/$tenant" --port-file "$W/port" \
	    --log "$W/log" "$@" 2>>"$W/stderr" &
	SIM_PID=$!
	i=0
	while [ ! -s "$W/port" ] && [ $i -lt 50 ]; do
		kill -0 "$SIM_PID" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	if [ ! -s "$W/port" ]; then
		not_ok "cwsim starts with $tenant" "$(tail -3 "$W/stderr")"
		stop_sim
		return 1
	fi
	PORT=$(cat "$W/port")
	BASE=$SCHEME://$HOST:$PORT
	return 0
}

# stop_sim: SIGTERM, wait up to 5 s, then SIGKILL.  SIM_RC gets the
# exit status.
stop_sim() {
	SIM_RC=
	[ -n "$SIM_PID" ] || return 0
	kill "$SIM_PID" 2>/dev/null || true
	i=0
	while kill -0 "$SIM_PID" 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -9 "$SIM_PID" 2>/dev/null || true
	SIM_RC=0
	wait "$SIM_PID" 2>/dev/null || SIM_RC=$?
	SIM_PID=
}

# get PATH [curl options]: status in $W/status, body in $W/body, headers
# in $W/head, curl's exit code in $W/rc.
get() {
	path=$1
	shift
	rc=0
	: >"$W/body"
	: >"$W/head"
	curl -s -m 5 -o "$W/body" -D "$W/head" -w '%{http_code}' "$@" \
	    "$BASE$path" >"$W/status" 2>/dev/null || rc=$?
	echo "$rc" >"$W/rc"
}

# api PATH [curl options]: get under the codebase with the fixture's keys
# and clientId.
api() {
	path=$1
	shift
	get "/${CODEBASE}apis/3.0/$path" -u "$AUTH" -H "clientId: $CLIENT" \
	    "$@"
}

status_is() { [ "$(cat "$W/status")" = "$1" ]; }
rc_is() { [ "$(cat "$W/rc")" = "$1" ]; }
body_has() { grep -q -- "$1" "$W/body"; }
body_lacks() { ! grep -q -- "$1" "$W/body"; }
body_is() { [ "$(cat "$W/body")" = "$1" ]; }
head_has() { grep -qi -- "$1" "$W/head"; }
head_lacks() { ! grep -qi -- "$1" "$W/head"; }
body_size() { wc -c <"$W/body" | tr -d ' '; }
# count_of WORD: how many times WORD occurs in the body.
count_of() { grep -o -- "$1" "$W/body" | wc -l | tr -d ' '; }

status_and_body() { status_is "$1" && body_has "$2"; }
security_denied() { status_and_body 403 '"code":"Security"'; }

finish() {
	echo "1..$n"
	[ "$failed" -eq 0 ]
}
