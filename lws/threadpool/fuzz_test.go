package threadpool

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws"
)

// fuzzInput hands out the fuzz input a byte at a time, zeros once it runs
// out.
type fuzzInput struct {
	b []byte
	i int
}

func (in *fuzzInput) next() byte {
	if in.i >= len(in.b) {
		return 0
	}
	in.i++
	return in.b[in.i-1]
}

func (in *fuzzInput) more() bool { return in.i < len(in.b) }

// fuzzTask is one enqueued task of a fuzz run: its script of returns and
// its cleanup count.
type fuzzTask struct {
	task     *Task
	script   []TaskReturn
	calls    atomic.Int32
	slow     bool
	cleanups atomic.Int32
	// badStatus is a status other than RUNNING or STOPPING the task was
	// called with, judged by the test goroutine: a panic in the task
	// would be recovered by the pool and its ERR line swallowed here.
	badStatus atomic.Pointer[TaskStatus]
}

func (ft *fuzzTask) fn(_ any, s TaskStatus) TaskReturn {
	if s != StatusRunning && s != StatusStopping {
		ft.badStatus.CompareAndSwap(nil, &s)
		return ReturnStopped
	}
	i := int(ft.calls.Add(1)) - 1
	if ft.slow {
		time.Sleep(50 * time.Microsecond) // a slice of work
	}
	if i < len(ft.script) {
		return ft.script[i]
	}
	return ReturnFinished
}

// fuzzConn is a client connection slot.
type fuzzConn struct {
	c       *websocket.Conn
	w       *lws.Wsi
	answers []byte // how its WRITEABLE handler answers SYNCs, in turn
	n       atomic.Int32
}

