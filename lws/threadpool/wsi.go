package threadpool

import (
	"slices"

	"github.com/golws/golws/lws"
)

// The binding between tasks and wsis. C keeps a list of tasks on each
// wsi; lws.Wsi has no room for one, so each pool keeps a map from wsi to
// its tasks there in enqueue order, under the pool lock.

// unbindLocked removes t from its wsi's list; t.wsi is kept (Cleanup
// still gets it). tp.mu held.
func (tp *Threadpool) unbindLocked(t *Task) {
	if t.wsi == nil {
		return
	}
	ts := tp.byWsi[t.wsi]
	if i := slices.Index(ts, t); i >= 0 {
		ts = slices.Delete(ts, i, i+1)
	}
	if len(ts) == 0 {
		delete(tp.byWsi, t.wsi)
	} else {
		tp.byWsi[t.wsi] = ts
	}
}

// detachLocked cuts the task loose from its wsi: from now on it has none
// and counts as having lost it. tp.mu held.
func (tp *Threadpool) detachLocked(t *Task) {
	if t.wsi == nil {
		return
	}
	tp.unbindLocked(t)
	t.wsi = nil
	t.lost = true
}

// GetTaskWsi returns the oldest task still bound to wsi, in any pool of
// its context, or nil (lws_threadpool_get_task_wsi). Goroutine-safe.
func GetTaskWsi(wsi *lws.Wsi) *Task {
	if wsi == nil {
		return nil
	}
	var first *Task
	for _, tp := range poolsOf(wsi.Context()) {
		tp.mu.Lock()
		if ts := tp.byWsi[wsi]; len(ts) > 0 && (first == nil || ts[0].seq < first.seq) {
			first = ts[0]
		}
		tp.mu.Unlock()
	}
	return first
}

// tasksOf returns the tasks bound to wsi in every pool of its context,
// oldest first.
func tasksOf(wsi *lws.Wsi, buf []*Task) []*Task {
	all := buf[:0]
	for _, tp := range poolsOf(wsi.Context()) {
		tp.mu.Lock()
		all = append(all, tp.byWsi[wsi]...)
		tp.mu.Unlock()
	}
	slices.SortFunc(all, func(a, b *Task) int {
		switch {
		case a.seq < b.seq:
			return -1
		case a.seq > b.seq:
			return 1
		}
		return 0
	})
	return all
}

// ForeachTaskWsi calls cb(task, user) for each task bound to wsi, oldest
// first, and stops at the first non-zero return
// (lws_threadpool_foreach_task_wsi). It returns 1 if cb stopped it, else
// 0.
//
// Unlike C, cb runs without the pool lock held, so it may call any
// function of this package (DequeueTask, Task.Status ...). The tasks are
// listed first; one that cb's earlier calls reaped or detached from wsi
// is skipped.
func ForeachTaskWsi(wsi *lws.Wsi, user any, cb func(task *Task, user any) int) int {
	if wsi == nil || cb == nil {
		return 0
	}
	var buf [8]*Task
	for _, t := range tasksOf(wsi, buf[:]) {
		t.tp.mu.Lock()
		bound := t.wsi == wsi && !t.reaped
		t.tp.mu.Unlock()
		if bound && cb(t, user) != 0 {
			return 1
		}
	}
	return 0
}

// detach detaches every task of a closing wsi (lws_threadpool_wsi_closing). It does not stop them: a queued or running task finds out at
// its next call (StatusStopping unless Async) and a SYNC wait ends now.
// A done task nobody can reap any more is reaped here, with Cleanup(nil,
// user) on the service goroutine; C would keep it until Destroy.
func (cp *ctxPools) detach(wsi *lws.Wsi) {
	for _, tp := range cp.list() {
		var reap []*Task
		tp.mu.Lock()
		for _, t := range tp.byWsi[wsi] {
			t.wsi = nil
			t.lost = true
			switch {
			case t.inDone:
				tp.reapDoneLocked(t)
				reap = append(reap, t)
			default:
				t.wakeLocked()
			}
		}
		delete(tp.byWsi, wsi)
		tp.mu.Unlock()
		for _, t := range reap {
			if tracing() {
				lws.Thread("lws_threadpool_wsi_closing: %s: reaping orphaned %s task %s", tp.name, t.status, t.name)
			}
		}
		runCleanups(reap)
	}
}
