package reliability

import (
	"slices"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws/threadpool"
)

// Task states of the fault matrix, and how each is reached. Two workers:
// the bystander B holds one; the victim V (or, for "queued", a blocker X)
// holds the other; N waits in the queue behind V.
var matrixStates = []string{"queued", "running", "syncing", "finished-unreaped", "outlive-async", "outlive-flag"}

var matrixFaults = []string{"close-frame", "tcp-close", "sigint"}

// TestFaultMatrix: a client closes (close frame, bare TCP close) or the
// server gets SIGINT while the client's task is in each state. Every time
// each cleanup runs exactly once, the next queued task starts and works,
// the bystander's connection and task go on undisturbed, the loop exits 0
// within exitBound of SIGINT, and no goroutine is left.
func TestFaultMatrix(t *testing.T) {
	for _, st := range matrixStates {
		for _, fault := range matrixFaults {
			t.Run(st+"/"+fault, func(t *testing.T) { faultCase(t, st, fault) })
		}
	}
	// An outliving task whose client has gone, still running detached,
	// when SIGINT comes: it gets its STOPPING call and its cleanup.
	t.Run("outlive-detached/sigint", func(t *testing.T) {
		noLeaks(t)
		cs := startCtl(t, 1)
		v := cs.job("V", asyncJob)
		vc := cs.dial(t, "V")
		cs.ev.waitEvent(t, "running V")
		vc.closeRudely()
		cs.ev.waitEvent(t, "closed V")
		if v.cleanups.Load() != 0 || v.status() != threadpool.StatusRunning {
			t.Fatalf("outliving task after its wsi closed: %s, %d cleanups", v.status(), v.cleanups.Load())
		}
		cs.wantCleanExit(t)
		if !cs.ev.has("stopping V") {
			t.Errorf("the detached task was not told to stop at destroy: %q", cs.ev.snapshot())
		}
		cs.cleanupsOnce(t)
	})
}

