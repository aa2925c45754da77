// Command lwsload loads a WebSocket server that sends "pos N" sequences
// (lws's minimal-ws-server-threadpool, golws's port of it, or the plain
// coder/websocket baseline built in here) and checks what arrives.
//
// Usage:
//
//	lwsload run      --url ws://127.0.0.1:P/ [--protocol lws-minimal] [--conns 8] [--expect N] [--step 1] [--pid PID] [--timeout 60s] [--json]
//	lwsload idle     --url ws://127.0.0.1:P/ [--protocol ""] [--conns 1000] [--pid PID] [--settle 1s] [--timeout 60s] [--json]
//	lwsload baseline [--port 7681] [--iface 127.0.0.1] [--msgs 0]
//	lwsload matrix   [--server BIN] [--msgs 100000] [--min-frames 800000] [--threads 3,2] [--conns 1,8,64] [--runs 3] [--idle 1000] [--idle-big 0] [--json]
//	lwsload http     --url http://127.0.0.1:P/path [--conns 8] [--duration 3s] [--pid PID] [--timeout 60s] [--json]
//	lwsload httpbaseline --page FILE [--content-type text/html] [--close] [--port 7681] [--iface 127.0.0.1]
//	lwsload httpmatrix [--dynamic BIN] [--threadpool BIN] [--conns 1,8] [--duration 3s] [--runs 3] [--json]
//
// run opens --conns connections at once, each expecting "pos step" ..
// "pos expect*step" (the perf variant of the golws server with --msgs N
// sends exactly that; the stock example sends --expect 10 --step 1000000),
// and prints frames, frames/s, duplicates, gaps, damaged and reordered
// frames, and with --pid the server's CPU seconds and RSS. It exits 1 when
// anything was missing, repeated, damaged or failed.
//
// idle holds --conns connections open without traffic and prints the
// server's RSS growth per connection. It offers no subprotocol by default,
// so that golws and lws bind the connections to protocol 0, which sends
// nothing; the baseline holds such connections idle too.
//
// baseline is the reference server: coder/websocket, one goroutine per
// connection; a connection offering lws-minimal gets "pos 1".."pos msgs"
// and a close, one offering nothing is held idle.
//
// matrix builds the golws server (or takes --server), runs every
// threads × conns scenario (--runs times each, golws and baseline runs
// interleaved; each connection gets --msgs messages, or more where the
// connections are too few to make --min-frames) and the idle holds,
// against it and against the baseline, each on a fresh process, and prints
// one markdown table.
//
// http sends GETs on --conns kept-alive connections for --duration (a
// client dials again when the server closes its connection) and prints
// requests/s and, with --pid, the server's CPU per request. Anything but a
// 200 with a body is an error, and exits 1.
//
// httpbaseline is the HTTP reference: a plain net/http handler answering
// every request with the bytes of --page in one Write.
//
// httpmatrix builds golws's dynamic example and threadpool example (or
// takes --dynamic and --threadpool), fetches each one's page once, and
// then runs the load on it and on httpbaseline serving those same bytes
// (with "connection: close" where golws closed the connection after the
// page), each run on a fresh process, and prints one markdown table.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := lwsload(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = "usage: lwsload run|idle|baseline|matrix|http|httpbaseline|httpmatrix [flags]; lwsload <command> -h for the flags"

