#!/bin/sh
# tests/bench/test_generators.sh: the benchmark's generators still make
# what the bench needs (run by `make check`; nothing here is timed).
# The generated profile must be valid against data/rules.xsd and load in
# roleaudit; the generated tenant must load in cwsim and list the catalog
# plus the added functions in mySecurity.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
. "$top_srcdir/tests/lib.sh"

HERE="$top_srcdir/tests/bench"
gen="$WORK/gen"
mkdir -p "$gen"

valid() {
	xmllint --noout --schema "$top_srcdir/data/rules.xsd" "$1" 2>/dev/null
}

sh "$HERE/genprofile.sh" 30 40 "$gen/p30.xml"
check_true "generated profile is valid against rules.xsd" valid "$gen/p30.xml"
check "generated profile has one requirement per count" 30 \
	"$(xpath "count(//*[local-name()='requirement'])" "$gen/p30.xml")"

catalog=$(sh "$HERE/gentenant.sh" --catalog-size)
sh "$HERE/gentenant.sh" 40 "$TENANTS/horizon-role.json" "$gen/big.json"
TENANTS=$gen
sim_start big
printf 'user = "%s+%s:%s"\nheader = "clientId: %s"\n' "$FIX_COMPANY" \
	"$FIX_PUBLIC" "$FIX_PRIVATE" "$FIX_CLIENT" >"$WORK/auth.conf"
count=$(curl -s --max-time 10 --cacert "$WORK/certs/ca.crt" \
	-K "$WORK/auth.conf" \
	"https://$SIM_HOST/v4_6_release/apis/3.0/system/mySecurity/count" |
	sed -n 's/.*"count": *\([0-9]*\).*/\1/p')
check "generated tenant lists the catalog and the added functions" \
	"$((catalog + 40))" "$count"

audit gen --rules "$gen/p30.xml"
check "roleaudit decides every generated requirement" 30 \
	"$(count "//*[local-name()='finding']")"
check "no audit error on the generated profile" "" \
	"$(grep 'roleaudit: error' "$WORK/gen.err" || true)"

finish
