#!/bin/sh
# tests/bench/bench.sh: `make bench`, how fast and how politely roleaudit
# probes.  Not part of `make check`: it takes two to three minutes and
# its figures depend on the machine.
#
# Against cwsim on loopback with --latency-ms (default 100), it runs, in
# turn and BENCH_REPEAT times each (default 5, medians shown):
#   1. roleaudit with its default --jobs;
#   2. roleaudit --jobs 1;
#   3. a sequential loop of curl calls replaying exactly the requests
#      roleaudit made (read back from cwsim's --log);
# then the same audit under --rate-limit (default 5 a second); then a
# generated large profile (500 requirements over a tenant with 1,000
# module-function settings, and a small one for comparison); then cwsim
# alone, plain HTTP, pinned to one core.  It prints wall times, ratios,
# the lower bound, CPU per probe and peak RSS, and whether each target
# of docs/PERFORMANCE.md is met.  Exit status: 0 when everything ran
# (targets met or not; BENCH_STRICT=1 makes a missed target fail), 1
# when a run went wrong (an audit failed, verdicts differ).
#
# Every cwsim it starts listens on 127.0.0.1 only and is stopped on exit;
# every loop has a fixed count and every command a time limit.

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
. "$top_srcdir/tests/lib.sh"

LATENCY=${BENCH_LATENCY_MS:-100}
RATE=${BENCH_RATE:-5}
REPEAT=${BENCH_REPEAT:-5}
LARGE_SIZES=${BENCH_LARGE_SIZES:-"50 500"}
LARGE_LATENCY=${BENCH_LARGE_LATENCY_MS:-$LATENCY}
SETTINGS=${BENCH_SETTINGS:-1000}
SIM_REQUESTS=${BENCH_SIM_REQUESTS:-20000}
SWEEP=${BENCH_SWEEP:-"8 16"}
STRICT=${BENCH_STRICT:-0}
RESULTS=${BENCH_RESULTS:-$top_builddir/tests/bench/results.txt}

RUSAGE="$top_builddir/tests/bench/rusage"
REAL_ROLEAUDIT=$ROLEAUDIT
HERE="$top_srcdir/tests/bench"
AUDIT_LIMIT_S=300
BROKEN=0
MISSED=0

for tool in curl awk; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "bench: $tool is not installed" >&2; exit 1; }
done
[ -x "$RUSAGE" ] || { echo "bench: build $RUSAGE first" >&2; exit 1; }

# say TEXT...: print and keep for the results file.
say() {
	printf '%s\n' "$*" | tee -a "$WORK/results"
}

broken() {
	say "BROKEN: $*"
	BROKEN=1
}

# target NAME MET(0/1) DETAIL
target() {
	if [ "$2" = 1 ]; then
		say "target: $1: met ($3)"
	else
		say "target: $1: MISSED ($3)"
		MISSED=1
	fi
}

# calc EXPR: floating point arithmetic with awk.
calc() {
	awk "BEGIN { printf \"%.3f\", $1 }"
}

# median FILE: the middle value of one number a line.
median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# log_lines: how many requests cwsim has logged so far.
log_lines() {
	if [ -f "$WORK/sim.log" ]; then
		wc -l <"$WORK/sim.log" | tr -d ' '
	else
		echo 0
	fi
}

# log_since N FILE: the log lines after the first N into FILE.
log_since() {
	sed -n "$(($1 + 1)),\$p" "$WORK/sim.log" >"$2"
}

# The wrapper that audit() runs instead of roleaudit: it measures the
# run (rusage) and bounds it in time.
cat >"$WORK/timed-roleaudit" <<EOF
#!/bin/sh
exec "$RUSAGE" "\$COST_FILE" timeout $AUDIT_LIMIT_S "$REAL_ROLEAUDIT" "\$@"
EOF
chmod +x "$WORK/timed-roleaudit"
ROLEAUDIT="$WORK/timed-roleaudit"