// FuzzThreadpool runs a random sequence of pool operations decoded from
// the input against a real context with up to three real connections:
// enqueue (with or without a wsi, scripted returns, OUTLIVE, Async),
// dequeue, reap, sync answers, wsi close, Finish, Destroy. It checks that
// every accepted task is cleaned up exactly once and a refused one never,
// that Diagnose stays within what was enqueued, that the task only sees
// RUNNING or STOPPING, that teardown never hangs and that no worker is
// left.
func FuzzThreadpool(f *testing.F) {
	// More seeds are in testdata/fuzz/FuzzThreadpool.
	f.Add([]byte{0x0d, 0x01, 0x17, 0x00, 0x01, 0x00, 0x04, 0x02, 0x00, 0x04, 0x01, 0x03, 0x06, 0x07})
	f.Fuzz(func(t *testing.T, data []byte) {
		// Quiet: refused enqueues and SYNC timeouts are expected here.
		lws.SetLogLevel(lws.LogErr, func(int, string) {})
		defer lws.SetLogLevel(lws.LogDefault, nil)

		in := &fuzzInput{b: data}
		cfg := in.next()
		threads := 1 + int(cfg&3)%3
		maxQueue := int(cfg>>2) & 7
		dropDequeues := cfg&0x20 != 0
		destroyAtEnd := cfg&0x40 != 0

		conns := make([]*fuzzConn, 3)
		h := newHarness()
		h.onWriteable = func(w *lws.Wsi) int {
			var fc *fuzzConn
			for _, c := range conns {
				if c != nil && c.w == w {
					fc = c
				}
			}
			ForeachTaskWsi(w, nil, func(task *Task, _ any) int {
				st, _ := task.Status()
				if st != StatusSyncing || fc == nil {
					return 0
				}
				a := byte(0)
				if len(fc.answers) > 0 {
					a = fc.answers[int(fc.n.Add(1)-1)%len(fc.answers)] % 3
				}
				if a < 2 {
					TaskSync(task, int(a)) // 2: leave it to time out
				}
				return 0
			})
			return 0
		}
		if dropDequeues {
			h.onDrop = func(w *lws.Wsi) { DequeueTask(GetTaskWsi(w)) }
		}
		h.start(t, true, &CreateArgs{Threads: threads, MaxQueueDepth: maxQueue,
			SyncTimeout: 2 * time.Millisecond, SyncRetries: 2})
		// Conns are read by the handler on the service goroutine; only
		// change the slice there.
		setConn := func(i int, fc *fuzzConn) { h.onService(t, func() { conns[i] = fc }) }

		var tasks []*fuzzTask
		refused := 0
		destroyed := false
		for ops := 0; in.more() && ops < 48; ops++ {
			op := in.next()
			switch op & 7 {
			case 0, 1: // enqueue; 1: bound to a connection
				spec := in.next()
				ft := &fuzzTask{slow: spec&0x80 != 0}
				for k := 0; k < int(spec&3)+1; k++ {
					r := TaskReturn((spec >> (2 + k)) & 3)
					if op&0x40 != 0 && k == 0 {
						r |= ReturnFlagOutlive
					}
					ft.script = append(ft.script, r)
				}
				args := &TaskArgs{User: ft, Task: ft.fn, Async: op&0x80 != 0,
					Cleanup: func(*lws.Wsi, any) { ft.cleanups.Add(1) }}
				if op&7 == 1 {
					slot := int(op>>3) % 3
					if conns[slot] == nil {
						c, w := h.dial(t)
						setConn(slot, &fuzzConn{c: c, w: w, answers: []byte{in.next(), in.next()}})
					}
					args.Wsi = conns[slot].w
				}
				ft.task = h.tp.Enqueue(args, "f%d", len(tasks))
				if ft.task == nil {
					refused++
				}
				tasks = append(tasks, ft)
			case 2:
				if len(tasks) > 0 {
					DequeueTask(tasks[int(in.next())%len(tasks)].task)
				}
			case 3: // close a connection; its slot dials afresh next time
				slot := int(op>>3) % 3
				if fc := conns[slot]; fc != nil {
					if op&0x40 != 0 {
						h.closeClient(t, fc.c, fc.w)
					} else {
						fc.c.CloseNow()
					}
					setConn(slot, nil)
				}
			case 4:
				if len(tasks) > 0 {
					tasks[int(in.next())%len(tasks)].task.Status()
				}
			case 5:
				if len(tasks) > 0 {
					TaskSync(tasks[int(in.next())%len(tasks)].task, int(op>>3)&1)
				}
			case 6:
				h.tp.Finish()
			case 7:
				if op&0x08 != 0 {
					h.tp.Dump()
				} else {
					h.tp.Destroy()
					destroyed = true
				}
			}
			// Count the live tasks before Diagnose: a task it reports was
			// not cleaned up yet when counted (tasks only end meanwhile).
			alive := 0
			for _, ft := range tasks {
				if ft.task != nil && ft.cleanups.Load() == 0 {
					alive++
				}
			}
			running, size, waiting := h.tp.Diagnose()
			if size != threads || running > threads || waiting > maxQueue || running+waiting > alive {
				t.Fatalf("Diagnose %d %d %d with %d threads, depth %d, %d tasks alive",
					running, size, waiting, threads, maxQueue, alive)
			}
		}

		// Teardown, bounded: the pool explicitly or through the context.
		finished := make(chan struct{})
		go func() {
			defer close(finished)
			if destroyAtEnd && !destroyed {
				h.tp.Destroy()
			}
			h.stop()
		}()
		select {
		case <-finished:
		case <-time.After(waitBound):
			buf := make([]byte, 1<<20)
			t.Fatalf("teardown hung:\n%s", buf[:runtime.Stack(buf, true)])
		}

		if n := h.tp.alive.Load(); n != 0 {
			t.Fatalf("%d workers alive after teardown", n)
		}
		if poolsOf(h.ctx) != nil {
			t.Fatal("context still lists pools after its destroy")
		}
		n := 0
		for i, ft := range tasks {
			got := ft.cleanups.Load()
			switch {
			case ft.task == nil && got != 0:
				t.Fatalf("refused task %d cleaned up %d times", i, got)
			case ft.task != nil && got != 1:
				t.Fatalf("task %d (%v) cleaned up %d times", i, ft.script, got)
			}
			if s := ft.badStatus.Load(); s != nil {
				t.Fatalf("task %d called with %s", i, *s)
			}
			if ft.task != nil {
				n++
			}
		}
		if n+refused != len(tasks) {
			t.Fatal("task accounting")
		}
	})
}
