#!/bin/sh
# tests/e2e/test_tls.sh: a server whose certificate cannot be trusted
# gets nothing: no request with the keys, exit 3, and a report whose
# server check names TLS.  Certificates come from tests/sim/mkcerts.sh:
# one for the wrong host name, one expired, one self-signed, and the
# good one without the test CA.  Plain http is not spoken either.

. "$(cd "$(dirname "$0")/.." && pwd)/lib.sh"
. "$top_srcdir/tests/e2e/hostile.sh"

certs

# tls_case NAME CERT [roleaudit options]: cwsim serves CERT; the audit
# must stop at the server check with cause tls, and cwsim must log no
# request at all (the handshake never completed).
tls_case() {
	label=$1 cert=$2; shift 2
	sim_start horizon-role --tls-cert "$WORK/certs/$cert.crt" \
	    --tls-key "$WORK/certs/$cert.key"
	audit "tls-$label" --timeout 5 --retries 1 "$@"
	check "$label: exit 3" 3 "$STATUS"
	check "$label: server check failed" fail "$(check_status server)"
	check "$label: cause" tls "$(check_cause server)"
	check "$label: no findings" 0 "$(findings)"
	check "$label: cwsim saw no request" 0 "$(log_lines .)"
	check_true "$label: the report is finished" report_ok
}

# The good certificate and the test CA: the control case.
sim_start horizon-role
audit tls-good --timeout 5
check "trusted certificate: exit 0" 0 "$STATUS"
check "trusted certificate: server check" pass "$(check_status server)"

tls_case "wrong host name" wronghost
tls_case expired expired
tls_case "self-signed" selfsigned
tls_case "test CA not given" server --cacert /dev/null

# cwsim over plain http: roleaudit speaks only https.
sim_stop
rm -f "$WORK/port" "$WORK/sim.log"
"$CWSIM" --tenant "$TENANTS/horizon-role.json" --listen 127.0.0.1:0 \
    --port-file "$WORK/port" --log "$WORK/sim.log" 2>"$WORK/sim.err" &
SIM_PID=$!
i=0
while [ ! -s "$WORK/port" ] && [ $i -lt 100 ]; do
	i=$((i + 1)); sleep 0.05
done
SIM_HOST="localhost:$(cat "$WORK/port")"
audit plain-http --timeout 5 --retries 0
check "plain http server: exit 3" 3 "$STATUS"
check "plain http server: server check failed" fail \
    "$(check_status server)"
check "plain http server: no request reached it" 0 \
    "$(log_lines '"credentials":true')"
check_true "plain http server: the report is finished" report_ok

hostile_finish