# timed_audit NAME [options]: audit() with its cost in WALL_S, CPU_S,
# RSS_KB and its requests (cwsim log lines) in $WORK/NAME.requests.
timed_audit() {
	tname=$1; shift
	COST_FILE="$WORK/$tname.cost"
	export COST_FILE
	before=$(log_lines)
	audit "$tname" "$@"
	read_cost "$COST_FILE"
	log_since "$before" "$WORK/$tname.requests"
	REQUESTS=$(wc -l <"$WORK/$tname.requests" | tr -d ' ')
	if [ "$STATUS" -ge 3 ]; then
		broken "audit $tname exited $STATUS"
		sed 's/^/  stderr: /' "$WORK/$tname.err" | head -10
	fi
}

# read_cost FILE: WALL_S CPU_S RSS_KB from a rusage line.
read_cost() {
	read -r c_wall c_user c_sys c_rss c_status <"$1"
	WALL_S=$(calc "$c_wall / 1e6")
	CPU_S=$(calc "($c_user + $c_sys) / 1e6")
	RSS_KB=$c_rss
}

# Path, method and credentials of a cwsim log line (one JSON object).
log_text() {
	sed -n "s/.*\"$1\": *\"\\([^\"]*\\)\".*/\\1/p"
}
log_bool() {
	sed -n "s/.*\"$1\": *\\(true\\|false\\).*/\\1/p"
}

# write_curl_loop REQUESTS SCRIPT: one curl call per logged request, in
# log order, with the same credentials as roleaudit (from a config file,
# not argv) and the same CA.
write_curl_loop() {
	printf 'user = "%s+%s:%s"\nheader = "clientId: %s"\n' \
	    "$FIX_COMPANY" "$FIX_PUBLIC" "$FIX_PRIVATE" "$FIX_CLIENT" \
	    >"$WORK/curl-auth.conf"
	chmod 600 "$WORK/curl-auth.conf"
	{
		echo '#!/bin/sh'
		while IFS= read -r line; do
			path=$(printf '%s\n' "$line" | log_text path)
			cred=$(printf '%s\n' "$line" | log_bool "$LOG_AUTH")
			case $path in
			*\'*|'') echo "bench: odd path in log" >&2; continue ;;
			esac
			auth=
			[ "$cred" = true ] && auth="-K '$WORK/curl-auth.conf'"
			echo "curl -sS -o /dev/null --max-time 10" \
			    "--cacert '$WORK/certs/ca.crt' $auth" \
			    "'https://$SIM_HOST$path'"
		done <"$1"
	} >"$2"
}

# curl_loop NAME: run the loop; cost as for timed_audit.
curl_loop() {
	before=$(log_lines)
	"$RUSAGE" "$WORK/$1.cost" timeout $AUDIT_LIMIT_S sh "$WORK/loop.sh" \
	    || broken "the curl loop failed"
	read_cost "$WORK/$1.cost"
	log_since "$before" "$WORK/$1.requests"
}

# request_set FILE: method, path and status of each request, sorted, to
# compare two runs.
request_set() {
	while IFS= read -r line; do
		printf '%s %s %s\n' \
		    "$(printf '%s\n' "$line" | log_text method)" \
		    "$(printf '%s\n' "$line" | log_text path)" \
		    "$(printf '%s\n' "$line" | \
		    sed -n 's/.*"status": *\([0-9]*\).*/\1/p')"
	done <"$1" | sort
}

# verdicts REPORT: "id=status" for every finding, in report order.
verdicts() {
	n=$(count "//*[local-name()='finding']" | cut -d. -f1)
	i=1
	while [ "$i" -le "${n:-0}" ]; do
		f="(//*[local-name()='finding'])[$i]"
		xpath "concat($f/@id,'=',$f/@status)" "$1"
		echo
		i=$((i + 1))
	done
}

# The chain of dependent requests: companyinfo, then /system/info and
# /system/myMembers, then the probes, then the probes that need an id
# from another (src/audit.c, src/evidence.c).
chain_length() {
	if grep -q 'needs="' "$1"; then echo 4; else echo 3; fi
}

# The log's name for "credentials came with it" (tests/sim/README.md).
LOG_AUTH=${BENCH_LOG_AUTH:-credentials}

