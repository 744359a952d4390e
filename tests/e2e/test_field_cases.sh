#!/bin/sh
# test_field_cases.sh: the situations admins really hit (C1 to C10),
# each against its cwsim tenant, with the verdict the case asks for.
. "${top_srcdir:-.}/tests/lib.sh"

attr_of() {	# attr_of ID ATTRIBUTE
	xpath "string(//*[local-name()='finding'][@id='$1']/@$2)"
}
observed() {	# observed ID ACTION
	xpath "string(//*[local-name()='finding'][@id='$1']/*[local-name()='level'][@action='$2']/@observed)"
}
fixes_for() {	# fixes_for ID: the changes of that finding's fixes
	xpath "//*[local-name()='fix'][@finding='$1']/*[local-name()='change']/text()"
}
missing() {	# missing ID: the labels of missing allow-list items
	xpath "//*[local-name()='finding'][@id='$1']/*[local-name()='missing']/@item" |
		sed 's/ item="\([^"]*\)"/\1\n/g' | sed '/^$/d' | sort | tr '\n' ';'
}
log_count() {	# log_count PATTERN: cwsim log lines matching
	grep -c -- "$1" "$WORK/sim.log" || true
}

# C1: Member Maintenance missing.
sim_start c1-no-member-maintenance
audit c1
check "C1: member maintenance is a gap" gap "$(verdict member-maintenance)"
check "C1: observed inquire None" None "$(observed member-maintenance inquire)"
check "C1: the fix sets inquire to All" "Inquire Level None → All" \
	"$(fixes_for member-maintenance)"
check "C1: company maintenance passes" pass "$(verdict company-maintenance)"
check "C1: exit 1" 1 "$STATUS"

# C2: board statuses denied by the allow list.
sim_start c2-board-statuses-denied
audit c2
check "C2: the service board table is a gap" gap \
	"$(verdict service-board-table)"
check "C2: Service Board must move to the allow list" \
	"Service / Service Board;" "$(missing service-board-table)"
check "C2: the inquire level itself passes" pass "$(verdict table-setup)"
check "C2: the fix moves Service Board" \
	'Customize: move "Service / Service Board" to "Allow access to these"' \
	"$(fixes_for service-board-table)"

