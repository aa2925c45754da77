package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// runConfig is one streaming run: conns connections, each expecting the
// sequence "pos step" .. "pos expect*step".
type runConfig struct {
	url      string
	protocol string
	conns    int
	expect   uint64 // messages per connection; 0: read until the server closes
	step     uint64
	pid      int // the server, for CPU and RSS; 0: not measured
	timeout  time.Duration
}

// connStats is one connection's outcome.
type connStats struct {
	Frames    uint64 `json:"frames"`
	Dups      uint64 `json:"dups"`
	Gaps      uint64 `json:"gaps"`
	Damaged   uint64 `json:"damaged"`
	Reordered uint64 `json:"reordered"`
	Err       string `json:"err,omitempty"`
}

// runResult is a run's totals. Seconds runs from the first dial to the
// last expected frame, so closing handshakes are not counted.
type runResult struct {
	Conns        int     `json:"conns"`
	Expect       uint64  `json:"expect"`
	Frames       uint64  `json:"frames"`
	Seconds      float64 `json:"seconds"`
	FramesPerSec float64 `json:"frames_per_sec"`
	Dups         uint64  `json:"dups"`
	Gaps         uint64  `json:"gaps"`
	Damaged      uint64  `json:"damaged"`
	Reordered    uint64  `json:"reordered"`
	Errors       int     `json:"errors"`
	TimedOut     bool    `json:"timed_out"`
	FirstError   string  `json:"first_error,omitempty"`
	FirstDamaged string  `json:"first_damaged,omitempty"`

	ServerCPU   float64 `json:"server_cpu_s"`
	ServerRSSMB float64 `json:"server_rss_mb"` // when the last frame arrived
	ServerHWMMB float64 `json:"server_hwm_mb"` // the process's peak so far
	ClientCPU   float64 `json:"client_cpu_s"`

	PerConn []connStats `json:"per_conn"`
}

// clean says every connection got its whole sequence, once, intact.
func (r *runResult) clean() bool {
	return r.Dups == 0 && r.Gaps == 0 && r.Damaged == 0 && r.Reordered == 0 && r.Errors == 0 && !r.TimedOut
}

// closeWait bounds the closing handshake after the last expected frame.
const closeWait = 2 * time.Second

// runLoad opens every connection at once and reads until each has its
// sequence (then closes it: servers such as golws's keep the connection
// until a timeout), the server closes, or the run times out.
func runLoad(ctx context.Context, cfg runConfig) (runResult, error) {
	if cfg.conns < 1 {
		return runResult{}, errors.New("need at least one connection")
	}
	if _, err := raiseNoFile(uint64(cfg.conns) + 64); err != nil {
		fmt.Fprintf(os.Stderr, "lwsload: %v\n", err)
	}
	var before procSample
	if cfg.pid > 0 {
		var err error
		if before, err = sampleProc(cfg.pid); err != nil {
			return runResult{}, err
		}
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()

	type outcome struct {
		stats connStats
		first string    // a damaged frame
		end   time.Time // the last frame that counts
	}
	outs := make([]outcome, cfg.conns)
	var all, received sync.WaitGroup
	all.Add(cfg.conns)
	received.Add(cfg.conns)
	cpu0 := selfCPU()
	start := time.Now()
	for i := range outs {
		go func() {
			defer all.Done()
			chk := newChecker(cfg.step, cfg.expect)
			end, err := readConn(ctx, cfg, chk, received.Done)
			o := &outs[i]
			o.end, o.first = end, chk.firstDamaged
			o.stats = connStats{Frames: chk.frames, Dups: chk.dups, Gaps: chk.gaps(),
				Damaged: chk.damaged, Reordered: chk.reordered}
			if err != nil {
				o.stats.Err = err.Error()
			}
		}()
	}
	received.Wait()
	var after procSample
	var afterErr error
	if cfg.pid > 0 {
		after, afterErr = sampleProc(cfg.pid)
	}
	all.Wait()
	cpu1 := selfCPU()

	r := runResult{Conns: cfg.conns, Expect: cfg.expect, TimedOut: errors.Is(ctx.Err(), context.DeadlineExceeded)}
	last := start
	for i, o := range outs {
		s := o.stats
		r.Frames += s.Frames
		r.Dups += s.Dups
		r.Gaps += s.Gaps
		r.Damaged += s.Damaged
		r.Reordered += s.Reordered
		if s.Err != "" {
			r.Errors++
			if r.FirstError == "" {
				r.FirstError = fmt.Sprintf("conn %d: %s", i, s.Err)
			}
		}
		if r.FirstDamaged == "" {
			r.FirstDamaged = o.first
		}
		if o.end.After(last) {
			last = o.end
		}
		r.PerConn = append(r.PerConn, s)
	}
	r.Seconds = last.Sub(start).Seconds()
	if r.Seconds > 0 {
		r.FramesPerSec = float64(r.Frames) / r.Seconds
	}
	r.ClientCPU = cpu1 - cpu0
	if cfg.pid > 0 {
		if afterErr != nil {
			return r, fmt.Errorf("server pid %d after the run: %w", cfg.pid, afterErr)
		}
		r.ServerCPU = after.cpuSeconds() - before.cpuSeconds()
		r.ServerRSSMB = float64(after.rssKB) / 1024
		r.ServerHWMMB = float64(after.hwmKB) / 1024
	}
	return r, nil
}

// readConn runs one connection. It calls received once, when the
// connection has its whole sequence or has ended, and returns the time of
// the last frame that counts.
func readConn(ctx context.Context, cfg runConfig, chk *checker, received func()) (end time.Time, err error) {
	signalled := false
	signal := func() {
		if !signalled {
			signalled = true
			received()
		}
	}
	defer signal()

	c, err := dialWS(ctx, cfg.url, cfg.protocol, 64<<10)
	if err != nil {
		return time.Now(), err
	}
	defer c.close()
	// A read blocked on a silent server wakes when the run times out.
	stop := context.AfterFunc(ctx, func() { c.setReadDeadline(time.Unix(1, 0)) })
	defer stop()

	closing := false
	for {
		op, p, truncated, err := c.next()
		if err != nil {
			var ce *closeError
			switch {
			case closing:
				return end, nil // the handshake ended, or closeWait ran out
			case cfg.expect == 0 && (errors.As(err, &ce) || errors.Is(err, io.EOF)):
				// The server ends the sequence, with a close frame
				// or, as lws's example does, without.
				return end, nil
			case ctx.Err() != nil:
				return time.Now(), fmt.Errorf("timed out after %d frames", chk.frames)
			}
			return time.Now(), fmt.Errorf("after %d frames: %w", chk.frames, err)
		}
		if op == opPong {
			continue
		}
		chk.frame(p, truncated)
		if closing {
			continue // frames after the sequence: counted, but not timed
		}
		if cfg.expect == 0 {
			end = time.Now()
			continue
		}
		if chk.complete() {
			end = time.Now()
			signal()
			closing = true
			// Keep reading through the closing handshake, so that
			// anything sent after the sequence is checked too.
			c.setReadDeadline(time.Now().Add(closeWait))
			if c.sendClose() != nil {
				return end, nil
			}
		}
	}
}
