#!/bin/sh
# test_readonly.sh: the audit only reads, and the keys stay home.  For
# each role, at the highest verbosity: cwsim's log holds only GET; the
# companyinfo call carries no credentials; the private key, and the
# Basic credentials made from it, appear in no report, no stdout and no
# stderr; the reports validate against the shipped schema.
. "${top_srcdir:-.}/tests/lib.sh"

basic=$(printf '%s+%s:%s' "$FIX_COMPANY" "$FIX_PUBLIC" "$FIX_PRIVATE" |
	base64 | tr -d '\n')

for tenant in admin manager-clone horizon-role settings-hidden \
	c6-partial-grants; do
	sim_start "$tenant"
	audit "$tenant" -vv --junit "$WORK/out/$tenant.junit.xml"
	total=$(wc -l <"$WORK/sim.log" | tr -d ' ')
	gets=$(grep -c '"method":"GET"' "$WORK/sim.log" || true)
	check_true "$tenant: requests were made" test "$total" -gt 5
	check "$tenant: every request was a GET" "$total" "$gets"
	check "$tenant: companyinfo went without credentials" 1 \
		"$(grep -c '"path":"/login/companyinfo/acme","status":200,"credentials":false' \
		"$WORK/sim.log" || true)"
	check "$tenant: every API call carried credentials and clientId" \
		"$((total - 1))" \
		"$(grep -c '"credentials":true,"clientId":true' "$WORK/sim.log" || true)"
	for f in "$WORK/$tenant.out" "$WORK/$tenant.err" \
		"$WORK/out/$tenant.xml" "$WORK/out/$tenant.html" \
		"$WORK/out/$tenant.junit.xml" "$WORK/sim.log"; do
		if grep -q -e "$FIX_PRIVATE" -e "$basic" "$f"; then
			not_ok "$tenant: a secret leaked into $(basename "$f")"
		else
			ok "$tenant: no secret in $(basename "$f")"
		fi
	done
	if [ "$tenant" = settings-hidden ]; then
		check_true "$tenant: the hidden settings are warned of" \
			grep -q "warning: settings:" "$WORK/$tenant.err"
	fi
	check_true "$tenant: stderr has the debug lines of -vv" \
		grep -q "roleaudit: net: GET" "$WORK/$tenant.err"
	if xmllint --noout --schema "$top_srcdir/data/report.xsd" \
		"$WORK/out/$tenant.xml" 2>"$WORK/xsd.err"; then
		ok "$tenant: the XML report validates"
	else
		not_ok "$tenant: the XML report does not validate"
		sed 's/^/#   /' "$WORK/xsd.err" | head -5
	fi
done

finish
