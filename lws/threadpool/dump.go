package threadpool

import (
	"fmt"
	"time"

	"github.com/golws/golws/lws"
)

// Dump logs the pool's state at THREAD level (lws.LogThread, 2048)
// (lws_threadpool_dump): a summary line, then one line per waiting task,
// per worker and per done task, with how long each has been where it is
// and how its time on a worker split between running and syncing. It does
// nothing when THREAD lines are not logged. C compiles its dump out; this
// one always works. Goroutine-safe.
//
// Lines (ages in ms):
//
//	lws_threadpool_dump: <pool>: queued <n>, running <n>, done <n>, workers <n>
//	  queued: <task> waiting <ms>
//	  worker <i>: <task> <STATE> for <ms>, alive <ms> (waited <ms>, on worker <ms>, run <pct>%, sync <pct>%)
//	  worker <i>: idle
//	  done: <task> <STATE> lived <ms> (waited <ms>, on worker <ms>, run <pct>%, sync <pct>%)
func (tp *Threadpool) Dump() {
	if !lws.LogVisible(lws.LogThread) {
		return
	}
	now := time.Now()
	var lines []string
	tp.mu.Lock()
	lines = append(lines, fmt.Sprintf("lws_threadpool_dump: %s: queued %d, running %d, done %d, workers %d",
		tp.name, len(tp.queue), tp.running, len(tp.done), tp.threads))
	for _, t := range tp.queue {
		lines = append(lines, fmt.Sprintf("  queued: %s waiting %d", t.name, ms(now.Sub(t.created))))
	}
	busy := 0
	for i, t := range tp.onWorker {
		if t == nil {
			lines = append(lines, fmt.Sprintf("  worker %d: idle", i))
			continue
		}
		busy++
		lines = append(lines, fmt.Sprintf("  worker %d: %s %s for %d, alive %d (waited %d, on worker %d, run %d%%, sync %d%%)",
			i, t.name, t.status, ms(now.Sub(t.entered)), ms(now.Sub(t.created)),
			ms(waited(t)), ms(now.Sub(t.acquired)),
			pct(t.accRun, now.Sub(t.acquired)), pct(t.accSync, now.Sub(t.acquired))))
	}
	for _, t := range tp.done {
		lines = append(lines, fmt.Sprintf("  done: %s %s lived %d (waited %d, on worker %d, run %d%%, sync %d%%)",
			t.name, t.status, ms(t.ended.Sub(t.created)), ms(waited(t)),
			ms(onWorker(t)), pct(t.accRun, onWorker(t)), pct(t.accSync, onWorker(t))))
	}
	running := tp.running
	tp.mu.Unlock()

	for _, l := range lines {
		lws.Thread("%s", l)
	}
	if busy != running {
		lws.Err("lws_threadpool_dump: %s: %d tasks counted running but %d workers busy", tp.name, running, busy)
	}
}

// waited is how long a task waited for a worker; for one stopped while
// queued, until it was stopped.
func waited(t *Task) time.Duration {
	if t.acquired.IsZero() {
		return t.ended.Sub(t.created)
	}
	return t.acquired.Sub(t.created)
}

// onWorker is how long a done task spent on a worker; 0 for one stopped
// while it was still queued.
func onWorker(t *Task) time.Duration {
	if t.acquired.IsZero() {
		return 0
	}
	return t.ended.Sub(t.acquired)
}

func ms(d time.Duration) int64 { return d.Milliseconds() }

// pct is part as a percentage of whole, 0 for an empty whole.
func pct(part, whole time.Duration) int64 {
	if whole <= 0 {
		return 0
	}
	return int64(part * 100 / whole)
}