machine() {
	say "machine: $(uname -srm), $(nproc) cores," \
	    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)," \
	    "$(awk '/MemTotal/ { printf "%d MB RAM", $2 / 1024 }' \
	    /proc/meminfo)"
	say "libcurl: $(curl --version | head -1 | cut -d' ' -f1-5)"
	say "roleaudit: $("$REAL_ROLEAUDIT" --version 2>/dev/null | head -1)," \
	    "commit $(cd "$top_srcdir" && git rev-parse --short HEAD \
	    2>/dev/null || echo unknown)"
	say "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load average" \
	    "$(cut -d' ' -f1-3 /proc/loadavg) at the start"
}

# The default of --jobs, from --help (4 when it cannot be read).
default_jobs() {
	j=$("$REAL_ROLEAUDIT" --help 2>/dev/null | \
	    sed -n 's/.*--jobs.*default:* *\([0-9][0-9]*\).*/\1/p' | head -1)
	echo "${j:-4}"
}

# 1. Horizon profile: default jobs, --jobs 1, the curl loop.
bench_horizon() {
	profile="$top_srcdir/data/horizon.rules.xml"
	JOBS=$(default_jobs)
	CHAIN=$(chain_length "$profile")
	sim_start horizon-role --latency-ms "$LATENCY"
	say ""
	say "== Horizon profile, horizon-role tenant," \
	    "--latency-ms $LATENCY, $REPEAT runs each (medians)"

	timed_audit warm
	: >"$WORK/wall.default"; : >"$WORK/wall.jobs1"; : >"$WORK/wall.curl"
	: >"$WORK/cpu.default"; : >"$WORK/rss.default"
	for j in $SWEEP; do : >"$WORK/wall.sweep$j"; done
	r=1
	while [ "$r" -le "$REPEAT" ]; do
		timed_audit "default$r"
		echo "$WALL_S" >>"$WORK/wall.default"
		echo "$CPU_S" >>"$WORK/cpu.default"
		echo "$RSS_KB" >>"$WORK/rss.default"
		if [ "$r" = 1 ]; then
			N=$REQUESTS
			cp "$WORK/default1.requests" "$WORK/requests.log"
			write_curl_loop "$WORK/requests.log" "$WORK/loop.sh"
			cp "$REPORT" "$WORK/reference.xml"
			REF_STATUS=$STATUS
		fi
		timed_audit "jobs$r" --jobs 1
		echo "$WALL_S" >>"$WORK/wall.jobs1"
		curl_loop "curl$r"
		echo "$WALL_S" >>"$WORK/wall.curl"
		for j in $SWEEP; do
			timed_audit "sweep$j-$r" --jobs "$j"
			echo "$WALL_S" >>"$WORK/wall.sweep$j"
		done
		r=$((r + 1))
	done

	if [ "$(request_set "$WORK/requests.log")" = \
	    "$(request_set "$WORK/curl1.requests")" ]; then
		replay="the same $N requests and statuses"
	else
		replay="DIFFERENT requests or statuses"
		broken "the curl loop did not replay roleaudit's requests"
	fi

	lat_s=$(calc "$LATENCY / 1000")
	bound=$(calc "($CHAIN > $N / $JOBS ? $CHAIN : $N / $JOBS) * $lat_s")
	bound1=$(calc "$N * $lat_s")
	d=$(median "$WORK/wall.default")
	j1=$(median "$WORK/wall.jobs1")
	c=$(median "$WORK/wall.curl")
	cpu=$(median "$WORK/cpu.default")
	rss=$(median "$WORK/rss.default")
	say "requests per audit: $N (cwsim log); chain of dependent" \
	    "requests: $CHAIN; default --jobs: $JOBS"
	say "lower bound: max($CHAIN, $N/$JOBS) x $LATENCY ms = ${bound} s" \
	    "(--jobs 1: $N x $LATENCY ms = ${bound1} s)"
	say "$(printf '%-34s %8s %10s' run 'wall s' 'vs bound')"
	say "$(printf '%-34s %8s %10s' "roleaudit (default --jobs $JOBS)" \
	    "$d" "$(calc "$d / $bound")")"
	say "$(printf '%-34s %8s %10s' "roleaudit --jobs 1" "$j1" \
	    "$(calc "$j1 / $bound1")")"
	say "$(printf '%-34s %8s %10s' "curl loop, sequential" "$c" \
	    "$(calc "$c / $bound1")")"
	for j in $SWEEP; do
		w=$(median "$WORK/wall.sweep$j")
		bj=$(calc "($CHAIN > $N / $j ? $CHAIN : $N / $j) * $lat_s")
		say "$(printf '%-34s %8s %10s   bound %s s, curl loop / this %sx' \
		    "roleaudit --jobs $j" "$w" "$(calc "$w / $bj")" "$bj" \
		    "$(calc "$c / $w")")"
	done
	say "ratios: curl loop / default $(calc "$c / $d")x," \
	    "--jobs 1 / default $(calc "$j1 / $d")x"
	say "curl loop replayed: $replay"
	"$RUSAGE" "$WORK/version.cost" "$REAL_ROLEAUDIT" --version >/dev/null
	read_cost "$WORK/version.cost"
	libs=$(ldd "$REAL_ROLEAUDIT" 2>/dev/null | grep -v vdso | grep -c '\.so')
	say "startup floor (roleaudit --version: load $libs shared libraries):" \
	    "CPU ${CPU_S} s, peak RSS $(calc "$RSS_KB / 1024") MB"
	say "roleaudit CPU (user+sys): ${cpu} s for $N requests =" \
	    "$(calc "$cpu * 1000 / $N") ms a probe; peak RSS" \
	    "$(calc "$rss / 1024") MB"

	target "default --jobs within 1.5 x the lower bound" \
	    "$(awk "BEGIN { print ($d <= 1.5 * $bound) }")" \
	    "$(calc "$d / $bound") x"
	target "default --jobs at least 5 x faster than the curl loop" \
	    "$(awk "BEGIN { print ($c >= 5 * $d) }")" "$(calc "$c / $d") x"
}

