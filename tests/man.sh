#!/bin/sh
# man.sh: the manual page renders with groff without a single warning.
page="${top_srcdir:-.}/docs/roleaudit.1"
command -v groff >/dev/null 2>&1 || { echo "groff not found"; exit 77; }
out=$(groff -man -Tutf8 -ww -z "$page" 2>&1) || { echo "$out"; exit 1; }
if [ -n "$out" ]; then
	echo "$out"
	exit 1
fi
exit 0
