# golws: the two promised commands are `make run` and `make test`.
GO          ?= go
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
PORT        ?= 7681
RUN_PKG     ?= ./cmd/minimal-ws-server-threadpool

.PHONY: run test deps bench lint fuzz stress

## run: the headline example on http://localhost:$(PORT)
run:
	$(GO) run $(RUN_PKG) --port $(PORT)

## test: everything, with the race detector
test: deps
	$(GO) test -race -count=1 -timeout 20m ./...

## deps: install what the tests need when it is missing
deps:
	@./scripts/deps.sh

## bench: Go benchmarks with golws/baseline ratios, then the load matrix
## against plain coder/websocket (BENCH_ARGS=--idle-big=10000 adds 10k idle)
bench:
	GO=$(GO) ./scripts/bench.sh $(BENCH_ARGS)

## lint: go vet and staticcheck
lint:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

## fuzz: every fuzz target briefly (FUZZTIME each)
FUZZTIME ?= 10s
FUZZ = FuzzThreadpool:./lws/threadpool/ FuzzRing:./lws/internal/ring/ FuzzFrameTap:./lws/ FuzzNormalizeURI:./lws/ FuzzSpa:./lws/spa/ \
       FuzzToGoFormat:./lws/internal/logs/ FuzzAppendf:./lws/internal/logs/ FuzzResolve:./lws/internal/mount/ \
       FuzzHandshake:./tests/reliability/
fuzz:
	@set -e; for f in $(FUZZ); do \
		echo "fuzz $${f%%:*} ($(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$${f%%:*}$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 200x "$${f#*:}"; \
	done

## stress: the timing-sensitive packages under -race, STRESS_COUNT times,
## beside two CPU-burning processes (killed at the end, pass or fail)
STRESS_COUNT ?= 5
stress: deps
	GO=$(GO) STRESS_COUNT=$(STRESS_COUNT) ./scripts/stress.sh
