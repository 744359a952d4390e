#!/bin/sh
# tests/e2e/test_bad_input.sh: bad input gets a clear message, sends
# nothing and destroys nothing.  Malformed rules files (each mistake
# with file:line), unknown options, missing credentials, server values
# with a path, spaces or control characters, values with CR or LF that
# would inject a header.  And hostile server text: a role and member
# name made of markup render as text in the HTML report.

. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
. "$top_srcdir/tests/e2e/hostile.sh"

CR=$(printf '\r')
LF='
'

# An earlier report that no bad run may touch.
sim_start horizon-role
audit keep
check "the earlier report: exit 0" 0 "$STATUS"
cp "$WORK/out/keep.xml" "$WORK/keep.before"
: >"$WORK/sim.log"

# refused NAME EXPECT-GREP [roleaudit args...]: exit 3, the message
# matches, no report named NAME appears, the earlier one is intact.
refused() {
	label=$1 want=$2; shift 2
	name=bad
	set +e
	CW_PRIVATE_KEY=${KEY-$FIX_PRIVATE} "$ROLEAUDIT" \
	    --output-dir "$WORK/out" --name keep --no-baseline "$@" \
	    >"$WORK/bad.out" 2>"$WORK/bad.err"
	STATUS=$?
	set -e
	check "$label: exit 3" 3 "$STATUS"
	check_true "$label: says \"$want\"" grep -qE -e "$want" "$WORK/bad.err"
	check_true "$label: the earlier report is intact" \
	    cmp -s "$WORK/keep.before" "$WORK/out/keep.xml"
}

creds() {
	echo --company "$FIX_COMPANY" --public-key "$FIX_PUBLIC" \
	    --client-id "$FIX_CLIENT" --cacert "$WORK/certs/ca.crt"
}

# shellcheck disable=SC2046
{
refused "unknown option" 'unknown option "--frobnicate".*see roleaudit --help' \
    $(creds) --server "$SIM_HOST" --frobnicate
KEY='' refused "missing credentials, all at once" \
    'missing:.*--company.*--public-key.*--private-key-file.*--client-id.*--server'
refused "empty client id" 'developer\.connectwise\.com/ClientID' \
    --company "$FIX_COMPANY" --public-key "$FIX_PUBLIC" --client-id '' \
    --server "$SIM_HOST"
refused "--jobs 0" '--jobs: "0" is not a number from 1 to 32' \
    $(creds) --server "$SIM_HOST" --jobs 0
refused "--timeout abc" '--timeout: "abc" is not a number' \
    $(creds) --server "$SIM_HOST" --timeout abc
refused "--retries 11" '--retries: "11" is not a number' \
    $(creds) --server "$SIM_HOST" --retries 11
refused "server with an inner space" '--server' \
    $(creds) --server "local host"
refused "server with a control character" '--server' \
    $(creds) --server "localhost$(printf '\001')"
refused "server with userinfo" '--server' \
    $(creds) --server "https://user:pw@$SIM_HOST/"
}

# Header injection: CR or LF in any value that becomes a header.
# inject OPTION EOL WHAT: that option's value carries EOL and a header.
inject() {
	c=$FIX_COMPANY p=$FIX_PUBLIC i=$FIX_CLIENT s=$SIM_HOST
	evil="${2}X-Injected: 1"
	case $1 in
	--company) c="$c$evil" ;;
	--public-key) p="$p$evil" ;;
	--client-id) i="$i$evil" ;;
	--server) s="$s$evil" ;;
	esac
	refused "$1 with $3" "$1" --company "$c" --public-key "$p" \
	    --client-id "$i" --server "$s" --cacert "$WORK/certs/ca.crt"
	check "$1 with $3: the value is not echoed" 0 \
	    "$(grep -c 'X-Injected' "$WORK/bad.err" || true)"
}
for opt in --company --public-key --client-id --server; do
	inject "$opt" "$CR" CR
	inject "$opt" "$LF" LF
done
KEY="$FIX_PRIVATE${CR}X-Injected: 1" refused "CW_PRIVATE_KEY with CR" \
    'CW_PRIVATE_KEY' $(creds) --server "$SIM_HOST"

# Malformed rules files: every mistake, each at its line.
cat >"$WORK/three.rules.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<profile xmlns="urn:roleaudit:rules:1" name="bad" title="Bad"
         version="1.0">
  <probe id="members" path="system/members"/>
  <probe id="members" path="system/members/count" expect="count"/>
  <probe id="escape" path="system/../../etc"/>
  <requirement id="member-maintenance" need="required" source="seed"
      module="System" module-id="System"
      function="Member Maintenance" function-id="MemberMaintenance"
      feature="members">
    <levels inquire="All"/>
    <why>Members.</why>
    <probe ref="nosuchprobe"/>
  </requirement>
</profile>
EOF
R="$WORK/three.rules.xml"
# shellcheck disable=SC2046
refused "rules: duplicate probe id at its line" "$R:5:" \
    $(creds) --server "$SIM_HOST" --rules "$R"
check_true "rules: the path with .. at its line" grep -q "$R:6:" \
    "$WORK/bad.err"
