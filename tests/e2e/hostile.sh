# tests/e2e/hostile.sh: helpers for the hostile-input tests (sourced
# after tests/lib.sh).
#
# roleaudit runs through a wrapper that bounds it in time (a hang fails
# the test instead of blocking it) and, under make check-valgrind
# (RA_VALGRIND set), runs it in valgrind with one log per process; a
# log with anything in it fails the test at hostile_finish.

RA_REAL="$ROLEAUDIT"
RA_LIMIT=${RA_LIMIT:-60}
mkdir -p "$WORK/bin" "$WORK/vg"
{
	echo '#!/bin/sh'
	if [ -n "${RA_VALGRIND:-}" ]; then
		echo "exec timeout -k 5 $((RA_LIMIT * 10)) $RA_VALGRIND" \
		    "--error-exitcode=99 --log-file='$WORK/vg/%p.log'" \
		    "'$RA_REAL' \"\$@\""
	else
		echo "exec timeout -k 5 $RA_LIMIT '$RA_REAL' \"\$@\""
	fi
} >"$WORK/bin/roleaudit"
chmod +x "$WORK/bin/roleaudit"
ROLEAUDIT="$WORK/bin/roleaudit"

# What an XML report says.
cause() {
	xpath "string(//*[local-name()='finding'][@id='$1']/@cause)"
}
# met ID: "met" when the finding passes (or passes with excess), else
# its status.
met() {
	v=$(verdict "$1")
	case $v in pass|excess) echo met ;; *) echo "$v" ;; esac
}
check_status() {
	xpath "string(//*[local-name()='check'][@name='$1']/@status)"
}
check_cause() {
	xpath "string(//*[local-name()='check'][@name='$1']/@cause)"
}
status_count() {
	count "//*[local-name()='finding'][@status='$1']"
}
findings() {
	count "//*[local-name()='finding']"
}

# report_ok [FILE]: the report is well-formed, and valid when the
# schema is there.
report_ok() {
	f=${1:-$REPORT}
	[ -s "$f" ] || return 1
	if [ -f "$top_srcdir/data/report.xsd" ]; then
		xmllint --noout --nonet --schema "$top_srcdir/data/report.xsd" \
		    "$f" >/dev/null 2>&1
	else
		xmllint --noout --nonet "$f" >/dev/null 2>&1
	fi
}

# now_ms: a monotonic-enough clock in milliseconds.
now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

# timed_audit NAME [options]: audit, and set ELAPSED_MS.
timed_audit() {
	t0=$(now_ms)
	audit "$@"
	ELAPSED_MS=$(($(now_ms) - t0))
}

# free_port: a loopback port with nothing listening: cwsim binds port 0,
# says which port it got, and is stopped again.
free_port() {
	sim_start horizon-role
	port=${SIM_HOST##*:}
	sim_stop
	echo "$port"
}

# log_lines PATTERN: how many lines of cwsim's log match (grep -E).
log_lines() {
	grep -cE "$1" "$WORK/sim.log" 2>/dev/null || true
}

# netns_ok: may this script open a network namespace of its own?
netns_ok() {
	command -v unshare >/dev/null 2>&1 &&
	    unshare -n true >/dev/null 2>&1
}

skip() {
	TESTS_RUN=$((TESTS_RUN + 1))
	echo "ok $TESTS_RUN - $1 # SKIP $2"
}

# hostile_finish: valgrind's verdict, then lib.sh's finish.
hostile_finish() {
	if [ -n "${RA_VALGRIND:-}" ]; then
		bad=$(find "$WORK/vg" -type f -size +0 | head -5)
		if [ -z "$bad" ]; then
			ok "valgrind found nothing in roleaudit"
		else
			not_ok "valgrind found errors in roleaudit"
			for f in $bad; do sed 's/^/#   /' "$f" | head -40; done
		fi
	fi
	finish
}
