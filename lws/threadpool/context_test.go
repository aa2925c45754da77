package threadpool

import (
	"testing"

	"github.com/golws/golws/lws"
)

// Context destroy with live pools: the ContextDestroy hook finishes and
// destroys every pool still alive; every task is cleaned up exactly once
// and no worker is left. The pools are made the C way, in PROTOCOL_INIT,
// and never destroyed by the protocol.
func TestContextDestroyWithLivePools(t *testing.T) {
	h := newHarness()
	var pools []*Threadpool
	var all []*probe
	h.start(t, true, nil)
	h.onService(t, func() {
		for i := 0; i < 2; i++ {
			pools = append(pools, Create(h.ctx, &CreateArgs{Threads: 2, MaxQueueDepth: 4}, "pool%d", i))
		}
	})
	_, w := h.dial(t)
	_, w2 := h.dial(t)
	add := func(tp *Threadpool, p *probe, wsi *lws.Wsi) *Task {
		all = append(all, p)
		task := tp.Enqueue(p.args(wsi), "t%d", len(all))
		if task == nil {
			t.Fatal("enqueue refused")
		}
		return task
	}
	for _, tp := range pools {
		// done, waiting to be reaped
		d := add(tp, newProbe(ReturnFinished), w)
		eventually(t, "done task", func() bool { return onDoneList(d) })
		// running, one with and one without a wsi
		r1 := newProbe().held().looping()
		add(tp, r1, w)
		r1.next(t)
		r2 := newProbe().held().looping()
		add(tp, r2, nil)
		r2.next(t)
		// queued
		add(tp, newProbe(), w2)
		add(tp, newProbe(), nil)
	}
	// The running tasks are held until the protocols are destroyed,
	// just before the context's ContextDestroy hook runs.
	h.onDestroy = func() {
		for _, p := range all {
			p.release()
		}
	}
	h.stop()
	for i, p := range all {
		if n := p.cleanups.Load(); n != 1 {
			t.Errorf("task %d: %d cleanups", i, n)
		}
		p.check(t)
	}
	for _, tp := range pools {
		if tp.alive.Load() != 0 {
			t.Errorf("%s: workers alive after context destroy", tp.name)
		}
		select {
		case <-tp.destroyed:
		default:
			t.Errorf("%s not destroyed", tp.name)
		}
	}
	if poolsOf(h.ctx) != nil {
		t.Error("context still listed")
	}
}
