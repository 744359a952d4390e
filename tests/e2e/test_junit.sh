#!/bin/sh
# tests/e2e/test_junit.sh: --junit FILE, as a CI server reads it.
#
# For several tenants: the JUnit file validates against data/junit.xsd;
# it holds one test case per requirement; its failures, errors and
# skipped cases match the gaps, unknowns and unverifiables of the XML
# report, each with a message; the suite's own counts agree.  The
# manager clone has exactly three failures, each naming one of its
# fixes; a stopped audit is one errored "preflight" case.  A document
# the schema must refuse is refused.

# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"

SCHEMA="$top_srcdir/data/junit.xsd"
J="$WORK/junit.xml"

# valid FILE: xmllint accepts FILE against the JUnit schema.
valid() {
	xmllint --noout --schema "$SCHEMA" "$1" >/dev/null 2>&1
}

# jcount ELEMENT: how many ELEMENT children the test cases have.
jcount() {
	xpath "count(//testcase/$1)" "$J"
}

# summary VERDICT: the XML report's count for VERDICT.
summary() {
	xpath "string(//*[local-name()='summary']/@$1)"
}

# suite ATTRIBUTE: the testsuite's own count.
suite() {
	xpath "string(/testsuites/testsuite/@$1)" "$J"
}

# junit_audit NAME TENANT [cwsim options]: audit with --junit.
junit_audit() {
	n=$1 t=$2
	shift 2
	sim_start "$t" "$@"
	audit "$n" --junit "$J"
}

# agree NAME: the JUnit file and the XML report tell the same story.
agree() {
	check_true "$1: the JUnit file validates against junit.xsd" valid "$J"
	check "$1: one test case per requirement" \
	    "$(count "//*[local-name()='finding']")" "$(xpath \
	    'count(//testcase)' "$J")"
	check "$1: a failure for each gap" "$(summary gap)" "$(jcount failure)"
	check "$1: an error for each unknown" "$(summary unknown)" \
	    "$(jcount error)"
	check "$1: a skipped case for each unverifiable" \
	    "$(summary unverifiable)" "$(jcount skipped)"
	check "$1: every failure, error and skip has a message" 0 "$(xpath \
	    'count(//testcase/*[not(normalize-space(@message))])' "$J")"
	check "$1: the suite counts its tests" "$(xpath 'count(//testcase)' \
	    "$J")" "$(suite tests)"
	check "$1: the suite counts its failures" "$(jcount failure)" \
	    "$(suite failures)"
	check "$1: the suite counts its errors" "$(jcount error)" \
	    "$(suite errors)"
	check "$1: the suite counts its skipped cases" "$(jcount skipped)" \
	    "$(suite skipped)"
}

for tenant in admin horizon-role manager-clone markup-role \
    c1-no-member-maintenance c6-partial-grants settings-hidden; do
	junit_audit "$tenant" "$tenant"
	agree "$tenant"
	cp "$J" "$WORK/$tenant.junit.xml"
done

junit_audit faulted horizon-role --fault html403@company/companies
agree faulted
check_true "faulted: the CDN 403 is an error, not a failure" \
    [ "$(jcount error)" -ge 1 ]

J="$WORK/manager-clone.junit.xml"
REPORT="$WORK/out/manager-clone.xml"
check "manager-clone: three failures" 3 "$(jcount failure)"
FIX="(//*[local-name()='fix'])"
CHANGE="*[local-name()='change']"
i=1
while [ "$i" -le "$(jcount failure)" ]; do
	message=$(xpath "string((//failure)[$i]/@message)" "$J")
	named=0
	k=1
	while [ "$k" -le "$(count "$FIX")" ]; do
		change=$(xpath "string(${FIX}[$k]/$CHANGE)")
		case $message in
		*"$change"*) [ -z "$change" ] || named=1 ;;
		esac
		k=$((k + 1))
	done
	check "manager-clone: failure $i names a fix (\"$message\")" 1 "$named"
	i=$((i + 1))
done
J="$WORK/horizon-role.junit.xml"
check "horizon-role: no failure" 0 "$(jcount failure)"
check "horizon-role: no error" 0 "$(jcount error)"

sim_start horizon-role
saved=$FIX_PRIVATE
FIX_PRIVATE=privWRONG-key-0000
J="$WORK/junit.xml"
audit stopped --junit "$J"
FIX_PRIVATE=$saved
check_true "stopped: the JUnit file validates" valid "$J"
check "stopped: a single test case" 1 "$(xpath 'count(//testcase)' "$J")"
check "stopped: named preflight" preflight \
    "$(xpath 'string(//testcase/@name)' "$J")"
check "stopped: it is an error" 1 "$(jcount error)"
sim_stop

# The schema must be able to refuse: a failure element renamed, and a
# test case without a name.
sed 's/<failure /<failed /; s/<\/failure>/<\/failed>/' \
    "$WORK/manager-clone.junit.xml" >"$WORK/bad1.xml"
sed 's/<testcase name="[^"]*"/<testcase/' \
    "$WORK/manager-clone.junit.xml" >"$WORK/bad2.xml"
check_true "the schema refuses an unknown element" \
    sh -c "! xmllint --noout --schema '$SCHEMA' '$WORK/bad1.xml' 2>/dev/null"
check_true "the schema refuses a test case without a name" \
    sh -c "! xmllint --noout --schema '$SCHEMA' '$WORK/bad2.xml' 2>/dev/null"

finish
