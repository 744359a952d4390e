#!/bin/sh
# tests/e2e/test_browser.sh: the HTML reports as an admin meets them, in
# headless Chromium (tests/browser/pagecheck.js).
#
# Audits cwsim's admin, manager-clone, horizon-role and markup-role
# tenants, a manager clone whose role and member have very long names,
# an audit stopped by a wrong private key and one faulted by a CDN 403,
# then opens every HTML report in one Chromium and checks it.  A broken
# page is checked too, to show each check can fail.  Screenshots and
# PDFs stay in tests/screens/ of the build tree for a person to look at
# (NAME-1280.png and NAME-390.png: the first screen; whole-page shots
# of the manager clone and the long names; NAME.pdf).
# Skips (77) when chromium or node is missing.

# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"

CHROMIUM=${CHROMIUM:-$(command -v chromium || true)}
if [ -z "$CHROMIUM" ] || [ ! -x "$CHROMIUM" ]; then
	echo "SKIP: chromium is not installed (apt-get install chromium)"
	exit 77
fi
if ! command -v node >/dev/null 2>&1; then
	echo "SKIP: node is not installed (apt-get install nodejs)"
	exit 77
fi
# Node 20 has a WebSocket behind a flag; an older Node (Debian 12 has
# 18) refuses the flag, and pagecheck then uses chromium's debugging pipe.
NODE="node --experimental-websocket --no-warnings"
if ! $NODE -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' \
    2>/dev/null; then
	NODE="node --no-warnings"
	echo "# node $(node --version) has no WebSocket: using the pipe"
fi

PAGECHECK="$top_srcdir/tests/browser/pagecheck.js"
SCREENS="$top_builddir/tests/screens"
mkdir -p "$SCREENS"
PAGES=

# fixes NAME: how many fixes the XML report NAME lists.
fixes() {
	xpath "count(//*[local-name()='fixes']/*[local-name()='fix'])" \
	    "$WORK/out/$1.xml"
}

# report NAME: check the audit made both reports, queue the HTML one.
report() {
	if [ -s "$WORK/out/$1.html" ] && [ -s "$WORK/out/$1.xml" ]; then
		ok "$1: the audit wrote its reports (exit $STATUS)"
		PAGES="$PAGES --page $1:$(fixes "$1"):$WORK/out/$1.html"
	else
		not_ok "$1: the audit wrote no HTML and XML report"
	fi
}

# long_names: a manager clone whose role and member names are far
# wider than a phone, with no space to break at.
long_names() {
	long="HorizonIntegrationRoleForTheAcmeServiceDeskProjectAndFinance"
	long="${long}TeamsClonedFromManagerOnTheFourthOfDecember"
	$NODE -e '
		const fs = require("fs");
		const t = JSON.parse(fs.readFileSync(process.argv[1]));
		const old = t.members[0].role;
		for (const r of t.roles)
			if (r.name === old)
				r.name = process.argv[3];
		for (const m of t.members)
			if (m.role === old)
				m.role = process.argv[3];
		t.members[0].name = process.argv[3] + "Member";
		fs.writeFileSync(process.argv[2], JSON.stringify(t));
	' "$TENANTS/manager-clone.json" "$WORK/long-names.json" "$long"
}

for tenant in admin manager-clone horizon-role markup-role; do
	sim_start "$tenant"
	audit "$tenant"
	report "$tenant"
done

long_names
saved=$TENANTS
TENANTS=$WORK
sim_start long-names
TENANTS=$saved
audit long-names
report long-names

sim_start horizon-role
saved=$FIX_PRIVATE
FIX_PRIVATE=privWRONG-key-0000
audit stopped
FIX_PRIVATE=$saved
check "stopped: a wrong key stops the audit" 3 "$STATUS"
report stopped

sim_start horizon-role --fault html403@company/companies
audit faulted
report faulted
sim_stop

check "manager-clone: the XML report lists three fixes" 3 \
    "$(fixes manager-clone)"

# One chromium for every report and for a broken page, which must fail
# every check but the PDF (so each check can fail).  pagecheck prints
# "ok NAME: WHAT" or "not ok NAME: WHAT: WHY".
PAGES="$PAGES --page broken:2:$top_srcdir/tests/browser/broken-report.html"
set +e
# shellcheck disable=SC2086
$NODE "$PAGECHECK" --chromium "$CHROMIUM" --screens "$SCREENS" \
    --full manager-clone,long-names $PAGES \
    >"$WORK/pages.out" 2>"$WORK/pages.err"
rc=$?
set -e
check "pagecheck drove the browser to the end" 1 "$rc"
sed 's/^/#   pagecheck: /' "$WORK/pages.err"
while IFS= read -r line; do
	case $line in
	"ok broken: "*|"not ok broken: "*) ;;
	"ok "*) ok "${line#ok }" ;;
	"not ok "*) not_ok "${line#not ok }" ;;
	esac
done <"$WORK/pages.out"
check "a broken page passes only the PDF check" \
    "ok broken: prints to an A4 PDF" "$(grep '^ok broken: ' "$WORK/pages.out")"
check "a broken page fails 16 checks" 16 \
    "$(grep -c '^not ok broken: ' "$WORK/pages.out")"

# The three fixes of the manager clone, in the order of the XML report.
CHANGE="[local-name()='change']"
i=1
while [ "$i" -le 3 ]; do
	want=$(xpath "string((//*[local-name()='fix'])[$i]/*$CHANGE)" \
	    "$WORK/out/manager-clone.xml")
	got=$(sed -n "${i}p" "$SCREENS/manager-clone-fixes.txt" 2>/dev/null)
	case $got in
	"") not_ok "manager-clone: no fix $i on the page" ;;
	*"$want"*) ok "manager-clone: fix $i on the page is \"$want\"" ;;
	*) not_ok "manager-clone: fix $i is \"$got\", not \"$want\"" ;;
	esac
	i=$((i + 1))
done

echo "# screenshots and PDFs: $SCREENS"
finish
