package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"time"
)

// golwsPackage is the headline server the matrix builds when not given one.
const golwsPackage = "github.com/golws/golws/cmd/minimal-ws-server-threadpool"

type matrixConfig struct {
	server    string   // golws server binary; "" builds golwsPackage
	baseline  []string // argv prefix that runs `lwsload baseline`
	msgs      int
	minFrames int // per run: fewer connections get more messages each
	threads   []int
	conns     []int
	idle      int           // idle connections to hold; 0 skips
	idleBig   int           // a second, larger idle hold; 0 skips
	settle    time.Duration // idle: after the last open, before the RSS
	runs      int           // per streaming scenario and server; the median counts
	timeout   time.Duration
	maxTime   time.Duration // the whole matrix; later scenarios are skipped
	log       io.Writer     // progress
}

// runMatrix measures golws and the baseline side by side, each run on a
// fresh server process (so CPU and RSS belong to that run alone), the two
// servers' runs interleaved, so both see the same machine state.
func runMatrix(ctx context.Context, cfg matrixConfig) ([]scenario, error) {
	ctx, cancel := context.WithTimeout(ctx, cfg.maxTime)
	defer cancel()
	// Servers inherit this: 10,000 connections need more than 1024 files.
	if _, err := raiseNoFile(uint64(max(cfg.idle, cfg.idleBig, slices.Max(append([]int{0}, cfg.conns...)))) + 256); err != nil {
		fmt.Fprintf(cfg.log, "lwsload: %v\n", err)
	}
	if cfg.server == "" {
		dir, err := os.MkdirTemp("", "lwsload")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		cfg.server = filepath.Join(dir, "minimal-ws-server-threadpool")
		fmt.Fprintf(cfg.log, "building %s\n", golwsPackage)
		build := exec.CommandContext(ctx, "go", "build", "-o", cfg.server, golwsPackage)
		if out, err := build.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("go build %s (run from inside the module, or pass --server): %v\n%s", golwsPackage, err, out)
		}
	}
	// -d 3 (errors and warnings): the once-a-second DIAG line and the
	// notices are not what is measured.
	golwsArgv := []string{cfg.server, "--iface", "127.0.0.1", "-d", "3"}
	baseArgv := slices.Concat(cfg.baseline, []string{"--iface", "127.0.0.1"})

	var rows []scenario
	for _, t := range cfg.threads {
		for _, n := range cfg.conns {
			// A run of 100,000 frames lasts a fifth of a second: too
			// short to measure, so small scenarios get more per task.
			perConn := max(cfg.msgs, (cfg.minFrames+n-1)/n)
			msgs := strconv.Itoa(perConn)
			s := scenario{Name: fmt.Sprintf("threads %d, %s × %d msgs", t, plural(n, "conn"), perConn)}
			rc := runConfig{protocol: baselineProtocol, conns: n, expect: uint64(perConn), step: 1, timeout: cfg.timeout}
			golws := func() (*runResult, string) {
				return measureRun(ctx, cfg.log, "golws", slices.Concat(golwsArgv, []string{"--msgs", msgs, "--threads", strconv.Itoa(t)}), rc)
			}
			base := func() (*runResult, string) {
				return measureRun(ctx, cfg.log, "baseline", slices.Concat(baseArgv, []string{"--msgs", msgs}), rc)
			}
			var g, b runSet
			for i := range cfg.runs {
				// Alternate who goes first, so that neither always
				// meets the machine as the other left it.
				if i%2 == 0 {
					g.add(golws())
					b.add(base())
				} else {
					b.add(base())
					g.add(golws())
				}
			}
			s.Golws, s.GolwsErr = g.median()
			s.Base, s.BaseErr = b.median()
			rows = append(rows, s)
		}
	}
	for _, n := range []int{cfg.idle, cfg.idleBig} {
		if n <= 0 {
			continue
		}
		s := scenario{Name: fmt.Sprintf("idle, %s", plural(n, "conn")), Idle: true}
		ic := idleConfig{conns: n, settle: cfg.settle, timeout: cfg.timeout, dialers: 32}
		// golws in its normal mode: connections offering no subprotocol
		// land on protocol 0 and get no task.
		s.GolwsIdl, s.GolwsErr = measureIdle(ctx, cfg.log, "golws", golwsArgv, ic)
		s.BaseIdl, s.BaseErr = measureIdle(ctx, cfg.log, "baseline", slices.Concat(baseArgv, []string{"--msgs", "0"}), ic)
		rows = append(rows, s)
	}
	return rows, ctx.Err()
}

// withServer starts argv's server, measures it with m and stops it. The
// string is why there is no result: an error, or a skipped scenario.
func withServer[T any](ctx context.Context, argv []string, m func(srv *serverProc) (T, error)) (*T, string) {
	if ctx.Err() != nil {
		return nil, "skipped: " + ctx.Err().Error()
	}
	srv, err := startServer(ctx, argv)
	if err != nil {
		return nil, err.Error()
	}
	defer srv.stop()
	r, err := m(srv)
	if err != nil {
		return nil, err.Error()
	}
	return &r, ""
}

func measureRun(ctx context.Context, log io.Writer, who string, argv []string, rc runConfig) (*runResult, string) {
	return withServer(ctx, argv, func(srv *serverProc) (runResult, error) {
		rc.url, rc.pid = srv.url(), srv.pid()
		r, err := runLoad(ctx, rc)
		fmt.Fprintf(log, "%-8s %s\n", who, runLine(r))
		r.PerConn = nil // the table shows totals; `lwsload run --json` has the detail
		return r, err
	})
}

func measureIdle(ctx context.Context, log io.Writer, who string, argv []string, ic idleConfig) (*idleResult, string) {
	return withServer(ctx, argv, func(srv *serverProc) (idleResult, error) {
		ic.url, ic.pid = srv.url(), srv.pid()
		r, err := runIdle(ctx, ic)
		fmt.Fprintf(log, "%-8s idle %s\n", who, idleLine(r))
		return r, err
	})
}

// runSet collects a scenario's runs on one server.
type runSet struct {
	ok  []runResult
	err string // the first failure
}

func (s *runSet) add(r *runResult, err string) {
	if r != nil {
		s.ok = append(s.ok, *r)
	} else if s.err == "" {
		s.err = err
	}
}

// median is the run with the median frames/s (the lower middle for an even
// count), with the problem counts summed over every run: one bad run must
// show in the table even when its speed is not the median.
func (s *runSet) median() (*runResult, string) {
	if len(s.ok) == 0 {
		return nil, s.err
	}
	rs := slices.Clone(s.ok)
	slices.SortFunc(rs, func(a, b runResult) int { return cmp.Compare(a.FramesPerSec, b.FramesPerSec) })
	m := rs[(len(rs)-1)/2]
	m.Dups, m.Gaps, m.Damaged, m.Reordered, m.Errors = 0, 0, 0, 0, 0
	for _, r := range rs {
		m.Dups += r.Dups
		m.Gaps += r.Gaps
		m.Damaged += r.Damaged
		m.Reordered += r.Reordered
		m.Errors += r.Errors
		m.TimedOut = m.TimedOut || r.TimedOut
		if m.FirstError == "" {
			m.FirstError = r.FirstError
		}
	}
	return &m, s.err
}