// lwsload runs a subcommand and returns the exit code: 0 all good, 1 the
// measurement found a problem, 2 bad usage or setup.
func lwsload(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	fs := flag.NewFlagSet("lwsload "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	var run func() int
	switch args[0] {
	case "run":
		run = runCmd(ctx, fs, stdout, stderr)
	case "idle":
		run = idleCmd(ctx, fs, stdout, stderr)
	case "baseline":
		run = baselineCmd(ctx, fs, stderr)
	case "matrix":
		run = matrixCmd(ctx, fs, stdout, stderr)
	case "http":
		run = httpCmd(ctx, fs, stdout, stderr)
	case "httpbaseline":
		run = httpBaselineCmd(ctx, fs, stderr)
	case "httpmatrix":
		run = httpMatrixCmd(ctx, fs, stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(stdout, usage)
		return 0
	default:
		fmt.Fprintln(stderr, usage)
		return 2
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "lwsload %s: unexpected argument %q\n", args[0], fs.Arg(0))
		return 2
	}
	return run()
}

func runCmd(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) func() int {
	var cfg runConfig
	var expect, step uint64
	fs.StringVar(&cfg.url, "url", "", "server URL, ws://host:port/path")
	fs.StringVar(&cfg.protocol, "protocol", baselineProtocol, "subprotocol to offer (\"\": none)")
	fs.IntVar(&cfg.conns, "conns", 8, "connections, opened at once")
	fs.Uint64Var(&expect, "expect", 0, "messages per connection (0: until the server closes)")
	fs.Uint64Var(&step, "step", 1, "the sequence is pos step, 2*step, ...")
	fs.IntVar(&cfg.pid, "pid", 0, "server pid, for its CPU seconds and RSS")
	fs.DurationVar(&cfg.timeout, "timeout", 60*time.Second, "bound on the whole run")
	asJSON := fs.Bool("json", false, "print the result as JSON, per connection too")
	return func() int {
		cfg.expect, cfg.step = expect, step
		if cfg.url == "" || step == 0 {
			fmt.Fprintln(stderr, "lwsload run: --url is required and --step must be > 0")
			return 2
		}
		r, err := runLoad(ctx, cfg)
		if err != nil {
			fmt.Fprintf(stderr, "lwsload run: %v\n", err)
			return 2
		}
		if *asJSON {
			_ = printJSON(stdout, r)
		} else {
			fmt.Fprintln(stdout, runLine(r))
		}
		if !r.clean() {
			return 1
		}
		return 0
	}
}

func idleCmd(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) func() int {
	var cfg idleConfig
	fs.StringVar(&cfg.url, "url", "", "server URL, ws://host:port/path")
	fs.StringVar(&cfg.protocol, "protocol", "", "subprotocol to offer (default none: protocol 0 on lws)")
	fs.IntVar(&cfg.conns, "conns", 1000, "connections to hold")
	fs.IntVar(&cfg.pid, "pid", 0, "server pid, for its RSS")
	fs.DurationVar(&cfg.settle, "settle", time.Second, "wait after the last open before reading the RSS")
	fs.DurationVar(&cfg.timeout, "timeout", 60*time.Second, "bound on opening all, and on the final ping check")
	fs.IntVar(&cfg.dialers, "dialers", 32, "handshakes in flight at once")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	return func() int {
		if cfg.url == "" {
			fmt.Fprintln(stderr, "lwsload idle: --url is required")
			return 2
		}
		r, err := runIdle(ctx, cfg)
		if err != nil {
			fmt.Fprintf(stderr, "lwsload idle: %v\n", err)
			return 2
		}
		if *asJSON {
			_ = printJSON(stdout, r)
		} else {
			fmt.Fprintln(stdout, idleLine(r))
		}
		if !r.clean() {
			return 1
		}
		return 0
	}
}

func baselineCmd(ctx context.Context, fs *flag.FlagSet, stderr io.Writer) func() int {
	port := fs.Int("port", 7681, "port to listen on")
	iface := fs.String("iface", "127.0.0.1", "address to bind")
	msgs := fs.Int("msgs", 0, "messages per lws-minimal connection (0: hold it idle)")
	return func() int {
		if *msgs < 0 {
			fmt.Fprintln(stderr, "lwsload baseline: --msgs must be >= 0")
			return 2
		}
		// No raiseNoFile here: Go lifts its soft open-file limit to the
		// hard one at startup, and the matrix has raised both for its
		// children already.
		b, err := startBaseline(net.JoinHostPort(*iface, strconv.Itoa(*port)), *msgs)
		if err != nil {
			fmt.Fprintf(stderr, "lwsload baseline: %v\n", err)
			return 2
		}
		fmt.Fprintf(stderr, "lwsload baseline: listening on %s, %d msgs per connection\n", b.ln.Addr(), *msgs)
		<-ctx.Done()
		if err := b.close(); err != nil {
			fmt.Fprintf(stderr, "lwsload baseline: %v\n", err)
			return 1
		}
		return 0
	}
}

func matrixCmd(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) func() int {
	cfg := matrixConfig{log: stderr, threads: []int{3, 2}, conns: []int{1, 8, 64}, settle: time.Second}
	fs.StringVar(&cfg.server, "server", "", "golws server binary (default: go build "+golwsPackage+")")
	fs.IntVar(&cfg.msgs, "msgs", 100000, "messages per connection")
	fs.IntVar(&cfg.minFrames, "min-frames", 800000, "at least this many frames per run: raises --msgs where conns are few (0: off)")
	fs.Func("threads", "golws threadpool sizes, comma-separated (default 3,2)", intList(&cfg.threads))
	fs.Func("conns", "connection counts, comma-separated (default 1,8,64)", intList(&cfg.conns))
	fs.IntVar(&cfg.runs, "runs", 3, "runs per streaming scenario and server; the table shows the median")
	fs.IntVar(&cfg.idle, "idle", 1000, "idle connections to hold (0: skip)")
	fs.IntVar(&cfg.idleBig, "idle-big", 0, "a second idle hold, e.g. 10000 (0: skip)")
	fs.DurationVar(&cfg.timeout, "timeout", 120*time.Second, "bound on each run")
	// A bound, not the usual time (about 3 minutes): with the HTTP
	// matrix's 3 and the Go benchmarks, scripts/bench.sh ends within a
	// quarter of an hour whatever happens.
	fs.DurationVar(&cfg.maxTime, "max-time", 8*time.Minute, "bound on the whole matrix; later scenarios are skipped")
	asJSON := fs.Bool("json", false, "print the results as JSON instead of the table")
	return func() int {
		if cfg.msgs < 1 || cfg.runs < 1 || cfg.minFrames < 0 {
			fmt.Fprintln(stderr, "lwsload matrix: --msgs and --runs must be >= 1, --min-frames >= 0")
			return 2
		}
		self, err := os.Executable()
		if err != nil {
			fmt.Fprintf(stderr, "lwsload matrix: %v\n", err)
			return 2
		}
		cfg.baseline = baselineArgv(self)
		start := time.Now()
		rows, err := runMatrix(ctx, cfg)
		if *asJSON {
			_ = printJSON(stdout, rows)
		} else {
			fmt.Fprintf(stdout, "Each run on a fresh server process; frames/s, CPU and RSS are the median of %s, "+
				"dups/gaps/damaged the sums over them. Idle: server RSS growth per connection held.\n\n", plural(cfg.runs, "run"))
			printTable(stdout, rows)
			fmt.Fprintf(stdout, "\nmatrix took %.0f s\n", time.Since(start).Seconds())
		}
		if err != nil {
			fmt.Fprintf(stderr, "lwsload matrix: %v\n", err)
			return 2
		}
		for _, s := range rows {
			if !s.clean() {
				return 1
			}
		}
		return 0
	}
}

// baselineArgv is how the matrix starts the baseline server: this very
// program, `lwsload baseline`. Tests, whose program is the test binary,
// replace it.
var baselineArgv = func(self string) []string { return []string{self, "baseline"} }

// intList parses "3,2" into dst.
func intList(dst *[]int) func(string) error {
	return func(s string) error {
		var out []int
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 1 {
				return fmt.Errorf("%q is not a positive count", f)
			}
			out = append(out, n)
		}
		*dst = out
		return nil
	}
}