# C3: inquire My where All is needed: 200 and too little data.
sim_start c3-tickets-my
audit c3
check "C3: service tickets is a gap" gap "$(verdict service-tickets)"
check "C3: observed inquire My" My "$(observed service-tickets inquire)"
check "C3: the fix" "Inquire Level My → All" "$(fixes_for service-tickets)"
check "C3: the tickets probe saw an empty list" empty \
	"$(xpath "string(//*[local-name()='probe'][@id='tickets']/@outcome)")"

# C4: company tables missing from the allow list.
sim_start c4-company-tables
audit c4
check "C4: company status table is a gap" gap \
	"$(verdict company-status-table)"
check "C4: company type table is a gap" gap "$(verdict company-type-table)"
check "C4: service board table passes" pass "$(verdict service-board-table)"

# C5: project phases not readable; and no project to probe with.
sim_start c5-phases-denied
audit c5
check "C5: project phase is a gap" gap "$(verdict project-phase)"
check "C5: project headers pass" pass "$(verdict project-headers)"
check "C5: the phase probe used a real project id" 1 \
	"$(log_count '/project/projects/[0-9][0-9]*/phases')"
sim_start c5-no-projects
audit c5none
check "C5 without projects: project phase is unknown" unknown \
	"$(verdict project-phase)"
check "C5 without projects: cause nothing-to-probe" nothing-to-probe \
	"$(attr_of project-phase cause)"
check "C5 without projects: no phase request was sent" 0 \
	"$(log_count '/phases')"

# C6: many partial grants at once.
sim_start c6-partial-grants
audit c6
check "C6: agreements is a gap" gap "$(verdict agreements)"
check "C6: project phase is a gap" gap "$(verdict project-phase)"
check "C6: every probe was sent after the 403s" \
	"$(xpath "count(//*[local-name()='probe'][@id])")" \
	"$(xpath "count(//*[local-name()='probe'][@id][@ran='true'])")"
check "C6: one fix list holds both" 2 \
	"$(count "//*[local-name()='fix'][@finding='agreements' or @finding='project-phase']")"
check "C6: exit 1" 1 "$STATUS"

# C7: a hostname field filled with a URL.
sim_start horizon-role
SIM_URL="https://$SIM_HOST/v4_6_release/apis/3.0/ "
SIM_HOST_SAVED=$SIM_HOST
SIM_HOST=$SIM_URL
audit c7
SIM_HOST=$SIM_HOST_SAVED
check "C7: the audit went on" 0 "$STATUS"
check_true "C7: it says it stripped the scheme" \
	grep -q "stripped the scheme" "$WORK/c7.err"
check_true "C7: it says it stripped the path" \
	grep -q "stripped the path" "$WORK/c7.err"
check "C7: the tenant server is the bare host" "$SIM_HOST" \
	"$(xpath "string(//*[local-name()='tenant']/@server)")"

# C8: no Client ID: refused before anything is sent.
: >"$WORK/sim.log"
set +e
CW_PRIVATE_KEY=$FIX_PRIVATE "$ROLEAUDIT" --company "$FIX_COMPANY" \
	--public-key "$FIX_PUBLIC" --client-id "" --server "$SIM_HOST" \
	--cacert "$WORK/certs/ca.crt" --output-dir "$WORK/out" --name c8 \
	>"$WORK/c8.out" 2>"$WORK/c8.err"
STATUS=$?
set -e
check "C8: exit 3 without a Client ID" 3 "$STATUS"
check "C8: nothing was sent" 0 "$(wc -l <"$WORK/sim.log" | tr -d ' ')"
check_true "C8: the message says where a Client ID is registered" \
	grep -q "developer.connectwise.com" "$WORK/c8.err"
sim_start c8-client-id
audit c8server
check "C8: a server refusing the Client ID stops the audit" 3 "$STATUS"
check "C8: the client id check fails with cause client-id" client-id \
	"$(xpath "string(//*[local-name()='check'][@name='client id'][@status='fail']/@cause)")"
check "C8: the keys are not judged" skipped \
	"$(xpath "string(//*[local-name()='check'][@name='keys']/@status)")"
check_true "C8: the headline names the client id check" \
	grep -q "the client id check failed" "$WORK/c8server.out"
check "C8: no role verdicts" 0 "$(count "//*[local-name()='finding']")"

# C9: a 403 that is not the role.
sim_start horizon-role --fault html403@company/companies
audit c9
check "C9: company maintenance is unknown" unknown \
	"$(verdict company-maintenance)"
check "C9: blocked at the edge" edge-block \
	"$(attr_of company-maintenance cause)"
check "C9: no role advice for it" 0 \
	"$(count "//*[local-name()='fix'][@finding='company-maintenance']")"
check "C9: exit 2" 2 "$STATUS"
check_true "C9: the terminal names what could not be checked, and why" \
	grep -q "Company Maintenance (company-maintenance): a CDN" "$WORK/c9.out"
check_true "C9: the HTML says nothing is to change yet, and why" \
	grep -q "Nothing to change yet" "$WORK/out/c9.html"

# C10: rate limited in the middle of the audit.
sim_start horizon-role --rate-limit 10
audit c10
check "C10: finished with no gap" 0 "$STATUS"
check "C10: nothing lost to the limit" 0 \
	"$(count "//*[local-name()='finding'][@status!='pass' and @status!='excess']")"
check_true "C10: the server did answer 429" \
	test "$(log_count '"status":429')" -gt 0
sim_start horizon-role --rate-limit 2
audit c10out --retries 0
check "C10: with retries run out, exit 2" 2 "$STATUS"
check_true "C10: the affected verdicts are unknown (rate limited)" \
	test "$(count "//*[local-name()='finding'][@cause='rate-limited']")" -gt 0
check "C10: and none of them is a gap" 0 \
	"$(count "//*[local-name()='finding'][@status='gap']")"

# --fail-on gap, like the default, ignores gaps of optional
# requirements (advice only).
sed 's/"Finance > Agreements": "All"/"Finance > Agreements": {"inquire": "None"}/' \
	"$TENANTS/horizon-role.json" >"$WORK/tenants-opt.json"
mkdir -p "$WORK/topt" && mv "$WORK/tenants-opt.json" "$WORK/topt/opt.json"
grep -q '"Finance > Agreements": {"inquire": "None"}' "$WORK/topt/opt.json"
TENANTS_SAVED=$TENANTS
TENANTS="$WORK/topt"
sim_start opt
TENANTS=$TENANTS_SAVED
audit optgap --fail-on gap
check "optional gap only: agreements is a gap" gap "$(verdict agreements)"
check "optional gap only: --fail-on gap exits 0" 0 "$STATUS"

# Every gap comes with a fix, even when the member cannot read its own
# settings and the gap is known only from a denied probe.
mkdir -p "$WORK/tenants"
sed 's/"mySecurity": true/"mySecurity": false/' \
	"$TENANTS/manager-clone.json" >"$WORK/tenants/hidden-clone.json"
grep -q '"mySecurity": false' "$WORK/tenants/hidden-clone.json"
TENANTS_SAVED=$TENANTS
TENANTS="$WORK/tenants"
sim_start hidden-clone
TENANTS=$TENANTS_SAVED
audit hidden
check_true "hidden settings: some gap is found" \
	test "$(count "//*[local-name()='finding'][@status='gap']")" -gt 0
unfixed=0
for id in $(xpath "//*[local-name()='finding'][@status='gap']/@id" |
	sed 's/ id="\([^"]*\)"/\1 /g'); do
	[ "$(count "//*[local-name()='fix'][@finding='$id']")" -gt 0 ] ||
		unfixed=$((unfixed + 1))
done
check "hidden settings: every gap has a fix" 0 "$unfixed"
check_true "hidden settings: the terminal lists the changes" \
	grep -q "Changes to make" "$WORK/hidden.out"

finish