# 2. The same audit under --rate-limit.
bench_rate() {
	sim_start horizon-role --latency-ms "$LATENCY" --rate-limit "$RATE"
	say ""
	say "== Horizon profile under --rate-limit $RATE" \
	    "(--latency-ms $LATENCY)"
	verdicts "$WORK/reference.xml" >"$WORK/verdicts.ref"
	rate_run "default --jobs $JOBS"
	for j in $SWEEP; do
		rate_run "--jobs $j" --jobs "$j"
	done
}

# rate_run LABEL [options]: one audit under the rate limit; its verdicts
# must be those of the unlimited reference run.
rate_run() {
	label=$1; shift
	RATED=$((${RATED:-0} + 1))
	timed_audit "rated$RATED" "$@"
	limited=$(grep -c '"status": *429' "$WORK/rated$RATED.requests" \
	    || true)
	bound=$(calc "$N / $RATE")
	say "$label: wall ${WALL_S} s for $N requests at $RATE a second" \
	    "(bound $N/$RATE = ${bound} s; $(calc "$WALL_S / $bound")" \
	    "x); 429 answers: $limited; exit $STATUS" \
	    "(without the limit: $REF_STATUS)"
	verdicts "$REPORT" >"$WORK/verdicts.rated"
	if cmp -s "$WORK/verdicts.ref" "$WORK/verdicts.rated" &&
	    [ "$STATUS" = "$REF_STATUS" ] && [ -s "$WORK/verdicts.ref" ]; then
		lost=0
		say "$label: verdicts: the same $(wc -l <"$WORK/verdicts.ref" \
		    | tr -d ' ') as without the limit"
	else
		lost=1
		broken "$label: verdicts differ under the rate limit:"
		diff "$WORK/verdicts.ref" "$WORK/verdicts.rated" | \
		    sed 's/^/  /' | tee -a "$WORK/results" || true
	fi
	target "$label: no verdict lost to the rate limit" "$((1 - lost))" \
	    "$limited answers were 429"
	target "$label: within 1.3 x requests over rate" \
	    "$(awk "BEGIN { print ($WALL_S <= 1.3 * $bound) }")" \
	    "$(calc "$WALL_S / $bound") x"
}

