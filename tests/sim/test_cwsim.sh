#!/bin/sh
# test_cwsim.sh: cwsim answers like ConnectWise for each fixture tenant,
# over HTTP and HTTPS, and stages each fault as documented.
set -eu
. "$(dirname "$0")/simlib.sh"
if ! command -v openssl >/dev/null 2>&1; then
	echo "1..0 # SKIP openssl missing"
	exit 77
fi

api_count_is() {
	api "$1/count" && status_is 200 && body_is "{\"count\":$2}"
}

log_has() { grep -q -- "$1" "$W/log"; }
log_lacks() { ! grep -q -- "$1" "$W/log"; }
is_rate_limited() {
	status_is 429 && body_has TooManyRequests && head_has '^Retry-After: 2'
}
is_garbage() { status_is 200 && body_has '<<<<'; }
is_reset() { { rc_is 52 || rc_is 56; } && status_is 000; }
is_trickled() {
	rc_is 28 && [ "$(body_size)" -gt 0 ] && [ "$(body_size)" -lt 40 ]
}
is_html() { status_is "$1" && head_has '^Content-Type: text/html'; }
has_cdn_headers() {
	head_has '^Via: 1.1 abc.cloudfront.net (CloudFront)' &&
	    head_has '^X-Cache: Error from cloudfront' &&
	    head_has '^X-Amz-Cf-Id: '
}
is_redirect() { status_is 302 && head_has "^Location: $1"; }
is_login_page() { is_html 200 && body_has '<form'; }
is_json_as_text() {
	head_has '^Content-Type: text/plain' && body_has HorizonAPI
}
is_huge() {
	[ "$(body_size)" -ge 67108864 ] && head -c 8 "$W/body" |
	    grep -q '^\[{"id":1'
}
is_deep() {
	[ "$(body_size)" -eq 200000 ] && head -c 5 "$W/body" |
	    grep -q '^\[\[\[\[\[$'
}
is_stalled() { rc_is 28 && [ ! -s "$W/body" ]; }

# --- horizon-role over HTTP: identity, keys, client id, lists ---------
start_sim horizon-role.json
get /login/companyinfo/acme
expect "companyinfo answers the tenant" status_and_body 200 '"CompanyID":"acme"'
expect "companyinfo gives the codebase" body_has '"Codebase":"v4_6_release/"'
expect "companyinfo echoes host:port as SiteUrl" \
    body_has "\"SiteUrl\":\"127.0.0.1:$PORT\""
get /login/companyinfo/nobody
expect "companyinfo answers null for an unknown company" body_is null
api system/info
expect "system/info answers good keys" status_and_body 200 '"version":'
expect "answers carry api-current-version" \
    head_has '^api-current-version: 2025.1'
expect "answers are JSON in utf-8" \
    head_has '^Content-Type: application/json; charset=utf-8'
get /${CODEBASE}apis/3.0/system/info -u acme+pubHorizon0001:wrong \
    -H "clientId: $CLIENT"
expect "a wrong private key answers 401 Unauthorized" \
    status_and_body 401 '"message":"Incorrect public/private key"'
get /${CODEBASE}apis/3.0/system/info -u otherco+pubHorizon0001:$SECRET \
    -H "clientId: $CLIENT"
expect "a wrong company answers 401" status_is 401
get /${CODEBASE}apis/3.0/system/info -H "clientId: $CLIENT"
expect "no credentials answers 401" status_and_body 401 Unauthorized
get /${CODEBASE}apis/3.0/system/info -u "$AUTH"
expect "a missing clientId answers 401 ClientIdRequired" \
    status_and_body 401 '"code":"ClientIdRequired"'
get /${CODEBASE}apis/3.0/system/info -u "$AUTH" -H "clientId: nope"
expect "an unregistered clientId answers 401" \
    status_and_body 401 ClientIdInvalid
get /v2019_1/apis/3.0/system/info -u "$AUTH" -H "clientId: $CLIENT"
expect "a wrong codebase answers 404 NotFound JSON" \
    status_and_body 404 '"code":"NotFound"'
api no/such/thing
expect "an unknown path answers 404 JSON" status_and_body 404 NotFound
api SYSTEM/MYSECURITY
expect "paths match case-insensitively" status_and_body 200 inquireLevel
api system/mySecurity
expect "mySecurity has one row per catalog function" \
    [ "$(count_of moduleFunctionIdentifier)" = 19 ]
