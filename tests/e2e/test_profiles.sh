#!/bin/sh
# test_profiles.sh: the three roles of the Horizon guide.  Admin has no
# gaps (excess advice allowed); a fresh Manager clone has exactly the
# guide's three edits as gaps, each with its fix, in click order; the
# Horizon role (the clone with the edits) has no gaps at all.
. "${top_srcdir:-.}/tests/lib.sh"

gaps() { count "//*[local-name()='finding'][@status='gap']"; }
undecided() {
	count "//*[local-name()='finding'][@status='unknown' or @status='unverifiable']"
}
fix() {
	xpath "string((//*[local-name()='fix'])[$1]/*[local-name()='change'])"
}
fix_path() {
	xpath "string((//*[local-name()='fix'])[$1]/*[local-name()='click-path'])"
}

sim_start admin
audit admin
check "admin: exit 0" 0 "$STATUS"
check "admin: no gap" 0 "$(gaps)"
check "admin: nothing undecided" 0 "$(undecided)"
check "admin: member maintenance passes (or excess)" yes \
	"$(case $(verdict member-maintenance) in pass|excess) echo yes;; esac)"

sim_start manager-clone
audit manager
check "manager clone: exit 1" 1 "$STATUS"
check "manager clone: exactly three gaps" 3 "$(gaps)"
check "manager clone: member maintenance is a gap" gap \
	"$(verdict member-maintenance)"
check "manager clone: table setup is a gap" gap "$(verdict table-setup)"
check "manager clone: project tables are a gap" gap \
	"$(verdict project-tables)"
check "manager clone: nothing undecided" 0 "$(undecided)"
check "manager clone: three fixes" 3 \
	"$(count "//*[local-name()='fix']")"
check "manager clone: fix 1" "Inquire Level My → All" "$(fix 1)"
check "manager clone: fix 1 path" \
	"System > Security Roles > Manager Clone > System > Member Maintenance" \
	"$(fix_path 1)"
check "manager clone: fix 2" "Inquire Level None → All" "$(fix 2)"
check "manager clone: fix 2 path" \
	"System > Security Roles > Manager Clone > System > Table Setup" \
	"$(fix_path 2)"
case $(fix 3) in
"Customize: move "*'"Project / Phase Status"'*' to "Allow access to these"')
	ok "manager clone: fix 3 moves the project tables" ;;
*)	not_ok "manager clone: fix 3 is \"$(fix 3)\"" ;;
esac
check_true "manager clone: the summary lists the fixes" \
	grep -q "Inquire Level None → All" "$WORK/manager.out"
check_true "manager clone: the HTML names the fix" \
	grep -q "Phase Status" "$WORK/out/manager.html"

sim_start horizon-role
audit horizon
check "horizon role: exit 0" 0 "$STATUS"
check "horizon role: no gap" 0 "$(gaps)"
check "horizon role: nothing undecided" 0 "$(undecided)"
check "horizon role: no fix" 0 "$(count "//*[local-name()='fix']")"

finish
