#!/usr/bin/env bash
# bench.sh: golws against plain Go, in one run.
#
# 1. The Go micro-benchmarks of the service loop, the threadpool and the
#    HTTP path, each next to its baseline (a hand-made channel, or plain
#    net/http serving the same bytes), and a table of the ratios.
# 2. The load matrix (go run ./cmd/lwsload matrix): the headline server
#    against a plain coder/websocket server, streaming and idle.
# 3. The HTTP matrix (go run ./cmd/lwsload httpmatrix): the dynamic
#    example's page and the threadpool example's page, requests/s and
#    server CPU per request, against plain net/http serving the same bytes.
#
# Arguments go to the load matrix, e.g. scripts/bench.sh --idle-big 10000.
# BENCHTIME sets -benchtime for step 1 (default: go test's 1s).
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}

start=$(date +%s)
raw=$(mktemp)
trap 'rm -f "$raw"' EXIT

echo "## Go benchmarks"
$GO test -run '^$' -bench . -benchmem ${BENCHTIME:+-benchtime "$BENCHTIME"} \
	./lws/service/ ./lws/threadpool/ ./lws/ | tee "$raw"

# Pairs "golws:baseline" by benchmark name (without Benchmark and -N).
# The ratio is golws ns/op over baseline ns/op: lower is better.
echo
echo "| benchmark | golws ns/op | baseline | baseline ns/op | golws/baseline | golws B/op, allocs/op | baseline B/op, allocs/op |"
echo "|---|--:|---|--:|--:|--:|--:|"
awk -v pairs="PostToRun:ChannelHandoff PostBatch:ChannelHandoffBatch SyncRoundTrip:BaselineChanRoundTrip EnqueueToReap:BaselineChanEnqueueToReap HTTPDynamicPage:HTTPPlainHandler HTTPDynamicPageClose:HTTPPlainHandlerClose" '
/^Benchmark/ {
	name = $1
	sub(/^Benchmark/, "", name)
	sub(/-[0-9]+$/, "", name)
	for (i = 2; i < NF; i++) {
		if ($(i+1) == "ns/op") ns[name] = $i
		if ($(i+1) == "B/op") bop[name] = $i
		if ($(i+1) == "allocs/op") al[name] = $i
	}
}
END {
	n = split(pairs, p, " ")
	for (k = 1; k <= n; k++) {
		split(p[k], ab, ":")
		a = ab[1]; b = ab[2]
		if (!(a in ns) || !(b in ns)) {
			printf "| %s | missing | %s | missing | - | - | - |\n", a, b
			continue
		}
		printf "| %s | %s | %s | %s | %.2f | %s, %s | %s, %s |\n", a, ns[a], b, ns[b], ns[a] / ns[b], bop[a], al[a], bop[b], al[b]
	}
}' "$raw"

echo
echo "## Load matrix"
# Not under set -e: the time is worth printing even when a run failed.
rc=0
$GO run ./cmd/lwsload matrix "$@" || rc=$?

echo
echo "## HTTP matrix"
$GO run ./cmd/lwsload httpmatrix || rc=$?

echo
echo "bench.sh took $(( $(date +%s) - start )) s"
exit $rc