check_true "rules: the unknown probe ref at its line" grep -q "$R:13:" \
    "$WORK/bad.err"

printf '<profile xmlns="urn:roleaudit:rules:1">\n  <probe id="x"\n' \
    >"$WORK/cut.rules.xml"
# shellcheck disable=SC2046
refused "rules: a cut-off file names its line" "$WORK/cut.rules.xml:[0-9]+:" \
    $(creds) --server "$SIM_HOST" --rules "$WORK/cut.rules.xml"
# shellcheck disable=SC2046
refused "rules: a missing file is named" "$WORK/none.rules.xml" \
    $(creds) --server "$SIM_HOST" --rules "$WORK/none.rules.xml"

# Reports that could not be written are found before anything is sent.
: >"$WORK/not-a-folder"
# shellcheck disable=SC2046
refused "an output folder that is a file" 'is not a folder' \
    $(creds) --server "$SIM_HOST" --output-dir "$WORK/not-a-folder"
# shellcheck disable=SC2046
refused "a JUnit file in a missing folder" 'folder does not exist' \
    $(creds) --server "$SIM_HOST" --junit "$WORK/none/j.xml"
# shellcheck disable=SC2046
refused "a JUnit file that is the XML report" 'is the xml report itself' \
    $(creds) --server "$SIM_HOST" --junit "$WORK/out/keep.xml"
cp "$WORK/keep.before" "$WORK/baseline.xml"
set +e
# shellcheck disable=SC2046
CW_PRIVATE_KEY=$FIX_PRIVATE "$ROLEAUDIT" $(creds) --server "$SIM_HOST" \
    --output-dir "$WORK/out" --name other \
    --baseline "$WORK/baseline.xml" --junit "$WORK/baseline.xml" \
    >"$WORK/jb.out" 2>"$WORK/jb.err"
STATUS=$?
set -e
check "a JUnit file that is the baseline: exit 3" 3 "$STATUS"
check_true "a JUnit file that is the baseline: says so" \
    grep -q "is the --baseline report" "$WORK/jb.err"
check_true "a JUnit file that is the baseline: the baseline is untouched" \
    cmp -s "$WORK/keep.before" "$WORK/baseline.xml"

check "bad input: nothing was sent to the server" 0 "$(log_lines .)"

# -q keeps quiet; a summary that cannot be written is an error.
name=quiet
audit quiet -q
check "-q: exit 0" 0 "$STATUS"
check "-q: nothing on stdout" 0 "$(wc -c <"$WORK/quiet.out" | tr -d ' ')"
check "-q: nothing on stderr" 0 "$(wc -c <"$WORK/quiet.err" | tr -d ' ')"
set +e
CW_PRIVATE_KEY=$FIX_PRIVATE "$ROLEAUDIT" --company nosuch \
    --public-key "$FIX_PUBLIC" --client-id "$FIX_CLIENT" \
    --cacert "$WORK/certs/ca.crt" --server "$SIM_HOST" \
    --output-dir "$WORK/out" --name quiet-stop --no-baseline -q \
    >"$WORK/qs.out" 2>"$WORK/qs.err"
STATUS=$?
set -e
check "-q, no audit possible: exit 3" 3 "$STATUS"
check_true "-q, no audit possible: the reason is on stderr" \
    grep -q "error: the company check failed" "$WORK/qs.err"
if [ -w /dev/full ]; then
	set +e
	CW_PRIVATE_KEY=$FIX_PRIVATE "$ROLEAUDIT" $(creds) \
	    --server "$SIM_HOST" --output-dir "$WORK/out" --name full \
	    --no-baseline >/dev/full 2>"$WORK/full.err"
	STATUS=$?
	set -e
	check "stdout on a full disk: exit 3" 3 "$STATUS"
	check_true "stdout on a full disk: says so" \
	    grep -q "cannot write the summary" "$WORK/full.err"
fi

# A server value with a scheme and a path is read, with a note.
name=pasted
audit pasted --server "https://$SIM_HOST/v4_6_release/apis/3.0/"
check "pasted URL: exit 0" 0 "$STATUS"
check_true "pasted URL: a note says the path was stripped" \
    grep -q 'note:.*path' "$WORK/pasted.err"

# Hostile server text: markup in the role and member names.
sim_start markup-role
audit markup
H="$WORK/out/markup.html"
check_true "markup role: an HTML report" test -s "$H"
check "markup role: no script element" 0 \
    "$(xmllint --html --xpath 'count(//script)' "$H" 2>/dev/null)"
check "markup role: no event handler attribute" 0 \
    "$(xmllint --html --xpath 'count(//@*[starts-with(name(),"on")])' \
    "$H" 2>/dev/null)"
MARKUP='<script>alert(1)</script> & "Ops"'
xmllint --html --xpath 'string(/html/body)' "$H" >"$WORK/markup.text" \
    2>/dev/null || true
check_true "markup role: the name shows as text" \
    grep -qF "$MARKUP" "$WORK/markup.text"
role=$(xpath "string(//*[local-name()='member']/@role |
    //*[local-name()='member']/*[local-name()='role'])" "$WORK/out/markup.xml")
check "markup role: the XML report keeps the exact name" "$MARKUP" "$role"

hostile_finish