expect "mySecurity marks Table Setup's allow list" \
    body_has '"TableSetup","myAllFlag":true,[^}]*"customFlag":true'
api system/mySecurity/customizeItems/
expect "customizeItems answers with a trailing slash" \
    [ "$(count_of SystemTableSetup)" = 10 ]
api system/myMembers
expect "myMembers is the caller's own record" \
    status_and_body 200 '^{"id":150,"identifier":"HorizonAPI"'
api 'system/apiMembers?conditions=identifier=%22HorizonAPI%22'
expect "apiMembers filters on identifier" \
    body_has '"structureLevel":{"id":1,"name":"Corporate"}'
api service/tickets
expect "a first page has rel=next and rel=last" \
    head_has 'rel="next".*page=8&pageSize=25>; rel="last"'
expect "a page holds pageSize records" [ "$(count_of '"summary"')" = 25 ]
api 'service/tickets?page=8'
expect "the last page has no rel=next" head_lacks 'rel="next"'
expect "the last page holds the rest" [ "$(count_of '"summary"')" = 5 ]
api 'service/tickets?pageSize=1000'
expect "no Link header when everything fits" head_lacks '^Link:'
api_count_is service/tickets 180 && ok "/count counts the list" ||
    not_ok "/count counts the list"
api 'service/tickets/count?conditions=board/id=2%20and%20closedFlag=false'
expect "conditions combine with and" status_and_body 200 '"count":'
api 'company/companies?conditions=identifier=%22AcmeIT%22&fields=id,name'
expect "conditions and fields select one trimmed record" \
    body_is '[{"id":1,"name":"Acme IT Services"}]'
api 'service/tickets?pageSize=-1'
expect "a negative pageSize answers 400 InvalidObject" \
    status_and_body 400 InvalidObject
api 'service/tickets?conditions=summary%20like'
expect "bad conditions answer 400" status_and_body 400 conditions
api company/companies -X POST -d '{"name":"x"}' \
    -H 'Content-Type: application/json'
expect "a POST the role may add answers 400 and changes nothing" \
    status_and_body 400 InvalidObject
api_count_is company/companies 37 && ok "companies are unchanged" ||
    not_ok "companies are unchanged"
api service/boards/1 -X DELETE
expect "a DELETE the role lacks answers 403 Security" security_denied
api service/boards/1 -X PATCH -d '[]'
expect "a PATCH the role lacks answers 403 Security" security_denied
api system/securityroles
expect "securityroles need Security Roles inquire" security_denied
api project/projects/1/phases
expect "project phases list under their project" \
    [ "$(count_of '"projectId":1')" = 3 ]
api project/projects/99/phases
expect "phases of a missing project answer 404" \
    status_and_body 404 'Project 99 not found'
api service/boards/1/statuses/14
expect "a child record answers by id" body_has '"name":"Closed"'
expect "the log has method, path, status, credentials, clientId" \
    log_has '"method":"GET","path":"/v4_6_release/apis/3.0/system/info",'\
'"status":200,"credentials":true,"clientId":true'
expect "the log marks requests without credentials" \
    log_has '"path":"/login/companyinfo/acme","status":200,'\
'"credentials":false,"clientId":false'
expect "the log keeps the query" grep -q 'page=8' "$W/log"
expect "the log never holds the private key" \
    log_lacks "$SECRET"
stop_sim
expect "cwsim exits 0 on SIGTERM" [ "$SIM_RC" = 0 ]

# --- field cases --------------------------------------------------------
start_sim c1-no-member-maintenance.json
api 'system/members?pageSize=1'
expect "C1: members answer 403 Security" security_denied
api 'company/companies?pageSize=1'
expect "C1: companies still answer 200" status_and_body 200 '"identifier"'
stop_sim

start_sim c2-board-statuses-denied.json
api service/boards/1/statuses
expect "C2: board statuses outside the allow list answer 403" \
    security_denied
api company/companies/statuses
expect "C2: allowed company statuses answer 200" status_and_body 200 Active
stop_sim

start_sim c3-tickets-my.json
api service/tickets
expect "C3: inquire My lists none of 500 foreign tickets" \
    status_and_body 200 '^\[\]$'
api_count_is service/tickets 0 && ok "C3: /count under My is 0" ||
    not_ok "C3: /count under My is 0"
api system/mySecurity
expect "C3: mySecurity says inquire My" \
    body_has '"inquireLevel":"My","moduleFunctionName":"Service Tickets"'
stop_sim

