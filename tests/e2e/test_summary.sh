#!/bin/sh
# tests/e2e/test_summary.sh: the summary roleaudit prints at the end.
#
# For several audits (gaps, a long role name, markup, a stopped audit):
# every line fits in 80 columns, counted in characters; each verdict is
# counted with the XML report's number; the first fixes are shown; the
# report files are named.  Colour: no escape byte when stdout is a file;
# on a terminal (script(1) gives one) colour appears, unless NO_COLOR is
# set.

# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"

ESC=$(printf '\033')
SGR="$ESC\[[0-9;]*m"

# widest FILE: the widest line of FILE in characters.
widest() {
	max=0
	while IFS= read -r line || [ -n "$line" ]; do
		n=$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -m)
		[ "$n" -le "$max" ] || max=$n
	done <"$1"
	echo "$max"
}

# flat FILE: FILE's words on one line, so wrapped text can be matched.
flat() {
	tr '\n' ' ' <"$1" | tr -s ' '
}

# has NAME TEXT: the summary of NAME holds TEXT (across line breaks).
has() {
	case $(flat "$WORK/$1.out") in
	*"$2"*) return 0 ;;
	*) return 1 ;;
	esac
}

# both A B: neither A nor B is empty.
both() {
	[ -n "$1" ] && [ -n "$2" ]
}

# counted NAME: each verdict appears with the XML report's count.
counted() {
	for v in pass gap excess unknown unverifiable; do
		n=$(xpath "string(//*[local-name()='summary']/@$v)")
		check_true "$1: counts $v ($n)" has "$1" "$n $v"
	done
}

# basics NAME: width, report files, no escape byte on a file.
basics() {
	w=$(widest "$WORK/$1.out")
	check_true "$1: every line fits in 80 columns (widest $w)" \
	    [ "$w" -le 80 ]
	check_true "$1: names the XML report" has "$1" "$WORK/out/$1.xml"
	check_true "$1: names the HTML report" has "$1" "$WORK/out/$1.html"
	check_true "$1: no escape byte when stdout is a file" \
	    sh -c "! grep -q '$ESC' '$WORK/$1.out'"
}

sim_start manager-clone
audit manager-clone
basics manager-clone
counted manager-clone
FIX="(//*[local-name()='fix'])"
for i in 1 2 3; do
	path=$(xpath "string(${FIX}[$i]/*[local-name()='click-path'])")
	change=$(xpath "string(${FIX}[$i]/*[local-name()='change'])")
	check_true "manager-clone: the XML report has fix $i" \
	    both "$path" "$change"
	check_true "manager-clone: shows fix $i's click path" \
	    has manager-clone "$i. $path"
	check_true "manager-clone: shows fix $i's change" \
	    has manager-clone "$change"
done

long="HorizonIntegrationRoleForTheAcmeServiceDeskProjectAndFinance"
long="${long}TeamsClonedFromManagerOnTheFourthOfDecember"
sed "s/\"Manager Clone\"/\"$long\"/g" "$TENANTS/manager-clone.json" \
    >"$WORK/long-names.json"
saved=$TENANTS
TENANTS=$WORK
sim_start long-names
TENANTS=$saved
audit long-names
check "long-names: the audit ran (gaps)" 1 "$STATUS"
basics long-names
counted long-names

sim_start markup-role
audit markup-role
basics markup-role
counted markup-role

sim_start horizon-role
audit horizon-role
basics horizon-role
counted horizon-role

saved=$FIX_PRIVATE
FIX_PRIVATE=privWRONG-key-0000
audit stopped
FIX_PRIVATE=$saved
check "stopped: a wrong key stops the audit" 3 "$STATUS"
basics stopped
check_true "stopped: says which check failed" has stopped "check failed"

# On a terminal.  script(1) runs the audit on a pseudo-terminal; its
# output is what the terminal showed.
tty_audit() {
	cat >"$WORK/tty.sh" <<EOF
exec env $2 TERM=xterm CW_PRIVATE_KEY=$FIX_PRIVATE "$ROLEAUDIT" \
	--company "$FIX_COMPANY" --public-key "$FIX_PUBLIC" \
	--client-id "$FIX_CLIENT" --server "$SIM_HOST" \
	--cacert "$WORK/certs/ca.crt" --output-dir "$WORK/out" \
	--name "$1" --no-baseline
EOF
	script -qec "sh '$WORK/tty.sh'" /dev/null </dev/null \
	    >"$WORK/$1.out" 2>&1 || true
}

if ! command -v script >/dev/null 2>&1; then
	echo "# script(1) is missing: colour on a terminal not checked"
else
	sim_start manager-clone
	tty_audit tty-color ""
	check_true "on a terminal, the summary has colour" \
	    grep -q "$SGR" "$WORK/tty-color.out"
	check_true "on a terminal, it still names the report" \
	    has tty-color "$WORK/out/tty-color.html"
	tty_audit tty-nocolor NO_COLOR=1
	check_true "on a terminal with NO_COLOR=1, no colour" \
	    sh -c "! grep -q '$SGR' '$WORK/tty-nocolor.out'"
	check_true "on a terminal with NO_COLOR=1, still the summary" \
	    has tty-nocolor "$WORK/out/tty-nocolor.html"
	sim_stop
fi

finish