# 3. Large generated profiles over a tenant with $SETTINGS settings.
bench_large() {
	gen="$WORK/gen"
	mkdir -p "$gen"
	extra=$((SETTINGS - $(sh "$HERE/gentenant.sh" --catalog-size)))
	sh "$HERE/gentenant.sh" "$extra" "$TENANTS/horizon-role.json" \
	    "$gen/large.json"
	saved=$TENANTS
	TENANTS=$gen
	sim_start large --latency-ms "$LARGE_LATENCY"
	TENANTS=$saved
	say ""
	say "== Generated profiles, tenant with $SETTINGS module-function" \
	    "settings, --latency-ms $LARGE_LATENCY"
	say "$(printf '%-14s %9s %8s %8s %12s %10s' requirements requests \
	    'wall s' 'bound s' 'CPU ms/probe' 'peak RSS MB')"
	: >"$WORK/large.rss"
	for size in $LARGE_SIZES; do
		sh "$HERE/genprofile.sh" "$size" "$extra" "$gen/p$size.xml"
		timed_audit "large$size" --rules "$gen/p$size.xml"
		lbound=$(calc "($REQUESTS / $JOBS > 4 ? $REQUESTS / $JOBS : 4) \
		    * $LARGE_LATENCY / 1000")
		per=$(calc "$CPU_S * 1000 / $REQUESTS")
		say "$(printf '%-14s %9s %8s %8s %12s %10s' "$size" \
		    "$REQUESTS" "$WALL_S" "$lbound" "$per" \
		    "$(calc "$RSS_KB / 1024")")"
		echo "$size $RSS_KB $per $STATUS $CPU_S $REQUESTS" \
		    >>"$WORK/large.rss"
	done
	big=$(tail -1 "$WORK/large.rss")
	small=$(head -1 "$WORK/large.rss")
	say "marginal CPU per probe, $(echo "$small" | cut -d' ' -f1) to" \
	    "$(echo "$big" | cut -d' ' -f1) requirements: $(calc \
	    "($(echo "$big" | cut -d' ' -f5) - $(echo "$small" | \
	    cut -d' ' -f5)) * 1000 / ($(echo "$big" | cut -d' ' -f6) - \
	    $(echo "$small" | cut -d' ' -f6))") ms"
	rss_big=$(echo "$big" | cut -d' ' -f2)
	rss_small=$(echo "$small" | cut -d' ' -f2)
	say "peak RSS grows by $(calc "($rss_big - $rss_small) / 1024") MB" \
	    "from $(echo "$small" | cut -d' ' -f1) to" \
	    "$(echo "$big" | cut -d' ' -f1) requirements"
	target "under 1 ms of CPU per probe (largest profile)" \
	    "$(awk "BEGIN { print ($(echo "$big" | cut -d' ' -f3) < 1) }")" \
	    "$(echo "$big" | cut -d' ' -f3) ms"
	target "peak RSS under 20 MB (largest profile)" \
	    "$(awk "BEGIN { print ($rss_big < 20 * 1024) }")" \
	    "$(calc "$rss_big / 1024") MB"
}