start_sim c4-company-tables.json
api company/companies/types
expect "C4: company types answer 403" security_denied
api company/companies/statuses
expect "C4: company statuses answer 403" security_denied
api service/boards
expect "C4: service boards answer 200" status_and_body 200 'Help Desk'
expect "C4: project boards are hidden without their item" \
    body_lacks '"projectFlag":true'
stop_sim

start_sim c5-phases-denied.json
api 'project/projects?pageSize=1'
expect "C5: a project is listed" status_and_body 200 '"id":1'
api project/projects/1/phases
expect "C5: its phases answer 403" security_denied
stop_sim

start_sim c5-no-projects.json
api project/projects
expect "C5: no projects gives an empty list" status_and_body 200 '^\[\]$'
stop_sim

start_sim c6-partial-grants.json
api finance/agreements
expect "C6: agreements answer 403" security_denied
api project/projects/2/phases
expect "C6: phases answer 403" security_denied
api company/contacts
expect "C6: contacts answer 200" status_and_body 200 firstName
stop_sim

start_sim c8-client-id.json
api system/info
expect "C8: an unregistered clientId answers 401" status_is 401
expect "C8: ... as text/plain" head_has '^Content-Type: text/plain'
stop_sim

start_sim manager-clone.json
api system/members
expect "Manager Clone: members under My is the own record only" \
    [ "$(count_of '"identifier"')" = 1 ]
expect "Manager Clone: ... and it is HorizonAPI" body_has HorizonAPI
api service/boards
expect "Manager Clone: Table Setup None answers 403" security_denied
api system/mySecurity/customizeItems
expect "Manager Clone: the allow list lacks the project tables" \
    body_lacks ProjectPhaseStatus
stop_sim

start_sim settings-hidden.json
api system/mySecurity
expect "settings-hidden: mySecurity answers 403 Security" security_denied
api system/info
expect "settings-hidden: other calls still work" status_is 200
stop_sim

start_sim inactive-member.json
api system/info
expect "inactive member answers 401" status_and_body 401 Unauthorized
stop_sim

start_sim markup-role.json
api system/myMembers
expect "markup role name comes back as data" \
    body_has '"name":"<script>alert(1)</script> & \\"Ops\\""'
stop_sim

start_sim admin.json
api system/securityroles/1/settings
expect "Admin reads role settings" status_and_body 200 '"inquireLevel":"All"'
stop_sim

start_sim cloud.json
get /login/companyinfo/ACME
expect "cloud companyinfo says IsCloud and the new codebase" \
    body_has '"Codebase":"v2025_1/","VersionCode":"v2025.1",.*"IsCloud":true'
api system/info
expect "cloud: the pinned old codebase answers 404" status_is 404
CODEBASE=v2025_1/
api system/info
expect "cloud: the current codebase answers" \
    status_and_body 200 '"isCloud":true'
CODEBASE=v4_6_release/
stop_sim

# --- rate limit and latency --------------------------------------------
start_sim horizon-role.json --rate-limit 10 --retry-after 2
urls=
i=0
while [ $i -lt 40 ]; do
	urls="$urls $BASE/${CODEBASE}apis/3.0/system/info"
	i=$((i + 1))
done
# shellcheck disable=SC2086
curl -s -m 10 -u "$AUTH" -H "clientId: $CLIENT" -o /dev/null \
    -w '%{http_code}\n' $urls >"$W/codes" || true
expect "rate limit answers 429 beyond N a second" grep -q 429 "$W/codes"
expect "rate limit lets the first N through" grep -q 200 "$W/codes"
sleep 1.1
api system/info
i=0
while status_is 200 && [ $i -lt 30 ]; do
	api system/info
	i=$((i + 1))
done
expect "429 carries Retry-After and a JSON body" \
    is_rate_limited
stop_sim

start_sim horizon-role.json --latency-ms 400
curl -s -m 5 -o /dev/null -o /dev/null -w '%{time_total}\n' --parallel \
    --parallel-immediate "$BASE/login/companyinfo/acme" \
    "$BASE/login/companyinfo/acme" >"$W/times" 2>/dev/null || true
expect "latency delays each answer" \
    awk '$1 < 0.35 { bad = 1 } END { exit bad || NR != 2 }' "$W/times"
expect "latency does not serialise connections" \
    awk '$1 > 0.75 { bad = 1 } END { exit bad }' "$W/times"
stop_sim

