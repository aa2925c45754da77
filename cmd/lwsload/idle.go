package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// idleConfig holds conns connections open and idle. protocol is normally
// "": golws then binds the connection to its protocol 0 (lws's rule for a
// client that offers none), which sends nothing and starts no task, and
// the baseline server holds such a connection idle too. Offering
// lws-minimal instead would queue a task per connection on golws.
type idleConfig struct {
	url      string
	protocol string
	conns    int
	pid      int
	settle   time.Duration // after the last open, before the RSS is read
	timeout  time.Duration // bounds opening all, and the final check
	dialers  int           // handshakes in flight at once
}

// idleResult: PerConnKB is the server's RSS growth over the connections
// open, in kB (1024 bytes, as /proc counts).
type idleResult struct {
	Conns       int     `json:"conns"`
	Opened      int     `json:"opened"`
	Alive       int     `json:"alive"` // answered a ping after the hold
	Errors      int     `json:"errors"`
	FirstError  string  `json:"first_error,omitempty"`
	OpenSeconds float64 `json:"open_seconds"`
	RSSBeforeKB int64   `json:"rss_before_kb"`
	RSSAfterKB  int64   `json:"rss_after_kb"`
	PerConnKB   float64 `json:"per_conn_kb"`
}

func (r *idleResult) clean() bool { return r.Errors == 0 && r.Alive == r.Conns }

// runIdle opens the connections, lets the server settle, reads its RSS,
// then proves every connection still open by a ping answered with a pong,
// and closes them all.
func runIdle(ctx context.Context, cfg idleConfig) (idleResult, error) {
	r := idleResult{Conns: cfg.conns}
	if cfg.conns < 1 {
		return r, errors.New("need at least one connection")
	}
	if _, err := raiseNoFile(uint64(cfg.conns) + 64); err != nil {
		return r, err
	}
	var before procSample
	if cfg.pid > 0 {
		var err error
		if before, err = sampleProc(cfg.pid); err != nil {
			return r, err
		}
		r.RSSBeforeKB = before.rssKB
	}

	conns := make([]*wsConn, cfg.conns)
	var errs errorCount
	start := time.Now()
	octx, cancel := context.WithTimeout(ctx, cfg.timeout)
	parallel(cfg.conns, cfg.dialers, func(i int) {
		// A small buffer: the connections are many and receive nothing.
		c, err := dialWS(octx, cfg.url, cfg.protocol, 512)
		if err != nil {
			errs.add(fmt.Errorf("conn %d: %w", i, err))
			return
		}
		conns[i] = c
	})
	cancel()
	r.OpenSeconds = time.Since(start).Seconds()
	defer parallel(cfg.conns, cfg.dialers, func(i int) {
		if c := conns[i]; c != nil {
			_ = c.sendClose()
			_ = c.close()
		}
	})
	for _, c := range conns {
		if c != nil {
			r.Opened++
		}
	}

	select {
	case <-time.After(cfg.settle):
	case <-ctx.Done():
		return r, ctx.Err()
	}
	if cfg.pid > 0 {
		after, err := sampleProc(cfg.pid)
		if err != nil {
			return r, err
		}
		r.RSSAfterKB = after.rssKB
		if r.Opened > 0 {
			r.PerConnKB = float64(after.rssKB-before.rssKB) / float64(r.Opened)
		}
	}

	var alive atomic.Int64
	deadline := time.Now().Add(cfg.timeout)
	parallel(cfg.conns, cfg.dialers, func(i int) {
		c := conns[i]
		if c == nil {
			return
		}
		if err := checkAlive(c, deadline); err != nil {
			errs.add(fmt.Errorf("conn %d after the hold: %w", i, err))
			return
		}
		alive.Add(1)
	})
	r.Alive = int(alive.Load())
	r.Errors, r.FirstError = errs.get()
	return r, nil
}

// checkAlive pings and waits for the pong. A data message on the way means
// the server does not treat the connection as idle: an error too.
func checkAlive(c *wsConn, deadline time.Time) error {
	c.setReadDeadline(deadline)
	defer c.setReadDeadline(time.Time{})
	if err := c.ping([]byte("lwsload")); err != nil {
		return err
	}
	op, p, _, err := c.next()
	switch {
	case err != nil:
		return err
	case op != opPong:
		return fmt.Errorf("idle connection got a message %.32q", p)
	case string(p) != "lwsload":
		return fmt.Errorf("pong carries %q", p)
	}
	return nil
}

// parallel runs f(0..n-1) on at most workers goroutines and waits.
func parallel(n, workers int, f func(int)) {
	workers = max(1, min(workers, n))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		})
	}
	wg.Wait()
}

// errorCount counts errors from many goroutines and keeps the first.
type errorCount struct {
	mu    sync.Mutex
	n     int
	first error
}

func (e *errorCount) add(err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.n++
	if e.first == nil {
		e.first = err
	}
}

func (e *errorCount) get() (int, string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.first == nil {
		return e.n, ""
	}
	return e.n, e.first.Error()
}

// raiseNoFile lifts RLIMIT_NOFILE to at least want (the hard limit too,
// when the process may). It always calls Setrlimit, even when the limit
// is already high enough: since Go 1.21 that is what makes processes this
// one starts (the servers of a matrix) inherit the raised limit instead of
// the soft limit the shell gave it.
func raiseNoFile(want uint64) (uint64, error) {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return 0, err
	}
	nl := lim
	nl.Cur = max(lim.Cur, want)
	nl.Max = max(lim.Max, nl.Cur)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &nl); err == nil {
		return nl.Cur, nil
	}
	// Not allowed to raise the hard limit: go as far as it allows.
	nl = lim
	nl.Cur = max(lim.Cur, min(want, lim.Max))
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &nl); err != nil {
		return lim.Cur, err
	}
	if nl.Cur < want {
		return nl.Cur, fmt.Errorf("open-file limit is %d, want %d: raise the hard limit (ulimit -Hn)", nl.Cur, want)
	}
	return nl.Cur, nil
}