func faultCase(t *testing.T, st, fault string) {
	noLeaks(t)
	cs := startCtl(t, 2)
	ev := cs.ev

	b := cs.job("B")
	bc := cs.dial(t, "B")
	ev.waitEvent(t, "running B")

	var x *job
	var xc *wsClient
	if st == "queued" {
		x = cs.job("X")
		xc = cs.dial(t, "X")
		ev.waitEvent(t, "running X")
	}
	var opts []func(*job)
	switch st {
	case "outlive-async":
		opts = append(opts, asyncJob)
	case "outlive-flag":
		opts = append(opts, outliveJob)
	}
	v := cs.job("V", opts...)
	vc := cs.dial(t, "V")
	if st != "queued" {
		ev.waitEvent(t, "running V")
	}
	n := cs.job("N")
	nc := cs.dial(t, "N")

	// Bring V to its state; each is checked, not assumed.
	want := threadpool.StatusRunning
	switch st {
	case "queued":
		want = threadpool.StatusQueued
	case "syncing":
		v.hold.Store(true)
		v.cmd <- "sync"
		ev.waitEvent(t, "held V")
		want = threadpool.StatusSyncing
	case "finished-unreaped":
		v.noreap.Store(true)
		v.cmd <- "finish"
		ev.waitEvent(t, "unreaped V FINISHED")
		want = threadpool.StatusFinished
	}
	if got := v.status(); got != want {
		t.Fatalf("victim task is %s, want %s", got, want)
	}
	if st != "finished-unreaped" {
		if got := n.status(); got != threadpool.StatusQueued {
			t.Fatalf("next task is %s, want QUEUED", got)
		}
	}

	if fault == "sigint" {
		t.Logf("exit 0 %v after SIGINT", cs.wantCleanExit(t).Round(time.Microsecond))
		cs.cleanupsOnce(t)
		for name, c := range map[string]*wsClient{"B": bc, "V": vc, "N": nc, "X": xc} {
			if c == nil {
				continue
			}
			// Context destroy drops connections without a close frame,
			// as lws does.
			if err := c.waitEnd(t); websocket.CloseStatus(err) != -1 {
				t.Errorf("client %s ended with %v, want a drop", name, err)
			}
		}
		return
	}

	switch fault {
	case "close-frame":
		vc.closePolitely(t) // the server echoed the close frame
	case "tcp-close":
		vc.closeRudely()
	}
	ev.waitEvent(t, "closed V")

	// What becomes of V's task, and who cleans it up.
	switch st {
	case "outlive-async":
		// Detached, it runs on: still called with RUNNING, its SYNC
		// skipped, until it finishes; its worker then reaps it.
		if v.cleanups.Load() != 0 {
			t.Fatalf("outliving task cleaned up when its wsi closed")
		}
		v.cmd <- "sync"
		ev.waitEvent(t, "sync V 1")
		v.cmd <- "finish"
		ev.waitEvent(t, "cleanup V")
		if ev.has("stopping V") {
			t.Errorf("an Async task was told to stop because its wsi went")
		}
	case "outlive-flag":
		// ReturnFlagOutlive without Async: it survives the dequeue
		// but its next call is STOPPING.
		ev.waitEvent(t, "stopping V")
		ev.waitEvent(t, "cleanup V")
	default:
		ev.waitEvent(t, "cleanup V")
	}
	// Tasks still with their wsi are cleaned up by DequeueTask on the
	// service goroutine with the wsi; those on a worker are detached and
	// reaped by the worker without one.
	if wantWsi := st == "queued" || st == "finished-unreaped"; v.cleanupWsi.Load() != wantWsi {
		t.Errorf("victim's cleanup got a wsi: %v, want %v", v.cleanupWsi.Load(), wantWsi)
	}

	if x != nil {
		x.cmd <- "finish"
		ev.waitEvent(t, "cleanup X")
	}
	// The next queued task starts, and works.
	ev.waitEvent(t, "running N")
	n.cmd <- "sync"
	if got := nc.waitMsgs(t, 1); !slices.Equal(got, []string{"N 1"}) {
		t.Errorf("next task's client got %q", got)
	}
	// The bystander never noticed.
	for i := 1; i <= 3; i++ {
		b.cmd <- "sync"
		bc.waitMsgs(t, i)
	}
	if got := bc.messages(); !slices.Equal(got, []string{"B 1", "B 2", "B 3"}) {
		t.Errorf("bystander got %q", got)
	}
	// (Its task may not yet be out of the SYNC whose message just came.)
	if bst := b.status(); bc.ended() || ev.has("drop B") || ev.has("stopping B") ||
		(bst != threadpool.StatusRunning && bst != threadpool.StatusSyncing) {
		t.Errorf("bystander disturbed: ended %v, task %s; events %q", bc.ended(), b.status(), ev.snapshot())
	}
	if got := v.cleanups.Load(); got != 1 {
		t.Errorf("victim cleaned up %d times", got)
	}

	// Tidy up the rest politely, then SIGINT.
	for id, c := range map[string]*wsClient{"B": bc, "N": nc, "X": xc} {
		if c != nil {
			c.closePolitely(t)
			ev.waitEvent(t, "cleanup "+id)
		}
	}
	cs.wantCleanExit(t)
	cs.cleanupsOnce(t)
}

// TestBinarySIGINT: the real binary, built without -race, exits 0 within
// 1 s of a real SIGINT with tasks in the states it can be brought to from
// outside (the DIAG line it logs every second says which).
func TestBinarySIGINT(t *testing.T) {
	t.Run("running-and-queued", func(t *testing.T) {
		p := startBinary(t)
		for i := 0; i < 5; i++ {
			dialWS(t, p.url, "lws-minimal")
		}
		p.waitLine(t, "DIAG: ongoing: 3, possible: 3, queue: 2")
		p.sigint(t)
	})
	t.Run("clients-closed-mid-task", func(t *testing.T) {
		p := startBinary(t)
		var cs []*wsClient
		for i := 0; i < 4; i++ {
			cs = append(cs, dialWS(t, p.url, "lws-minimal"))
		}
		p.waitLine(t, "DIAG: ongoing: 3, possible: 3, queue: 1")
		seen := p.lineCount()
		cs[0].closePolitely(t)
		cs[1].closeRudely()
		// Both running tasks stop; the queued one starts.
		p.waitLineAfter(t, seen, "DIAG: ongoing: 2, possible: 3, queue: 0")
		p.sigint(t)
	})
	t.Run("syncing-stalled-reader-and-queued", func(t *testing.T) {
		p := startBinary(t, "--msgs", "100000000", "--threads", "1")
		wsHandshake(t, p.addr, "lws-minimal") // never read from
		dialWS(t, p.url, "lws-minimal")
		p.waitLine(t, "DIAG: ongoing: 1, possible: 1, queue: 1")
		p.sigint(t)
	})
}
