#!/usr/bin/env bash
# stress.sh: go test -race -count=$STRESS_COUNT on the timing-sensitive
# packages while two CPU-burning processes run beside them: the load every
# timing test in the project promises to survive. Packages run one at a
# time (-p 1), so that the load is the burners and that package, no more.
# The burners are killed on every exit, pass, failure or interrupt; their
# timeout ends them even if this script is killed outright.
#
#   scripts/stress.sh                          # the packages below
#   scripts/stress.sh -run TestX ./lws/threadpool/
#
# STRESS_COUNT (default 5) and GO come from the environment; arguments, if
# any, replace the package list and go to go test as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
STRESS_COUNT=${STRESS_COUNT:-5}
# The packages whose tests bound wall time, measure rates or wait on
# timers and timeouts (see each test's comments for its bounds).
STRESS_PKGS=(
	./lws/service/
	./lws/
	./lws/threadpool/
	./tests/reliability/
	./minimal-examples/ws-server/minimal-ws-server-threadpool/
	./minimal-examples/ws-server/minimal-ws-server-threads/
	./minimal-examples/ws-server/minimal-ws-server-timer/
	./minimal-examples/test-apps/test-server/
	./cmd/minimal-ws-server-threadpool/
	./cmd/lwsload/
)
if [ $# -gt 0 ]; then
	STRESS_PKGS=("$@")
fi

burners=()
stop_burners() {
	for pid in "${burners[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	wait "${burners[@]}" 2>/dev/null || true
}
trap stop_burners EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
for _ in 1 2; do
	timeout 3600 sh -c 'while :; do :; done' &
	burners+=($!)
done

start=$(date +%s)
status=0
$GO test -race -p 1 -count="$STRESS_COUNT" -timeout 60m "${STRESS_PKGS[@]}" || status=$?
echo "stress: count $STRESS_COUNT, two CPU burners, $(( $(date +%s) - start ))s, exit $status"
exit $status
