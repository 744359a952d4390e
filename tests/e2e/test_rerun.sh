#!/bin/sh
# test_rerun.sh: admins fix a role, rerun, fix again.  Each rerun says
# what the edit changed, in the terminal, the XML and the HTML; reports
# accumulate per tenant and no run, killed or failed or concurrent, ever
# damages an earlier one.
. "${top_srcdir:-.}/tests/lib.sh"

TENANT="$WORK/tenant.json"
HIST="$WORK/hist"

# A run in history mode: no --name, a baseline by default.
rerun() {
	name=$1; shift
	set +e
	CW_PRIVATE_KEY=$FIX_PRIVATE "$ROLEAUDIT" --company "$FIX_COMPANY" \
		--public-key "$FIX_PUBLIC" --client-id "$FIX_CLIENT" \
		--server "$SIM_HOST" --cacert "$WORK/certs/ca.crt" \
		--output-dir "$HIST" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
	STATUS=$?
	set -e
}

start_copy() {	# start cwsim on the editable copy of the tenant
	sim_stop
	cp "$TENANT" "$TENANTS_COPY/t.json"
	TENANTS_SAVED=$TENANTS
	TENANTS=$TENANTS_COPY
	sim_start t "$@"
	TENANTS=$TENANTS_SAVED
}

set_function() {	# set_function "Module > Function" JSON-VALUE
	sed -i "s|^\( *\)\"$1\": .*|\1\"$1\": $2,|" "$TENANT"
	grep -q "\"$1\": $2" "$TENANT"
}

change_of() {
	xpath "string(//*[local-name()='finding'][@id='$1']/@change)" "$LATEST"
}

