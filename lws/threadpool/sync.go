package threadpool

import (
	"time"

	"github.com/golws/golws/lws"
)

// syncLocked is ReturnSync for a running task with a wsi: the task becomes
// StatusSyncing, the service goroutine is asked for a WRITEABLE on the
// task's own wsi (askService), and the worker waits for
// the handler's TaskSync. tp.mu is held on entry and on return; the task
// has left StatusSyncing on return.
//
// The wait ends when
//   - TaskSync (or DequeueTask) changed the state: the task goes on as
//     RUNNING or ends as STOPPING said;
//   - the wsi went away: an outliving task goes on as RUNNING, so its next
//     call sees STOPPING (an Async one's does not); any other task ends
//     STOPPED without another call;
//   - the pool is finishing: the next call sees STOPPING;
//   - SyncRetries waits of SyncTimeout each passed: the task is detached
//     and ends STOPPED.
//
// now is when the task returned SYNC; syncLocked returns when the wait
// ended, so the caller needs no clock reading of its own.
//
// The worker's timer is armed lazily: a wake does not stop it, and when it
// fires the wait checks how long this SYNC has really waited, so a SYNC
// answered in microseconds costs no timer operation.
func (tp *Threadpool) syncLocked(t *Task, timer *lazyTimer, now time.Time) (ended time.Time) {
	t.status, t.entered = StatusSyncing, now
	if t.wake == nil {
		t.wake = make(chan struct{}, 1)
	}
	t.drainWake()
	start := now
	defer func() {
		t.drainWake()
		ended = time.Now()
		t.accSync += ended.Sub(start)
		t.entered = ended
	}()
	if lws.LogVisible(lws.LogDebug) {
		lws.Debug("lws_threadpool_worker: %s: task %s waits in SYNC", tp.name, t.name)
	}

	wake := t.wake // read under the lock, for the wait outside it
	waitStart := start
	for tries := 0; ; {
		tp.mu.Unlock()
		t.askService()
		timedOut := tp.waitWake(wake, timer, waitStart)
		tp.mu.Lock()

		switch {
		case t.status != StatusSyncing:
			return
		case t.wsi == nil:
			if t.outlive {
				t.setStatus(StatusRunning)
			} else {
				t.setStatus(StatusStopped)
			}
			return
		case tp.finishing:
			t.setStatus(StatusRunning)
			return
		case timedOut:
			tries++
			t.lateSyncs++
			if tries >= tp.syncRetries {
				lws.Err("lws_threadpool_worker: %s: task %s: no TaskSync after %d waits of %v, stopping it",
					tp.name, t.name, tries, tp.syncTimeout)
				tp.detachLocked(t)
				t.setStatus(StatusStopped)
				return
			}
		}
		// Timed out with retries left: ask for WRITEABLE again.
		waitStart = time.Now()
	}
}

// waitWake waits for the task's wake or until SyncTimeout has passed since
// since. The worker's timer may have been armed by an earlier wait; it is
// re-armed only when it fires early or is not armed at all.
func (tp *Threadpool) waitWake(wake chan struct{}, timer *lazyTimer, since time.Time) (timedOut bool) {
	timer.ensure(tp.syncTimeout)
	for {
		select {
		case <-wake:
			return false
		case <-timer.C():
			timer.fired()
			if left := tp.syncTimeout - time.Since(since); left > 0 {
				timer.ensure(left)
				continue
			}
			return true
		}
	}
}

// lazyTimer is a worker's SYNC timer, left running across waits.
type lazyTimer struct {
	t     *time.Timer
	armed bool
}

func newLazyTimer() *lazyTimer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &lazyTimer{t: t}
}

func (l *lazyTimer) C() <-chan time.Time { return l.t.C }

// ensure arms the timer for d unless it is already armed.
func (l *lazyTimer) ensure(d time.Duration) {
	if !l.armed {
		l.t.Reset(d)
		l.armed = true
	}
}

func (l *lazyTimer) fired() { l.armed = false }

// TaskSync answers a task waiting in StatusSyncing
// (lws_threadpool_task_sync): stop 0 lets it go on, stop 1 makes it end as
// StatusStopped without being called again. Call it from the WRITEABLE
// handler once the task's output is consumed.
//
// Unlike C, the task leaves StatusSyncing under the pool lock before
// TaskSync returns, so a later WRITEABLE sees StatusRunning (or a later
// state) and never consumes the same output twice.
//
// Given a task that is not syncing, stop 0 does nothing; stop 1 makes a
// running task StatusStopping (it ends after its current call) and a
// queued one StatusStopped on the done list (reaped at once, its Cleanup
// called here, if it has no wsi). nil or reaped tasks are ignored.
// Goroutine-safe.
func TaskSync(task *Task, stop int) {
	if task == nil {
		return
	}
	tp := task.tp
	var reap, wake bool
	tp.mu.Lock()
	switch {
	case task.reaped:
	case task.status == StatusSyncing:
		// The state leaves SYNCING here, under the lock (no second
		// WRITEABLE can see it again); its timestamp is set by the
		// worker when it wakes, which saves a clock reading per SYNC.
		if stop != 0 {
			task.status = StatusStopping
		} else {
			task.status = StatusRunning
		}
		task.wakeLocked()
	case stop == 0:
	case task.status == StatusRunning:
		task.setStatus(StatusStopping)
	case task.status == StatusQueued && tp.takeQueuedLocked(task):
		reap = task.stopQueuedLocked()
		wake = !reap
	}
	tp.mu.Unlock()
	if reap {
		runCleanup(task)
	}
	if wake {
		task.askService()
	}
}
