#!/bin/sh
# tests/e2e/test_install.sh: `make install`, and the installed program.
#
# Makes a distribution tree of this build (make distdir), configures it
# with --prefix in a temporary folder, builds and installs it, then
# deletes the tree so that nothing but the installed files is left.
# Checks the program, its man page, the profile and the schemas are in
# their places; that the man page renders without warnings; and that the
# installed program, without ROLEAUDIT_DATADIR, finds its profile and
# audits cwsim's manager clone.

# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"

PREFIX="$WORK/prefix"
TREE="$WORK/tree"
LOG="$WORK/install.log"

# quiet_make ARGS: make without the jobserver of the make that runs us.
quiet_make() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make "$@" >>"$LOG" 2>&1
}

build() {
	quiet_make -C "$top_builddir" distdir distdir="$TREE" &&
	    (cd "$TREE" && ./configure -q --prefix="$PREFIX" >>"$LOG" 2>&1) &&
	    quiet_make -C "$TREE" -j2 install
}

if ! build; then
	not_ok "the distribution tree builds and installs"
	tail -30 "$LOG" | sed 's/^/#   /'
	finish || exit 1
fi
ok "the distribution tree builds and installs"
rm -rf "$TREE"

DATA="$PREFIX/share/roleaudit"
MAN="$PREFIX/share/man/man1/roleaudit.1"
for file in bin/roleaudit share/man/man1/roleaudit.1 \
    share/roleaudit/horizon.rules.xml share/roleaudit/rules.xsd \
    share/roleaudit/report.xsd share/roleaudit/junit.xsd; do
	check_true "installs $file" [ -s "$PREFIX/$file" ]
done
check_true "the program is executable" [ -x "$PREFIX/bin/roleaudit" ]
check_true "the profile is a valid rules file" \
    sh -c "xmllint --noout --schema '$DATA/rules.xsd' \
    '$DATA/horizon.rules.xml' 2>/dev/null"

if command -v groff >/dev/null 2>&1; then
	groff -man -Tutf8 -ww -z "$MAN" >"$WORK/groff.err" 2>&1 || true
	check "the man page renders without warnings" "" \
	    "$(head -3 "$WORK/groff.err")"
fi
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man -l "$MAN" 2>/dev/null >"$WORK/man.txt" || true
	check_true "man -l shows the page's EXIT STATUS" \
	    grep -q "EXIT STATUS" "$WORK/man.txt"
fi

version=$("$PREFIX/bin/roleaudit" --version 2>&1 || true)
check_true "the installed program says its version ($version)" \
    sh -c "printf '%s' '$version' | grep -q '[0-9]\.[0-9]'"

# The installed program on its own: no ROLEAUDIT_DATADIR, and no source
# or build tree of its own left to fall back on.
unset ROLEAUDIT_DATADIR
ROLEAUDIT="$PREFIX/bin/roleaudit"
sim_start manager-clone
audit installed
sim_stop
check "the installed program finds its profile and finds the gaps" 1 \
    "$STATUS"
check "its report has a finding for each requirement of the profile" \
    "$(xpath "count(//*[local-name()='requirement'])" \
    "$DATA/horizon.rules.xml")" "$(count "//*[local-name()='finding']")"
check_true "it wrote the HTML report" [ -s "$WORK/out/installed.html" ]

finish