# proc_cpu PID: user+system clock ticks used so far by a process.
proc_cpu() {
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# 4. cwsim alone: plain HTTP, no latency, pinned to one core; a single
# curl with --parallel on the other core sends SIM_REQUESTS requests.
bench_sim() {
	sim_stop
	rm -f "$WORK/port"
	pin_sim=; pin_client=
	if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
		pin_sim="taskset -c 0"; pin_client="taskset -c 1"
	fi
	$pin_sim "$CWSIM" --tenant "$TENANTS/horizon-role.json" \
	    --listen 127.0.0.1:0 --port-file "$WORK/port" \
	    2>"$WORK/sim.err" &
	SIM_PID=$!
	i=0
	while [ ! -s "$WORK/port" ] && [ $i -lt 100 ]; do
		i=$((i + 1)); sleep 0.05
	done
	[ -s "$WORK/port" ] || { broken "cwsim did not start"; return; }
	url="http://127.0.0.1:$(cat "$WORK/port")/v4_6_release/apis/3.0"
	url="$url/system/info?n=[1-$SIM_REQUESTS]"
	cpu0=$(proc_cpu "$SIM_PID")
	"$RUSAGE" "$WORK/sim.cost" timeout 120 $pin_client curl -s \
	    --no-progress-meter --parallel --parallel-max 64 --max-time 10 \
	    -K "$WORK/curl-auth.conf" -w '\n@%{http_code}\n' "$url" \
	    >"$WORK/sim.out" 2>"$WORK/sim.client.err" || true
	cpu1=$(proc_cpu "$SIM_PID")
	read_cost "$WORK/sim.cost"
	ok=$(grep -c '^@200$' "$WORK/sim.out" || true)
	tick=$(getconf CLK_TCK)
	sim_cpu=$(calc "($cpu1 - $cpu0) / $tick")
	say ""
	say "== cwsim alone: GET system/info over plain HTTP, no latency," \
	    "${pin_sim:-not pinned}, client: curl --parallel-max 64"
	say "$ok of $SIM_REQUESTS answered 200 in ${WALL_S} s:" \
	    "$(calc "$ok / $WALL_S") requests a second; cwsim used" \
	    "${sim_cpu} s of CPU: $(calc "$ok / ($sim_cpu > 0 ? $sim_cpu : \
	    0.001)") requests per CPU-second"
	# Judged on cwsim's own CPU: on a shared machine the wall rate says
	# as much about the client and the neighbours as about cwsim.
	cap=$(calc "$ok / ($sim_cpu > 0 ? $sim_cpu : 0.001)")
	target "cwsim does 5,000 small requests a second on one core" \
	    "$(awk "BEGIN { print ($cap >= 5000) }")" \
	    "$cap per CPU-second; $(calc "$ok / $WALL_S")/s wall"
	sim_stop
}

# 5. The progress line, drawn only on a terminal: run one audit under
# script(1) and look for "[phase] done/total".
bench_progress() {
	command -v script >/dev/null 2>&1 || return 0
	sim_start horizon-role
	cmd="'$REAL_ROLEAUDIT' --company $FIX_COMPANY"
	cmd="$cmd --public-key $FIX_PUBLIC --client-id $FIX_CLIENT"
	cmd="$cmd --server $SIM_HOST --cacert '$WORK/certs/ca.crt'"
	cmd="$cmd --output-dir '$WORK/out' --name tty --no-baseline"
	CW_PRIVATE_KEY=$FIX_PRIVATE timeout 60 script -q -e -c "$cmd" \
	    "$WORK/tty.out" >/dev/null 2>&1 </dev/null || true
	[ -f "$WORK/tty.out" ] || : >"$WORK/tty.out"
	say ""
	line=$(tr '\r' '\n' <"$WORK/tty.out" | \
	    grep -E '\[[a-z ]+\] *[0-9]+/[0-9]+' | tail -1 || true)
	if [ -n "$line" ]; then
		say "progress line on a terminal: seen (last: \"$line\")"
	else
		say "progress line on a terminal: NOT seen"
		MISSED=1
	fi
	sim_stop
}

: >"$WORK/results"
say "roleaudit bench"
machine
bench_horizon
bench_rate
bench_large
bench_sim
bench_progress
say ""
say "reproduce: make bench (BENCH_REPEAT=$REPEAT BENCH_LATENCY_MS=$LATENCY" \
    "BENCH_RATE=$RATE BENCH_SETTINGS=$SETTINGS)"
mkdir -p "$(dirname "$RESULTS")"
cp "$WORK/results" "$RESULTS"
echo "bench: results written to $RESULTS"

[ "$BROKEN" = 0 ] || exit 1
[ "$STRICT" = 0 ] || [ "$MISSED" = 0 ] || exit 1
exit 0