TENANTS_COPY="$WORK/tenants"
mkdir -p "$TENANTS_COPY"
cp "$TENANTS/horizon-role.json" "$TENANT"
# Before: Member Maintenance None and Project Phase None are gaps;
# Company Maintenance is inquire All only, Contacts All.
set_function "System > Member Maintenance" '{ "inquire": "None" }'
set_function "Project > Project Phase" '{ "inquire": "None" }'
set_function "Companies > Company Maintenance" '{ "inquire": "All" }'
start_copy
SIM_PORT=${SIM_HOST#localhost:}
rerun first
check "first run: gaps, exit 1" 1 "$STATUS"
DIR=$(find "$HIST" -mindepth 1 -maxdepth 1 -type d | head -n 1)
LATEST="$DIR/horizon-latest.xml"
check_true "first run: a per-tenant folder named company@host" \
	test "$(basename "$DIR")" = "acme@localhost_${SIM_HOST#localhost:}"
check_true "first run: horizon-latest.xml points at a report" \
	test -L "$LATEST" -a -s "$LATEST"
check_true "first run: no comparison yet" \
	test -z "$(xpath "string(//*[local-name()='baseline']/@path)" "$LATEST")"

# The edit: fix Member Maintenance, break Contacts, grant Company
# Maintenance more than it needs; Project Phase stays missing.
set_function "System > Member Maintenance" '{ "inquire": "All" }'
set_function "Companies > Contacts" '{ "inquire": "None" }'
set_function "Companies > Company Maintenance" '{ "inquire": "All", "add": "All" }'
start_copy
sleep 1	# a new second, so a new time-stamped name
rerun second
check "second run: still gaps, exit 1" 1 "$STATUS"
check "XML: member maintenance fixed" fixed "$(change_of member-maintenance)"
check "XML: contacts regressed" regressed "$(change_of contacts)"
check "XML: project phase still missing" still-missing \
	"$(change_of project-phase)"
check "XML: company maintenance newly beyond need" new-excess \
	"$(change_of company-maintenance)"
check "XML: table setup unchanged" unchanged "$(change_of table-setup)"
check "XML: contacts was met (excess) before" excess \
	"$(xpath "string(//*[local-name()='finding'][@id='contacts']/@before)" "$LATEST")"
check_true "terminal: regressed first, then fixed and still missing" \
	grep -q "1 regressed, 1 fixed, 1 still missing" "$WORK/second.out"
check_true "terminal: names what regressed" \
	grep -q "regressed: Companies > Contacts (contacts)" "$WORK/second.out"
check_true "terminal: names what was fixed" \
	grep -q "fixed: System > Member Maintenance (member-maintenance)" \
	"$WORK/second.out"
BASE=$(xpath "string(//*[local-name()='baseline']/@path)" "$LATEST")
check_true "the comparison names the earlier report, not the link" \
	sh -c "case '$BASE' in *horizon-2*.xml) exit 0;; *) exit 1;; esac"
HTML="$DIR/horizon-latest.html"
check_true "HTML: a Regressed section" grep -q "Regressed" "$HTML"
check_true "HTML: a Fixed section" grep -q "Fixed since the last report" "$HTML"
check_true "HTML: regressed comes before fixed" sh -c \
	"grep -o 'Regressed\|Fixed since' '$HTML' | head -n 1 | grep -q Regressed"
check "two reports of each kind kept" 2 \
	"$(find "$DIR" -name 'horizon-2*.xml' | wc -l | tr -d ' ')"

# --fail-on regression: exit 1 on the regression; a clean rerun gives 0.
sleep 1
rerun third --fail-on regression
check "--fail-on regression, no new regression: exit 0" 0 "$STATUS"
set_function "Companies > Company Maintenance" '{ "inquire": "None" }'
start_copy
sleep 1
rerun fourth --fail-on regression
check "--fail-on regression after breaking one: exit 1" 1 "$STATUS"

# A run that could not finish is no baseline: the next regression gate
# still sees the gaps.
set +e
CW_PRIVATE_KEY=$FIX_PRIVATE "$ROLEAUDIT" --company "$FIX_COMPANY" \
	--public-key WRONG --client-id "$FIX_CLIENT" --server "$SIM_HOST" \
	--cacert "$WORK/certs/ca.crt" --output-dir "$HIST" \
	>"$WORK/stopped.out" 2>"$WORK/stopped.err"
set -e
sleep 1
rerun afterstop --fail-on regression
check "--fail-on regression after a stopped run: gaps still fail" 1 \
	"$STATUS"
check_true "after a stopped run: it says the earlier audit could not finish" \
	grep -q "could not finish" "$WORK/afterstop.err"

# Met before and undecided now is a regression, not "unchanged".
start_copy --fault html403@company/companies
sleep 1
rerun blocked
check "met before, blocked now: regressed" regressed \
	"$(change_of company-status-table)"

# Nothing earlier is ever damaged: kill runs at many points.
( cd "$DIR" && find . -name 'horizon-2*' -type f | sort | xargs sha256sum ) \
	>"$WORK/sums"
before=$(wc -l <"$WORK/sums" | tr -d ' ')
start_copy --latency-ms 40
for delay in 0.05 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0 1.2; do
	CW_PRIVATE_KEY=$FIX_PRIVATE "$ROLEAUDIT" --company "$FIX_COMPANY" \
		--public-key "$FIX_PUBLIC" --client-id "$FIX_CLIENT" \
		--server "$SIM_HOST" --cacert "$WORK/certs/ca.crt" \
		--output-dir "$HIST" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
done
check_true "killed runs: every earlier report is unchanged" \
	sh -c "cd '$DIR' && sha256sum --quiet -c '$WORK/sums'"
valid=0
for f in "$DIR"/horizon-2*.xml "$LATEST"; do
	xmllint --noout --schema "$top_srcdir/data/report.xsd" "$f" \
		2>/dev/null && valid=$((valid + 1))
done
check "killed runs: every report left behind is whole and valid" \
	"$(($(ls "$DIR"/horizon-2*.xml | wc -l) + 1))" "$valid"

# Two runs at once never mix their files.
sim_stop
start_copy
n0=$(ls "$DIR"/horizon-2*.xml | wc -l)
n0h=$(ls "$DIR"/horizon-2*.html | wc -l)
rerun a & pa=$!
rerun b & pb=$!
wait "$pa" || true
wait "$pb" || true
check "two runs at once: two new reports" "$((n0 + 2))" \
	"$(ls "$DIR"/horizon-2*.xml | wc -l | tr -d ' ')"
check "two runs at once: two new HTML reports" "$((n0h + 2))" \
	"$(ls "$DIR"/horizon-2*.html | wc -l | tr -d ' ')"

# --fail-on regression never passes a role just because nothing could
# be compared: a missing baseline counts every gap.
rerun nobase --fail-on regression --baseline "$WORK/accpeted.xml" --name nobase
check "--fail-on regression with a missing baseline: gaps still fail" 1 \
	"$STATUS"
check_true "--fail-on regression with a missing baseline: it says why" \
	grep -q "counts every gap" "$WORK/nobase.err"
rerun firstrun --fail-on regression --output-dir "$WORK/empty-hist"
check "--fail-on regression on a first run: gaps still fail" 1 "$STATUS"

# A malformed or foreign earlier report: a message naming it, and the
# new report is still written.
printf '<audit><oops' >"$WORK/broken.xml"
rerun broken --baseline "$WORK/broken.xml" --name broken
check "malformed baseline: the audit still runs" 1 "$STATUS"
check_true "malformed baseline: the message names the file" \
	grep -q "broken.xml" "$WORK/broken.err"
check_true "malformed baseline: the new report is written" \
	test -s "$HIST/broken.xml"
rerun foreign --baseline "$top_srcdir/data/rules.xsd" --name foreign
check_true "foreign baseline: says it is not a roleaudit report" \
	grep -q "not a roleaudit report" "$WORK/foreign.err"
check_true "foreign baseline: the new report is written" \
	test -s "$HIST/foreign.xml"
sed 's/profile-version="[^"]*"/profile-version="0.9.0"/' "$HIST/foreign.xml" \
	>"$WORK/old-profile.xml"
rerun oldprofile --baseline "$WORK/old-profile.xml" --name oldprofile
check_true "older profile version: the comparison says so" \
	grep -q "profile version 0.9.0" "$HIST/oldprofile.xml"

finish
