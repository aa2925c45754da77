package threadpool

import (
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws"
)

// Rule 10: every enqueued task's Cleanup runs exactly once, whatever
// happens to it, and poking a reaped task afterwards never runs it again.
func TestCleanupExactlyOnceEveryPath(t *testing.T) {
	type env struct {
		h *harness
		c *websocket.Conn
		w *lws.Wsi
		r *reaper
	}
	// blockWorker occupies the pool's only worker until the returned
	// probe is released.
	blockWorker := func(t *testing.T, e *env) *probe {
		b := newProbe().held()
		e.h.tp.Enqueue(b.args(nil), "blocker")
		b.next(t)
		return b
	}
	paths := []struct {
		name  string
		reap  bool // the WRITEABLE handler reaps ended tasks
		drive func(t *testing.T, e *env) (*probe, *Task)
	}{
		{"finishes without wsi", false, func(t *testing.T, e *env) (*probe, *Task) {
			p := newProbe(ReturnFinished)
			return p, e.h.tp.Enqueue(p.args(nil), "x")
		}},
		{"stops without wsi", false, func(t *testing.T, e *env) (*probe, *Task) {
			p := newProbe(ReturnCheckingIn, ReturnStopped)
			return p, e.h.tp.Enqueue(p.args(nil), "x")
		}},
		{"finishes, reaped by Status", true, func(t *testing.T, e *env) (*probe, *Task) {
			p := newProbe(ReturnSync, ReturnFinished)
			return p, e.h.tp.Enqueue(p.args(e.w), "x")
		}},
		{"dequeued while queued", false, func(t *testing.T, e *env) (*probe, *Task) {
			b := blockWorker(t, e)
			defer b.release()
			p := newProbe()
			task := e.h.tp.Enqueue(p.args(e.w), "x")
			DequeueTask(task)
			return p, task
		}},
		{"dequeued while running", false, func(t *testing.T, e *env) (*probe, *Task) {
			p := newProbe().held().looping()
			task := e.h.tp.Enqueue(p.args(e.w), "x")
			p.next(t)
			DequeueTask(task)
			p.release()
			return p, task
		}},
		{"dequeued while syncing", false, func(t *testing.T, e *env) (*probe, *Task) {
			e.r.answer = func(*lws.Wsi, *Task) {}
			p := newProbe(ReturnSync)
			task := e.h.tp.Enqueue(p.args(e.w), "x")
			e.r.waitSeen(t, StatusSyncing)
			DequeueTask(task)
			return p, task
		}},
		{"dequeued while done", false, func(t *testing.T, e *env) (*probe, *Task) {
			p := newProbe(ReturnFinished)
			task := e.h.tp.Enqueue(p.args(e.w), "x")
			eventually(t, "done", func() bool { return onDoneList(task) })
			DequeueTask(task)
			return p, task
		}},
		{"loses wsi while queued", false, func(t *testing.T, e *env) (*probe, *Task) {
			b := blockWorker(t, e)
			p := newProbe().looping()
			task := e.h.tp.Enqueue(p.args(e.w), "x")
			e.h.closeClient(t, e.c, e.w)
			b.release()
			return p, task
		}},
		{"loses wsi while running", false, func(t *testing.T, e *env) (*probe, *Task) {
			p := newProbe().held().looping()
			task := e.h.tp.Enqueue(p.args(e.w), "x")
			p.next(t)
			e.h.closeClient(t, e.c, e.w)
			p.release()
			return p, task
		}},
		{"loses wsi while syncing", false, func(t *testing.T, e *env) (*probe, *Task) {
			e.r.answer = func(*lws.Wsi, *Task) {}
			p := newProbe(ReturnSync)
			task := e.h.tp.Enqueue(p.args(e.w), "x")
			e.r.waitSeen(t, StatusSyncing)
			e.h.closeClient(t, e.c, e.w)
			return p, task
		}},
		{"loses wsi while done", false, func(t *testing.T, e *env) (*probe, *Task) {
			p := newProbe(ReturnFinished)
			task := e.h.tp.Enqueue(p.args(e.w), "x")
			eventually(t, "done", func() bool { return onDoneList(task) })
			e.h.closeClient(t, e.c, e.w)
			return p, task
		}},
		{"outlives its wsi", false, func(t *testing.T, e *env) (*probe, *Task) {
			p := newProbe(ReturnCheckingIn|ReturnFlagOutlive, ReturnCheckingIn).held().looping()
			task := e.h.tp.Enqueue(p.args(e.w), "x")
			p.next(t)
			p.step <- struct{}{}
			p.next(t)
			e.h.closeClient(t, e.c, e.w)
			p.release()
			return p, task
		}},
		{"async, loses wsi", false, func(t *testing.T, e *env) (*probe, *Task) {
			p := newProbe(ReturnCheckingIn, ReturnSync, ReturnFinished).held()
			args := p.args(e.w)
			args.Async = true
			task := e.h.tp.Enqueue(args, "x")
			p.next(t)
			DequeueTask(task)
			p.release()
			return p, task
		}},
		{"sync times out", false, func(t *testing.T, e *env) (*probe, *Task) {
			e.r.answer = func(*lws.Wsi, *Task) {}
			p := newProbe(ReturnSync)
			return p, e.h.tp.Enqueue(p.args(e.w), "x")
		}},
		{"stopped by Finish while queued, reaped by Status", true, func(t *testing.T, e *env) (*probe, *Task) {
			b := blockWorker(t, e)
			p := newProbe()
			task := e.h.tp.Enqueue(p.args(e.w), "x")
			e.h.tp.Finish()
			b.release()
			return p, task
		}},
		{"left on the done list for Destroy", false, func(t *testing.T, e *env) (*probe, *Task) {
			p := newProbe(ReturnFinished)
			task := e.h.tp.Enqueue(p.args(e.w), "x")
			eventually(t, "done", func() bool { return onDoneList(task) })
			e.h.tp.Destroy()
			return p, task
		}},
		{"queued at Destroy", false, func(t *testing.T, e *env) (*probe, *Task) {
			b := blockWorker(t, e)
			p := newProbe()
			task := e.h.tp.Enqueue(p.args(e.w), "x")
			go func() {
				// Destroy gives no signal that it began; poll, bounded.
				for end := time.Now().Add(waitBound); !finishing(e.h.tp) && time.Now().Before(end); {
					time.Sleep(time.Millisecond)
				}
				b.release()
			}()
			e.h.tp.Destroy()
			return p, task
		}},
	}
	for _, path := range paths {
		t.Run(path.name, func(t *testing.T) {
			e := &env{h: newHarness(), r: newReaper()}
			e.h.onWriteable = func(w *lws.Wsi) int {
				if !path.reap {
					// Only answer SYNCs; leave ended tasks alone.
					ForeachTaskWsi(w, nil, func(task *Task, _ any) int {
						if task.StatusNoreap() == StatusSyncing {
							e.r.seen <- StatusSyncing
							if e.r.answer != nil {
								e.r.answer(w, task)
							} else {
								TaskSync(task, 0)
							}
						}
						return 0
					})
					return 0
				}
				return e.r.writeable(w)
			}
			e.h.start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4,
				SyncTimeout: 10 * time.Millisecond, SyncRetries: 2})
			e.c, e.w = e.h.dial(t)
			p, task := path.drive(t, e)
			p.waitCleaned(t)
			// Poke the reaped task every way there is.
			DequeueTask(task)
			task.Status()
			TaskSync(task, 1)
			TaskSync(task, 0)
			e.h.tp.Finish()
			e.h.tp.Destroy()
			e.h.stop()
			p.check(t)
		})
	}
}