# --- faults ------------------------------------------------------------
start_sim horizon-role.json \
    --fault garbage@service/priorities --fault truncated@project/statuses \
    --fault reset@project/phaseStatuses \
    --fault trickle@company/companies/types \
    --fault html403@company/companies --fault 500@time/entries \
    --fault redirect-http@schedule/entries \
    --fault redirect-host@finance/agreements --fault html200@company/contacts \
    --fault wrongtype@system/myMembers --fault huge@project/tickets \
    --fault deep@system/apiMembers --fault stall@system/securityroles \
    --fault 500@login/
api service/priorities
expect "garbage: 200 JSON type with a body that is not JSON" \
    is_garbage
api project/statuses
expect "truncated: the body ends before Content-Length (curl 18)" rc_is 18
api project/phaseStatuses
expect "reset: the connection closes without an answer" \
    is_reset
api company/companies/types -m 1
expect "trickle: a few bytes, then the client gives up" \
    is_trickled
api company/companies
expect "html403: 403 text/html" \
    is_html 403
expect "html403: CloudFront headers" \
    has_cdn_headers
api time/entries
expect "500: JSON 500" status_and_body 500 InternalServerError
api 'schedule/entries?page=2'
expect "redirect-http: 302 to http on the same host" \
    head_has "^Location: http://127.0.0.1:$PORT/${CODEBASE}apis/3.0/"\
"schedule/entries?page=2"
api finance/agreements
expect "redirect-host: 302 to another host" \
    is_redirect 'https://evil.invalid/'
api company/contacts
expect "html200: a login page with 200" \
    is_login_page
api system/myMembers
expect "wrongtype: JSON as text/plain" \
    is_json_as_text
get /${CODEBASE}apis/3.0/project/tickets -m 30 -u "$AUTH" \
    -H "clientId: $CLIENT"
expect "huge: a 64 MiB JSON array" \
    is_huge
api system/apiMembers
expect "deep: JSON nested 100000 deep" \
    is_deep
api system/securityroles -m 1
expect "stall: no answer at all" \
    is_stalled
get /login/companyinfo/acme
expect "a login/ prefix faults companyinfo" status_is 500
api system/info
expect "paths outside every prefix answer normally" status_is 200
expect "the log names the fault" grep -q '"fault":"html403"' "$W/log"
stop_sim
expect "cwsim stops cleanly while a connection stalls" [ "$SIM_RC" = 0 ]

start_sim horizon-role.json --fault 500
get /login/companyinfo/acme
expect "a fault without prefix spares companyinfo" status_is 200
api system/info
expect "a fault without prefix hits API calls" status_is 500
stop_sim

# --- HTTPS ---------------------------------------------------------------
"$srcdir/tests/sim/mkcerts.sh" "$W/certs"
SCHEME=https
HOST=localhost
start_sim horizon-role.json --tls-cert "$W/certs/server.crt" \
    --tls-key "$W/certs/server.key"
api system/info --cacert "$W/certs/ca.crt"
expect "HTTPS answers with the test CA" status_is 200
api 'service/tickets?pageSize=50' --cacert "$W/certs/ca.crt"
expect "HTTPS Link headers say https" \
    head_has "<https://localhost:$PORT/${CODEBASE}apis/3.0/service/"\
"tickets?page=2&pageSize=50>; rel=\"next\""
api system/info
expect "HTTPS without the CA fails verification (curl 60)" rc_is 60
stop_sim
start_sim horizon-role.json --tls-cert "$W/certs/wronghost.crt" \
    --tls-key "$W/certs/wronghost.key"
api system/info --cacert "$W/certs/ca.crt"
expect "a wrong-host certificate fails (curl 60)" rc_is 60
stop_sim
SCHEME=http
HOST=127.0.0.1

# --- refusals ---------------------------------------------------------------
rc=0
"$CWSIM" --tenant "$TENANTS/horizon-role.json" --listen 0.0.0.0:0 \
    2>"$W/err" || rc=$?
expect "a non-loopback address is refused" \
    sh -c "[ $rc -ne 0 ] && grep -q loopback '$W/err'"
printf '{\n  "companyId": "acme",\n  "roles": [1,,]\n}\n' >"$W/bad.json"
rc=0
"$CWSIM" --tenant "$W/bad.json" 2>"$W/err" || rc=$?
expect "a bad tenant is refused with path:line:column" \
    sh -c "[ $rc -ne 0 ] && grep -q 'bad.json:3:' '$W/err'"

finish
