package minimalthreadpool

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// dropFloor and dropCeiling bound when a client sees its connection
// dropped after its last message: PENDING_TIMEOUT_THREADPOOL_TASK (5 s)
// is set at each write and never fires early, but the client sees the
// write later than the server made it, by up to the floor's slack; the
// ceiling leaves a loaded machine room and still fails a drop by the 30 s
// PENDING_TIMEOUT_THREADPOOL, or none.
const (
	dropFloor   = 4 * time.Second
	dropCeiling = 8 * time.Second
)

// Eight clients with the task's sleep scaled down: every connection gets
// exactly its ten messages in order, at most three tasks run at once, they
// start in the order they were queued, and each connection is dropped,
// without a close frame, 5 s after its last message.
func TestEightClients(t *testing.T) {
	const step = 10 * time.Millisecond
	e := startExample(t, step)
	cs := e.dialQueued(8)
	for _, c := range cs {
		c.WaitEnd(t)
	}
	want := wantPositions()
	first := make([]time.Time, len(cs))
	last := make([]time.Time, len(cs))
	for i, c := range cs {
		msgs, end := c.Received()
		if texts := exampletest.Texts(msgs); !slices.Equal(texts, want) {
			t.Fatalf("client %d got %q", i, texts)
		}
		first[i], last[i] = msgs[0].At, msgs[len(msgs)-1].At
		if websocket.CloseStatus(end) != -1 {
			t.Errorf("client %d ended with a close frame: %v", i, end)
		}
		endT, _ := c.End()
		if d := endT.Sub(last[i]); d < dropFloor || d > dropCeiling {
			t.Errorf("client %d dropped %v after its last message, want 5 s (%v to %v as seen by a client on a loaded machine)",
				i, d, dropFloor, dropCeiling)
		}
	}
	for i := 3; i < len(cs); i++ {
		// With three workers, task i can only start when task i-3 (the
		// oldest running one, in FIFO order) is done; its first message
		// comes ten steps after its start, and the server wrote task
		// i-3's last one before that. Seen by two clients, the two may
		// come in either order on a loaded machine, so the check allows
		// half a task's run (50 steps): a fourth task running at once
		// would send its first message some 90 steps before.
		if first[i].Before(last[i-3].Add(-50 * step)) {
			t.Errorf("task %d sent %v before task %d finished: more than 3 ran at once, or not FIFO",
				i, last[i-3].Sub(first[i]), i-3)
		}
		for j := 0; j <= i-3; j++ {
			if !first[j].Before(first[i]) {
				t.Errorf("task %d started before task %d: not FIFO", i, j)
			}
		}
	}
	e.mu.Lock()
	for _, l := range e.lines {
		if strings.Contains(l, "DIAG: ongoing: ") && !strings.Contains(l, "possible: 3") {
			t.Errorf("DIAG line %q", l)
		}
		for _, bad := range []string{"ongoing: 4", "ongoing: 5", "queue: 9"} {
			if strings.Contains(l, bad) {
				t.Errorf("DIAG shows %s: %q", bad, l)
			}
		}
	}
	e.mu.Unlock()
	if code, _ := e.stop(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	e.checkCleanups(8)
}

// More clients at once than 3 running + 8 queued: the surplus gets no
// frame, only the three log lines C prints, and its connection is closed.
func TestQueueFull(t *testing.T) {
	e := startExample(t, 50*time.Millisecond)
	cs := e.dialQueued(11)
	e.waitFor("3 running", func() bool { return e.enqueued == 11 })
	surplus := e.dial(false)
	if msgs, end := surplus.WaitEnd(t); len(msgs) != 0 || websocket.CloseStatus(end) != -1 {
		t.Errorf("surplus client got %q, ended %v", exampletest.Texts(msgs), end)
	}
	e.waitFor("three log lines", func() bool {
		return e.hasLine("N", "lws_threadpool_enqueue: queue reached limit 8") &&
			e.hasLine("U", "callback_minimal: Couldn't enqueue task") &&
			e.hasLine("N", "lws_process_ws_upgrade2: user ESTABLISHED failed connection")
	})
	e.mu.Lock()
	if len(e.cleanups) != 1 {
		// The refused task's data is cleaned up by the callback itself.
		t.Errorf("cleanups after the refusal: %d", len(e.cleanups))
	}
	e.mu.Unlock()
	cs[0].WaitCount(t, 1) // the running ones are undisturbed
}

// A client closing mid-task, with a close frame and with a bare TCP
// close: its cleanup runs once, the next queued task starts, the others
// go on undisturbed.
func TestClientClosesMidTask(t *testing.T) {
	const step = 20 * time.Millisecond
	e := startExample(t, step)
	keep := e.dial(true)
	polite := e.dial(true)
	rude := e.dial(true)
	waiting := e.dial(true)
	polite.WaitCount(t, 1)
	rude.WaitCount(t, 1)
	if err := polite.Conn.Close(websocket.StatusNormalClosure, ""); err != nil {
		t.Fatalf("close handshake: %v", err)
	}
	rude.Conn.CloseNow()
	closedAt := time.Now()
	waiting.WaitCount(t, 1)
	msgs, _ := waiting.Received()
	// Ten steps to its first message, plus the check-in that notices the
	// close: logged, and asserted against the undisturbed task, which
	// has some 90 steps left. A queued task that had to wait for a
	// worker to finish its task would send its first message after that
	// task's last.
	t.Logf("queued task sent its first message %v after the closes", msgs[0].At.Sub(closedAt))
	e.waitFor("two cleanups", func() bool { return len(e.cleanups) >= 2 })
	keptMsgs, _ := keep.WaitEnd(t)
	if !slices.Equal(exampletest.Texts(keptMsgs), wantPositions()) {
		t.Fatalf("undisturbed client got %q", exampletest.Texts(keptMsgs))
	}
	if !msgs[0].At.Before(keptMsgs[len(keptMsgs)-1].At) {
		t.Errorf("queued task sent its first message after the running one's last: it waited for a worker to finish, not for the closes")
	}
	waiting.WaitCount(t, 10)
	e.stop()
	e.checkCleanups(4)
}

// SIGINT with tasks running and queued: Main returns 0 within 1 s, after
// every cleanup ran; goleak (TestMain) checks no goroutine is left. The
// second is the promise, logged when missed; what is asserted is
// exitBound, which leaves a loaded machine room yet fails a Main that
// waits for its running tasks (at the C example's real step, their
// remaining nine seconds) instead of stopping them at their next step,
// or whose Destroy gave up waiting for a connection (its log line).
func TestInterruptWithTasks(t *testing.T) {
	const exitPromise, exitBound = time.Second, 2500 * time.Millisecond
	e := startExample(t, 100*time.Millisecond)
	cs := e.dialQueued(8)
	cs[0].WaitCount(t, 1)
	code, took := e.stop()
	if code != 0 || took > exitBound {
		t.Fatalf("exit %d after %v, want 0 within %v", code, took, exitBound)
	}
	if took > exitPromise {
		t.Logf("exit took %v, over the %v promise (within the %v bound for a loaded machine)", took, exitPromise, exitBound)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, l := range e.lines {
		for _, d := range []string{"did not report their end", "net/http still has connections"} {
			if strings.Contains(l, d) {
				t.Errorf("Destroy waited out its bound: %q", l)
			}
		}
	}
	if len(e.cleanups) != 8 {
		t.Fatalf("%d cleanups, want 8", len(e.cleanups))
	}
	if !strings.HasSuffix(e.lines[len(e.lines)-1], "U: main: exiting cleanly...\n") {
		t.Fatalf("last line %q", e.lines[len(e.lines)-1])
	}
}
