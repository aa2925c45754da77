#!/usr/bin/env bash
# Installs what `make test` and `make run` need and are missing. Idempotent:
# on a machine that has everything it only checks.
set -euo pipefail

need_apt=()

# The browser test drives Debian's chromium through chromedp.
if ! command -v chromium >/dev/null 2>&1; then
	need_apt+=(chromium)
fi

# The interop tests run Debian's lws 4.1.6 test server and client.
if [ ! -x /usr/bin/libwebsockets-test-server ] || [ ! -x /usr/bin/libwebsockets-test-client ]; then
	need_apt+=(libwebsockets-test-server)
fi

# The interop tests bound the C client with timeout(1).
if ! command -v timeout >/dev/null 2>&1; then
	need_apt+=(coreutils)
fi

if ! command -v go >/dev/null 2>&1; then
	echo "deps: Go is missing: install Go 1.26 (https://go.dev/dl/) and retry" >&2
	exit 1
fi

if [ "${#need_apt[@]}" -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}"
fi

go mod download
