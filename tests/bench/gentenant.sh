#!/bin/sh
# tests/bench/gentenant.sh: a cwsim tenant with many module functions,
# for the benchmark's large profile.
#
#	gentenant.sh EXTRA BASE.json OUT.json
#	gentenant.sh --catalog-size
#
# Copies the BASE tenant and adds "benchFunctions": EXTRA, so that its
# mySecurity lists the catalog's functions and then EXTRA made-up ones,
# "Bench > Bench Function NNNN" at inquire All (tests/sim/api_read.c).
# --catalog-size prints how many functions cwsim's fixed catalog holds
# (tests/sim/catalog.c), so that the caller can aim at a total.
set -eu

CATALOG_SIZE=19

if [ "${1:-}" = --catalog-size ]; then
	echo "$CATALOG_SIZE"
	exit 0
fi
if [ $# -ne 3 ]; then
	echo "usage: gentenant.sh EXTRA BASE.json OUT.json" >&2
	exit 2
fi

awk -v extra="$1" '
!done && sub(/\{/, "{ \"benchFunctions\": " extra ",") { done = 1 }
{ print }
END { if (!done) exit 1 }' "$2" >"$3.tmp"
mv "$3.tmp" "$3"
