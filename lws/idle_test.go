package lws

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// An idle connection costs the server one goroutine (its reader); the
// writer exists only while frames are queued.
func TestIdleConnectionCostsOneGoroutine(t *testing.T) {
	rec := newRecorder()
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{recordingProtocol("p", rec, echoHandlers())}})
	const n = 20
	before := runtime.NumGoroutine()
	var conns []*websocket.Conn
	for i := 0; i < n; i++ {
		conns = append(conns, dial(t, s.url, "p"))
	}
	rec.waitFor(t, "all established", func(ev []string) bool { return count(ev, "p LWS_CALLBACK_ESTABLISHED") == n })
	// One echo each makes every writer start and finish.
	for i, c := range conns {
		writeText(t, c, fmt.Sprint(i))
		if got := readText(t, c); got != fmt.Sprint(i) {
			t.Fatalf("echo %d: %q", i, got)
		}
	}
	// A goroutine's end signals nothing: poll, with a bound.
	deadline := time.Now().Add(waitBound)
	for runtime.NumGoroutine()-before > n {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines for %d idle connections, want at most one each", runtime.NumGoroutine()-before, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("%d goroutines for %d idle connections", runtime.NumGoroutine()-before, n)
	for _, c := range conns {
		c.CloseNow()
	}
}
