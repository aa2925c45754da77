package threadpool

import (
	"fmt"
	"testing"

	"github.com/golws/golws/lws"
)

// Rule 2: a full queue refuses with the exact NOTICE line of C.
func TestQueueFullNotice(t *testing.T) {
	lc := captureLogs(t, lws.LogDefault)
	h := newHarness().start(t, false, &CreateArgs{Threads: 1, MaxQueueDepth: 2})
	run := newProbe().held()
	h.tp.Enqueue(run.args(nil), "running")
	run.next(t) // on the worker: it no longer counts
	q1, q2 := newProbe(), newProbe()
	if h.tp.Enqueue(q1.args(nil), "q1") == nil || h.tp.Enqueue(q2.args(nil), "q2") == nil {
		t.Fatal("enqueue refused below the limit")
	}
	over := newProbe()
	if task := h.tp.Enqueue(over.args(nil), "over"); task != nil {
		t.Fatal("enqueue past the limit succeeded")
	}
	got := lc.matching("N", "queue reached limit")
	if len(got) != 1 || got[0] != "lws_threadpool_enqueue: queue reached limit 2" {
		t.Fatalf("NOTICE lines %q", got)
	}
	run.release()
	for _, p := range []*probe{run, q1, q2} {
		p.waitCleaned(t)
		p.check(t)
	}
	h.tp.Destroy()
	if over.cleanups.Load() != 0 {
		t.Error("a refused task's cleanup ran")
	}
}

// Rule 2: running tasks do not count against the queue depth.
func TestRunningTasksDontCount(t *testing.T) {
	h := newHarness().start(t, false, &CreateArgs{Threads: 3, MaxQueueDepth: 2})
	var ps []*probe
	for i := 0; i < 3; i++ {
		p := newProbe().held()
		ps = append(ps, p)
		if h.tp.Enqueue(p.args(nil), "run%d", i) == nil {
			t.Fatalf("enqueue %d refused", i)
		}
		p.next(t) // wait until it runs, so it leaves the queue
	}
	for i := 0; i < 2; i++ {
		p := newProbe()
		ps = append(ps, p)
		if h.tp.Enqueue(p.args(nil), "wait%d", i) == nil {
			t.Fatalf("waiting task %d refused with 3 running and %d waiting", i, i)
		}
	}
	if h.tp.Enqueue(newProbe().args(nil), "over") != nil {
		t.Fatal("third waiting task accepted with MaxQueueDepth 2")
	}
	for _, p := range ps {
		p.release()
	}
	for _, p := range ps {
		p.waitCleaned(t)
	}
	h.tp.Destroy()
	for _, p := range ps {
		p.check(t)
	}
}

// MaxQueueDepth 0 refuses every task, as in C (a task always waits, if
// only until a worker takes it).
func TestZeroQueueDepthRefusesAll(t *testing.T) {
	h := newHarness().start(t, false, &CreateArgs{Threads: 2})
	if h.tp.Enqueue(newProbe().args(nil), "x") != nil {
		t.Fatal("MaxQueueDepth 0 accepted a task")
	}
	h.tp.Destroy()
}

// Rule 2: FIFO. With one worker the start order is the enqueue order;
// with three, the running tasks are always the oldest ones.
func TestFIFOStartOrder(t *testing.T) {
	for _, threads := range []int{1, 3} {
		t.Run(fmt.Sprint(threads, " workers"), func(t *testing.T) {
			const n = 12
			h := newHarness().start(t, false, &CreateArgs{Threads: threads, MaxQueueDepth: n})
			// Occupy every worker so the rest queue up in contention.
			var blockers []*probe
			for i := 0; i < threads; i++ {
				b := newProbe().held()
				blockers = append(blockers, b)
				h.tp.Enqueue(b.args(nil), "blocker%d", i)
				b.next(t)
			}
			started := make(chan int, n)
			var ps []*probe
			for i := 0; i < n; i++ {
				p := newProbe().held()
				ps = append(ps, p)
				i := i
				inner := p.fn
				args := p.args(nil)
				args.Task = func(u any, s TaskStatus) TaskReturn {
					if len(p.seen()) == 0 {
						started <- i
					}
					return inner(u, s)
				}
				if h.tp.Enqueue(args, "t%d", i) == nil {
					t.Fatalf("enqueue %d refused", i)
				}
			}
			for _, b := range blockers {
				b.release()
			}
			// Release tasks one at a time, oldest running first: each
			// release frees one worker, which must take the oldest
			// waiting task.
			next := 0
			for got := 0; got < n; got++ {
				i := recv(t, started, "a task start")
				if threads == 1 && i != got {
					t.Fatalf("start %d was task %d", got, i)
				}
				// The set of started tasks must be a prefix.
				if i >= got+threads {
					t.Fatalf("task %d started while task %d had not", i, got)
				}
				if got+1 >= threads && next < n {
					ps[next].release()
					next++
				}
			}
			for ; next < n; next++ {
				ps[next].release()
			}
			for _, p := range ps {
				p.waitCleaned(t)
			}
			h.tp.Destroy()
		})
	}
}

func TestEnqueueRefusesBadArgs(t *testing.T) {
	lc := captureLogs(t, lws.LogErr)
	h := newHarness().start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
	other := newHarness().start(t, true, nil)
	_, ow := other.dial(t)
	if h.tp.Enqueue(nil, "x") != nil || h.tp.Enqueue(&TaskArgs{}, "x") != nil {
		t.Error("Enqueue without a task function succeeded")
	}
	if h.tp.Enqueue(newProbe().args(ow), "x") != nil {
		t.Error("Enqueue with another context's wsi succeeded")
	}
	// Identical consecutive lines are swallowed by the logger, so look
	// for the two different reasons.
	if len(lc.matching("E", "lws_threadpool_enqueue: tp-test: no task function")) == 0 ||
		len(lc.matching("E", "lws_threadpool_enqueue: tp-test: wsi belongs to another context")) == 0 {
		t.Errorf("ERR lines missing: %q", lc.matching("E", ""))
	}
	// The name falls back to TaskArgs.Name.
	p := newProbe().held()
	args := p.args(nil)
	args.Name = "from args"
	task := h.tp.Enqueue(args, "")
	if task.name != "from args" {
		t.Errorf("task name %q", task.name)
	}
	p.release()
	p.waitCleaned(t)
	h.tp.Destroy()
}
