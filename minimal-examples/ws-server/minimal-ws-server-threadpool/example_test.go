package minimalthreadpool

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
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
		if d := endT.Sub(last[i]); d < 4500*time.Millisecond || d > 5500*time.Millisecond {
			t.Errorf("client %d dropped %v after its last message, want 5s +/- 0.5s", i, d)
		}
	}
	for i := 3; i < len(cs); i++ {
		// With three workers, task i can only start when task i-3 (the
		// oldest running one, in FIFO order) is done; its first message
		// comes ten steps after its start.
		if !first[i].After(last[i-3]) {
			t.Errorf("task %d sent before task %d finished: more than 3 ran at once, or not FIFO", i, i-3)
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
	startedAfter := msgs[0].At.Sub(closedAt)
	// Ten steps to its first message, plus the check-in that notices the
	// close: well under the seconds the remaining task has left.
	if startedAfter > 10*step+500*time.Millisecond {
		t.Errorf("queued task started %v after the closes", startedAfter)
	}
	e.waitFor("two cleanups", func() bool { return len(e.cleanups) >= 2 })
	if msgs, _ := keep.WaitEnd(t); !slices.Equal(exampletest.Texts(msgs), wantPositions()) {
		t.Errorf("undisturbed client got %q", exampletest.Texts(msgs))
	}
	waiting.WaitCount(t, 10)
	e.stop()
	e.checkCleanups(4)
}

// SIGINT with tasks running and queued: Main returns 0 within 1 s, after
// every cleanup ran; goleak (TestMain) checks no goroutine is left.
func TestInterruptWithTasks(t *testing.T) {
	e := startExample(t, 20*time.Millisecond)
	cs := e.dialQueued(8)
	cs[0].WaitCount(t, 1)
	code, took := e.stop()
	if code != 0 || took > time.Second {
		t.Fatalf("exit %d after %v, want 0 within 1s", code, took)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.cleanups) != 8 {
		t.Fatalf("%d cleanups, want 8", len(e.cleanups))
	}
	if !strings.HasSuffix(e.lines[len(e.lines)-1], "U: main: exiting cleanly...\n") {
		t.Fatalf("last line %q", e.lines[len(e.lines)-1])
	}
}
