#!/bin/sh
# tests/e2e/test_secrets.sh: the private key and the Authorization
# value appear nowhere: not in stdout, stderr, the XML, HTML or JUnit
# report, nor in cwsim's log, on any path the audit can take, at the
# highest verbosity.  A key file that others can read draws a warning;
# a key on the command line is refused without being echoed.

. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
. "$top_srcdir/tests/e2e/hostile.sh"

WRONG=privWRONG-key-51d0e2
mkdir -p "$WORK/keys"
printf '%s\n' "$FIX_PRIVATE" >"$WORK/keys/private"
chmod 600 "$WORK/keys/private"
cp "$WORK/keys/private" "$WORK/keys/shared"
chmod 644 "$WORK/keys/shared"
AUTH=$(printf '%s' "$FIX_COMPANY+$FIX_PUBLIC:$FIX_PRIVATE" | base64 | tr -d '\n')
AUTH_WRONG=$(printf '%s' "$FIX_COMPANY+$FIX_PUBLIC:$WRONG" | base64 | tr -d '\n')

# leaks: the files under $WORK (keys and certificates aside) that hold a
# key, its Basic value, or an Authorization header.
leaks() {
	grep -rlaF -e "$FIX_PRIVATE" -e "$AUTH" -e "$WRONG" -e "$AUTH_WRONG" \
	    "$WORK" --exclude-dir=keys --exclude-dir=certs --exclude-dir=bin \
	    2>/dev/null || true
	grep -rlaiE 'authorization: *basic' "$WORK" --exclude-dir=keys \
	    --exclude-dir=certs --exclude-dir=bin 2>/dev/null || true
}

# Every path at -vv: pass, gaps, the keys refused, the client id refused,
# settings hidden, and the faults (each with its own way to the key).
sim_start horizon-role
audit pass -vv --junit "$WORK/out/pass.junit.xml"
check "pass: exit 0" 0 "$STATUS"
check_true "-vv does show requests" grep -q 'GET' "$WORK/pass.err"

sim_start manager-clone
audit gaps -vv --junit "$WORK/out/gaps.junit.xml"
check "gaps: exit 1" 1 "$STATUS"

for tenant in inactive-member c8-client-id settings-hidden markup-role \
    cloud; do
	sim_start "$tenant"
	audit "$tenant" -vv
	check_true "$tenant: a report was written" report_ok
done

for fault in html403@company/companies redirect-http@company/contacts \
    500@service/tickets garbage@system/mySecurity truncated@system/info; do
	sim_start horizon-role --fault "$fault"
	audit "fault-${fault%%@*}" -vv --timeout 2 --retries 1
	check_true "$fault: a report was written" report_ok
done

# A wrong key: refused, and not echoed either.
sim_start horizon-role
set +e
CW_PRIVATE_KEY=$WRONG "$ROLEAUDIT" -vv --company "$FIX_COMPANY" \
    --public-key "$FIX_PUBLIC" --client-id "$FIX_CLIENT" \
    --server "$SIM_HOST" --cacert "$WORK/certs/ca.crt" \
    --output-dir "$WORK/out" --name wrong-key --no-baseline \
    >"$WORK/wrong-key.out" 2>"$WORK/wrong-key.err"
STATUS=$?
set -e
check "wrong key: exit 3" 3 "$STATUS"
check "wrong key: keys check failed" fail \
    "$(check_status keys "$WORK/out/wrong-key.xml")"

# The key from a file only its owner reads: no warning.
name=keyfile
set +e
"$ROLEAUDIT" -vv --company "$FIX_COMPANY" --public-key "$FIX_PUBLIC" \
    --client-id "$FIX_CLIENT" --server "$SIM_HOST" \
    --cacert "$WORK/certs/ca.crt" --private-key-file "$WORK/keys/private" \
    --output-dir "$WORK/out" --name keyfile --no-baseline \
    >"$WORK/keyfile.out" 2>"$WORK/keyfile.err"
STATUS=$?
set -e
check "key file 0600: exit 0" 0 "$STATUS"
check "key file 0600: no warning" 0 \
    "$(grep -c 'roleaudit: warning:.*keys/private' "$WORK/keyfile.err" || true)"

# A key file that others can read: the audit runs, with a warning that
# names the file and the fix.
name=keyshared
set +e
"$ROLEAUDIT" --company "$FIX_COMPANY" --public-key "$FIX_PUBLIC" \
    --client-id "$FIX_CLIENT" --server "$SIM_HOST" \
    --cacert "$WORK/certs/ca.crt" --private-key-file "$WORK/keys/shared" \
    --output-dir "$WORK/out" --name keyshared --no-baseline \
    >"$WORK/keyshared.out" 2>"$WORK/keyshared.err"
STATUS=$?
set -e
check "key file 0644: exit 0" 0 "$STATUS"
check_true "key file 0644: a warning names the file" \
    grep -q 'roleaudit: warning:.*keys/shared' "$WORK/keyshared.err"
check_true "key file 0644: the warning says how to fix it" \
    grep -q 'chmod' "$WORK/keyshared.err"

# The key on standard input.
name=stdin
set +e
"$ROLEAUDIT" -vv --company "$FIX_COMPANY" --public-key "$FIX_PUBLIC" \
    --client-id "$FIX_CLIENT" --server "$SIM_HOST" \
    --cacert "$WORK/certs/ca.crt" --private-key-file - \
    --output-dir "$WORK/out" --name stdin --no-baseline \
    <"$WORK/keys/private" >"$WORK/stdin.out" 2>"$WORK/stdin.err"
STATUS=$?
set -e
check "key on stdin: exit 0" 0 "$STATUS"

# A key on the command line: refused, never echoed, nothing sent.
: >"$WORK/sim.log"
for form in "--private-key=$FIX_PRIVATE" "--private-key $FIX_PRIVATE" \
    "--private-k=$FIX_PRIVATE"; do
	name=argv
	set +e
	# shellcheck disable=SC2086
	"$ROLEAUDIT" --company "$FIX_COMPANY" --public-key "$FIX_PUBLIC" \
	    --client-id "$FIX_CLIENT" --server "$SIM_HOST" $form \
	    >"$WORK/argv.out" 2>"$WORK/argv.err"
	STATUS=$?
	set -e
	check "${form%%[ =]*}: refused with exit 3" 3 "$STATUS"
	check_true "${form%%[ =]*}: the message says where a key goes" \
	    grep -q 'private-key-file' "$WORK/argv.err"
done
check "a key on the command line: nothing sent" 0 "$(log_lines .)"
sim_stop

# The search itself must be able to fail: a planted copy is found.
printf 'x %s y\n' "$AUTH" >"$WORK/planted"
leaks >"$WORK/planted.list"
check_true "the leak search reports a planted Authorization value" \
    grep -qx "$WORK/planted" "$WORK/planted.list"
rm -f "$WORK/planted"

found=$(leaks)
check "no key and no Authorization value anywhere" "" "$found"
for f in $found; do
	grep -naF -e "$FIX_PRIVATE" -e "$AUTH" "$f" | head -3 |
	    sed 's/^/#   /'
done

hostile_finish
