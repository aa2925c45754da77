package threadpool

import (
	"strings"
	"testing"

	"github.com/golws/golws/lws"
)

// Rule 1: a pool has a fixed number of workers and a printf-formatted
// name of at most 31 bytes.
func TestCreateNameAndWorkers(t *testing.T) {
	h := newHarness().start(t, false, nil)
	cases := []struct {
		format string
		a      []any
		want   string
	}{
		{"%s", []any{"default"}, "default"},
		{"pool %d/%lu/%llu/%zu/%u", []any{1, 2, 3, 4, 5}, "pool 1/2/3/4/5"},
		{"%08x %5.2f %%", []any{255, 1.5}, "000000ff  1.50 %"},
		{"%s", []any{strings.Repeat("x", 40)}, strings.Repeat("x", 31)},
		{"%s", []any{strings.Repeat("é", 20)}, strings.Repeat("é", 15)}, // no split rune
	}
	for _, c := range cases {
		var tp *Threadpool
		h.onService(t, func() { tp = Create(h.ctx, &CreateArgs{Threads: 2, MaxQueueDepth: 1}, c.format, c.a...) })
		if tp.Name() != c.want {
			t.Errorf("name %q %v = %q, want %q", c.format, c.a, tp.Name(), c.want)
		}
		if got := tp.alive.Load(); got != 2 {
			t.Errorf("%d workers alive, want 2", got)
		}
		if r, n, w := tp.Diagnose(); r != 0 || n != 2 || w != 0 {
			t.Errorf("Diagnose = %d %d %d, want 0 2 0", r, n, w)
		}
		tp.Destroy()
		if got := tp.alive.Load(); got != 0 {
			t.Errorf("%d workers alive after Destroy", got)
		}
	}
}

func TestCreateRejectsBadArgs(t *testing.T) {
	lc := captureLogs(t, lws.LogErr)
	h := newHarness().start(t, false, nil)
	h.onService(t, func() {
		if tp := Create(h.ctx, &CreateArgs{Threads: 0}, "x"); tp != nil {
			t.Error("Create with 0 threads returned a pool")
		}
		if tp := Create(h.ctx, nil, "x"); tp != nil {
			t.Error("Create with nil args returned a pool")
		}
		if tp := Create(nil, &CreateArgs{Threads: 1}, "x"); tp != nil {
			t.Error("Create with nil context returned a pool")
		}
	})
	if len(lc.matching("E", "lws_threadpool_create")) == 0 {
		t.Error("no ERR line for a refused Create")
	}
}

// Rule 9: Diagnose reports running tasks, pool size and waiting tasks.
func TestDiagnoseFigures(t *testing.T) {
	h := newHarness().start(t, false, &CreateArgs{Threads: 3, MaxQueueDepth: 4})
	var ps []*probe
	for i := 0; i < 5; i++ {
		p := newProbe().held()
		ps = append(ps, p)
		if h.tp.Enqueue(p.args(nil), "t%d", i) == nil {
			t.Fatalf("enqueue %d refused", i)
		}
		if i < 3 {
			p.next(t) // on a worker: it no longer waits
		}
	}
	eventually(t, "3 running, 2 waiting", func() bool {
		r, _, w := h.tp.Diagnose()
		return r == 3 && w == 2
	})
	if r, n, w := h.tp.Diagnose(); r != 3 || n != 3 || w != 2 {
		t.Fatalf("Diagnose = %d %d %d, want 3 3 2", r, n, w)
	}
	ps[0].release() // finishes; t3 starts
	ps[3].next(t)
	eventually(t, "3 running, 1 waiting", func() bool {
		r, _, w := h.tp.Diagnose()
		return r == 3 && w == 1
	})
	for _, p := range ps {
		p.release()
	}
	for _, p := range ps {
		p.waitCleaned(t)
	}
	if r, n, w := h.tp.Diagnose(); r != 0 || n != 3 || w != 0 {
		t.Fatalf("Diagnose when idle = %d %d %d, want 0 3 0", r, n, w)
	}
	h.tp.Destroy()
	for _, p := range ps {
		p.check(t)
	}
}

// Rule 8, destroy: it waits for the workers (a running task ends at its
// next call, seeing STOPPING), then cleans up every done task, and no
// goroutine of the pool is left.
func TestDestroyWaitsAndCleans(t *testing.T) {
	h := newHarness().start(t, true, &CreateArgs{Threads: 2, MaxQueueDepth: 4})
	_, w := h.dial(t)

	running := newProbe().held().looping()
	done := newProbe(ReturnFinished) // with a wsi: waits on the done list
	queued := newProbe()
	if h.tp.Enqueue(done.args(w), "done") == nil {
		t.Fatal("enqueue refused")
	}
	done.next(t)
	if h.tp.Enqueue(running.args(w), "running") == nil {
		t.Fatal("enqueue refused")
	}
	running.next(t)
	// Wait until the first task reached the done list (no WRITEABLE
	// handler reaps it here).
	eventually(t, "the finished task on the done list", func() bool {
		r, _, _ := h.tp.Diagnose()
		return r == 1
	})
	// A second worker is free, so fill the queue only after blocking it.
	blocker := newProbe().held()
	h.tp.Enqueue(blocker.args(nil), "blocker")
	blocker.next(t)
	if h.tp.Enqueue(queued.args(w), "queued") == nil {
		t.Fatal("enqueue refused")
	}

	destroyed := make(chan struct{})
	go func() { h.tp.Destroy(); close(destroyed) }()
	eventually(t, "Destroy to begin", func() bool { return finishing(h.tp) })
	// Destroy must wait for the held tasks.
	select {
	case <-destroyed:
		t.Fatal("Destroy returned with tasks still running")
	default:
	}
	running.release()
	blocker.release()
	recv(t, destroyed, "Destroy")

	if got := h.tp.alive.Load(); got != 0 {
		t.Errorf("%d workers alive after Destroy", got)
	}
	for name, p := range map[string]*probe{"done": done, "running": running, "queued": queued, "blocker": blocker} {
		if p.cleanups.Load() != 1 {
			t.Errorf("%s: %d cleanups", name, p.cleanups.Load())
		}
		p.check(t)
	}
	if s := running.seen(); s[len(s)-1] != StatusStopping {
		t.Errorf("running task saw %v; its last call should be STOPPING", s)
	}
	if len(queued.seen()) != 0 {
		t.Errorf("queued task was called: %v", queued.seen())
	}
	// The done task still had its wsi: Destroy hands it to Cleanup.
	if done.cleanWsi.Load() != w {
		t.Error("done task's cleanup did not get its wsi")
	}
	// Destroy again: nothing happens.
	h.tp.Destroy()
	if h.tp.Enqueue(newProbe().args(nil), "late") != nil {
		t.Error("Enqueue on a destroyed pool succeeded")
	}
}

// Two Destroy calls at once: the second waits for the first.
func TestDestroyTwiceConcurrently(t *testing.T) {
	h := newHarness().start(t, false, &CreateArgs{Threads: 1, MaxQueueDepth: 1})
	p := newProbe().held()
	h.tp.Enqueue(p.args(nil), "x")
	p.next(t)
	d1, d2 := make(chan struct{}), make(chan struct{})
	go func() { h.tp.Destroy(); close(d1) }()
	go func() { h.tp.Destroy(); close(d2) }()
	p.release()
	recv(t, d1, "first Destroy")
	recv(t, d2, "second Destroy")
	if h.tp.alive.Load() != 0 {
		t.Error("workers left")
	}
	p.check(t)
}
