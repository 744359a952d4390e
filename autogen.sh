#!/bin/sh
# autogen.sh: generate ./configure and the Makefile.in files from a clean
# checkout.  Run it once after cloning, then ./configure && make.
set -e
cd "$(dirname "$0")"
autoreconf --install --force
