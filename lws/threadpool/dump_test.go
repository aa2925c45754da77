package threadpool

import (
	"regexp"
	"testing"

	"github.com/golws/golws/lws"
)

// Dump logs at THREAD level (C compiles it out): the summary, then the
// queued, running and done tasks with their ages; nothing when THREAD
// lines are masked off.
func TestDumpAtThreadLevel(t *testing.T) {
	lc := captureLogs(t, lws.LogDefault|lws.LogThread)
	h := newHarness().start(t, true, &CreateArgs{Threads: 1, MaxQueueDepth: 4})
	_, w := h.dial(t)
	gamma := newProbe(ReturnFinished)
	gTask := h.tp.Enqueue(gamma.args(w), "gamma")
	eventually(t, "gamma on the done list", func() bool { return onDoneList(gTask) })
	alpha := newProbe().held()
	h.tp.Enqueue(alpha.args(nil), "alpha")
	alpha.next(t)
	beta := newProbe()
	h.tp.Enqueue(beta.args(nil), "beta")

	h.tp.Dump()
	want := []string{
		`^lws_threadpool_dump: tp-test: queued 1, running 1, done 1, workers 1$`,
		`^  queued: beta waiting \d+$`,
		`^  worker 0: alpha RUNNING for \d+, alive \d+ \(waited \d+, on worker \d+, run \d+%, sync \d+%\)$`,
		`^  done: gamma FINISHED lived \d+ \(waited \d+, on worker \d+, run \d+%, sync \d+%\)$`,
	}
	lines := lc.matching("T", "")
	for _, re := range want {
		found := false
		for _, l := range lines {
			if regexp.MustCompile(re).MatchString(l) {
				found = true
			}
		}
		if !found {
			t.Errorf("no THREAD line matching %s in %q", re, lines)
		}
	}
	if len(lc.matching("E", "lws_threadpool_dump")) != 0 {
		t.Error("Dump found its counters inconsistent")
	}

	lws.SetLogLevel(lws.LogDefault, func(int, string) { t.Error("Dump logged with THREAD masked off") })
	h.tp.Dump()
	lws.SetLogLevel(lws.LogDefault, nil)

	alpha.release()
	beta.waitCleaned(t)
	h.tp.Destroy()
	for _, p := range []*probe{alpha, beta, gamma} {
		p.check(t)
	}
}
