package threadpool

import (
	"runtime/debug"
	"slices"
	"time"

	"github.com/golws/golws/lws"
)

// worker is one of the pool's goroutines: it takes the oldest waiting
// task, runs it to its end, and repeats until the pool is finishing and
// nothing waits.
func (tp *Threadpool) worker(idx int) {
	defer tp.wg.Done()
	defer tp.alive.Add(-1)
	// One timer per worker serves all its SYNC waits.
	timer := newLazyTimer()

	tp.mu.Lock()
	for {
		for len(tp.queue) == 0 && !tp.finishing {
			tp.idle.Wait()
		}
		if len(tp.queue) == 0 {
			break // finishing: Finish emptied the queue and Enqueue refuses
		}
		t := tp.queue[0]
		// Shift rather than reslice, so the queue's array is reused
		// instead of regrown; it holds at most MaxQueueDepth tasks.
		tp.queue = slices.Delete(tp.queue, 0, 1)
		t.setStatus(StatusRunning)
		t.acquired = t.entered
		t.worker = idx
		tp.onWorker[idx] = t
		tp.running++
		if tracing() {
			lws.Thread("lws_threadpool_worker: %s: worker %d takes task %s (waited %dms)",
				tp.name, idx, t.name, t.acquired.Sub(t.created).Milliseconds())
		}

		tp.runLocked(t, timer)
		tp.endLocked(t, idx)
	}
	tp.mu.Unlock()
	if tracing() {
		lws.Thread("lws_threadpool_worker: %s: worker %d leaves", tp.name, idx)
	}
}

// runLocked calls the task until it is no longer StatusRunning. tp.mu is
// held on entry and on return, and released around every call.
func (tp *Threadpool) runLocked(t *Task, timer *lazyTimer) {
	// One clock reading per call and one per SYNC wake serve both Dump's
	// accounting and the state timestamps: on a hot SYNC loop the clock is
	// a measurable share of the cost.
	start := time.Now()
	for {
		// A task is told to wind down when the pool is finishing or it
		// lost its wsi (unless it is Async: then it does not care).
		if t.status == StatusRunning && (tp.finishing || (t.lost && !t.async)) {
			t.setStatus(StatusStopping)
		}
		st := t.status
		tp.mu.Unlock()

		ret, panicked := tp.callTask(t, st)
		now := time.Now()

		tp.mu.Lock()
		if panicked {
			t.panicked = true
		}
		t.accRun += now.Sub(start)
		start = now
		if ret&ReturnFlagOutlive != 0 {
			t.outlive = true
		}
		switch ret.Kind() {
		case ReturnSync:
			// Only a running task with a wsi has someone to sync with;
			// a STOPPING task is on its way out.
			if t.status == StatusRunning && t.wsi != nil {
				start = tp.syncLocked(t, timer, now)
			}
		case ReturnFinished:
			t.setStatus(StatusFinished)
		case ReturnStopped:
			t.setStatus(StatusStopped)
		}
		if t.status != StatusRunning {
			return
		}
	}
}

// callTask runs the task function once. Unless the context was made with
// NoPanicRecovery, a panic is logged at ERR with its stack and the task
// ends as STOPPED; the service goroutine then closes its connection with
// 1011 (see DEVIATIONS).
func (tp *Threadpool) callTask(t *Task, st TaskStatus) (ret TaskReturn, panicked bool) {
	if tp.recovers {
		defer func() {
			if v := recover(); v != nil {
				lws.Err("lws_threadpool: %s: panic in task %s: %v\n%s", tp.name, t.name, v, debug.Stack())
				ret, panicked = ReturnStopped, true
			}
		}()
	}
	return t.fn(t.user, st), false
}

// endLocked moves a task its worker is done with to the done list, or
// reaps it at once if no wsi is left to do it. tp.mu held on entry and
// return; released around the Cleanup call and the wake.
func (tp *Threadpool) endLocked(t *Task, idx int) {
	tp.running--
	tp.onWorker[idx] = nil
	t.worker = -1
	if !t.status.ended() {
		t.setStatus(StatusStopped) // it was STOPPING
	}
	t.ended = t.entered
	t.drainWake()

	if t.wsi == nil {
		// Nobody's WRITEABLE handler will ask for this one.
		t.reaped = true
		if tracing() {
			lws.Thread("lws_threadpool_worker: %s: worker %d reaps %s task %s",
				tp.name, idx, t.status, t.name)
		}
		tp.mu.Unlock()
		runCleanup(t)
		tp.mu.Lock()
		return
	}
	t.inDone = true
	tp.done = append(tp.done, t)
	if tracing() {
		lws.Thread("lws_threadpool_worker: %s: worker %d done with task %s: %s",
			tp.name, idx, t.name, t.status)
	}
	tp.mu.Unlock()
	// A WRITEABLE on the wsi lets its handler reap the task.
	t.askService()
	tp.mu.Lock()
}
