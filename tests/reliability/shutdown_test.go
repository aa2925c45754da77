package reliability

import (
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	minimalthreadpool "github.com/golws/golws/minimal-examples/ws-server/minimal-ws-server-threadpool"
)

const (
	loadConns = 64
	loadMsgs  = 1000000 // per task: far more than the test lets them send
)

// streamers opens n perf-style connections offering protocols and starts
// a reader on each.
func streamers(t testing.TB, addr, protocols string, n int) []*streamReader {
	t.Helper()
	var rs []*streamReader
	for i := 0; i < n; i++ {
		rs = append(rs, newStreamReader(t, wsHandshake(t, addr, protocols)))
	}
	return rs
}

// streaming waits until n of the readers (which n depends on the order
// in which the server ran their ESTABLISHED) have had at least frames
// frames. Frames have no per-frame signal: poll.
func streaming(t testing.TB, rs []*streamReader, n int, frames int64) {
	t.Helper()
	count := func() int {
		k := 0
		for _, r := range rs {
			if r.frames.Load() >= frames {
				k++
			}
		}
		return k
	}
	if !pollUntil(waitBound, 5*time.Millisecond, func() bool { return count() >= n }) {
		t.Fatalf("%d connections streaming, waited for %d", count(), n)
	}
}

// loaded starts the perf server with loadConns connections streaming on
// a pool of 3, every task enqueued.
func loaded(tb testing.TB) (*perfServer, []*streamReader) {
	tb.Helper()
	ps := startPerf(tb, perfConfig{threads: 3, depth: 1000, msgs: loadMsgs, size: 16})
	rs := streamers(tb, ps.addr, perfName, loadConns)
	streaming(tb, rs, 3, 1000)
	if !pollUntil(waitBound, 5*time.Millisecond, func() bool { return ps.enqueued.Load() == loadConns }) {
		tb.Fatalf("%d of %d tasks queued", ps.enqueued.Load(), loadConns)
	}
	return ps, rs
}

// TestShutdownUnderLoad: 64 connections stream on a pool of 3 (61 tasks
// queued) when SIGINT comes; the context is destroyed within exitBound,
// every task's cleanup runs exactly once, every connection is dropped (no
// close frame), and no goroutine is left.
func TestShutdownUnderLoad(t *testing.T) {
	noLeaks(t)
	ps, rs := loaded(t)
	running, _, waiting := ps.tp.Diagnose()
	took := ps.wantCleanExit(t)
	t.Logf("destroy with %d tasks running and %d queued took %v", running, waiting, took.Round(time.Microsecond))
	if running != 3 || waiting != loadConns-3 {
		t.Errorf("at SIGINT: %d running, %d waiting; want 3 and %d", running, waiting, loadConns-3)
	}
	if ps.cleanups.Load() != loadConns || ps.twice.Load() != 0 {
		t.Errorf("%d cleanups (%d twice) for %d tasks", ps.cleanups.Load(), ps.twice.Load(), loadConns)
	}
	for i, r := range rs {
		select {
		case <-r.done:
		case <-time.After(waitBound):
			t.Fatalf("connection %d still open after destroy", i)
		}
		if r.closes.Load() != 0 {
			t.Errorf("connection %d got a close frame at destroy", i)
		}
	}
}

// TestShutdownUnderLoadExample: the same against the example itself
// (Main in-process, perf variant, --threads 3): Main returns 0 within
// exitBound of the interrupt, its last line "main: exiting cleanly...".
func TestShutdownUnderLoadExample(t *testing.T) {
	noLeaks(t)
	interrupt, ready, exit := make(chan os.Signal, 1), make(chan int, 1), make(chan int, 1)
	go func() {
		exit <- minimalthreadpool.Main([]string{"--port", "0", "--iface", "127.0.0.1",
			"--msgs", fmt.Sprint(loadMsgs), "--threads", "3"}, io.Discard, interrupt, ready)
	}()
	var port int
	select {
	case port = <-ready:
	case code := <-exit:
		t.Fatalf("Main exited %d before serving", code)
	case <-time.After(waitBound):
		t.Fatal("Main did not start")
	}
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			interrupt <- os.Interrupt
			<-exit
		}
	})
	rs := streamers(t, fmt.Sprintf("127.0.0.1:%d", port), "lws-minimal", loadConns)
	streaming(t, rs, 3, 1000)
	mark := logSink.mark()
	start := time.Now()
	interrupt <- os.Interrupt
	var code int
	select {
	case code = <-exit:
		stopped = true
	case <-time.After(waitBound):
		t.Fatal("Main did not return after the interrupt")
	}
	took := time.Since(start)
	t.Logf("Main returned %d %v after the interrupt", code, took.Round(time.Microsecond))
	if code != 0 {
		t.Errorf("Main returned %d after the interrupt, want 0", code)
	}
	checkExitTime(t, "Main's return after the interrupt", took)
	for _, l := range drainLines {
		if n := logSink.countSince(mark, l); n != 0 {
			t.Errorf("Destroy waited out its bound: %d lines with %q", n, l)
		}
	}
	if logSink.count("main: exiting cleanly...") == 0 {
		t.Errorf("no \"main: exiting cleanly...\" line")
	}
	for i, r := range rs {
		select {
		case <-r.done:
		case <-time.After(waitBound):
			t.Fatalf("connection %d still open after Main returned", i)
		}
	}
}

// TestShutdownUnderLoadBinary: the same with the real binary and a real
// SIGINT.
func TestShutdownUnderLoadBinary(t *testing.T) {
	p := startBinary(t, "--msgs", fmt.Sprint(loadMsgs), "--threads", "3")
	rs := streamers(t, p.addr, "lws-minimal", loadConns)
	streaming(t, rs, 3, 1000)
	took := p.sigint(t)
	t.Logf("binary exited %v after SIGINT", took.Round(time.Microsecond))
}

// BenchmarkShutdownUnderLoad reports what TestShutdownUnderLoad bounds
// loosely: how long SIGINT to Destroy's return takes with 64 connections
// streaming on a pool of 3 (the suite's promise: under 1 s), as ms/exit.
// ns/op includes setting up the load, a second or so: the timer is left
// running so that the benchmark does not repeat that setup for long.
func BenchmarkShutdownUnderLoad(b *testing.B) {
	var total time.Duration
	for range b.N {
		ps, _ := loaded(b)
		code, took := ps.sigint(b)
		if code != 0 {
			b.Fatalf("exit %d", code)
		}
		total += took
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/exit")
}
