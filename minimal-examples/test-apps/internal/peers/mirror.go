package peers

import (
	"context"
	"regexp"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/coder/websocket"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// circle is what both test clients send on lws-mirror-protocol.
var circle = regexp.MustCompile(`^c #[0-9A-F]{6} \d+ \d+ \d+;$`)

// MirrorWatcher is an extra member of a server's mirror instance: it
// counts the test clients' circles the server hands it, which shows the
// fan-out from the outside.
type MirrorWatcher struct {
	circles atomic.Int64
	others  atomic.Int64
	notify  chan struct{} // a circle arrived (one token is enough)
}

// Circles and Others count the messages received that are, and are not,
// circles.
func (m *MirrorWatcher) Circles() int64 { return m.circles.Load() }
func (m *MirrorWatcher) Others() int64  { return m.others.Load() }

// WatchMirror joins the mirror instance of the server on loopback port,
// reading until the test ends. It offers no extension.
func WatchMirror(t testing.TB, port int) *MirrorWatcher {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	dctx, dcancel := context.WithTimeout(ctx, exampletest.WaitBound)
	defer dcancel()
	c, _, err := websocket.Dial(dctx, "ws://"+Addr(port)+"/", &websocket.DialOptions{
		Subprotocols: []string{"lws-mirror-protocol"},
	})
	if err != nil {
		cancel()
		t.Fatalf("joining the mirror: %v", err)
	}
	c.SetReadLimit(-1)
	m := &MirrorWatcher{notify: make(chan struct{}, 1)}
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			_, data, err := c.Read(ctx)
			if err != nil {
				return
			}
			if circle.Match(data) {
				m.circles.Add(1)
				exampletest.Notify(m.notify)
			} else {
				m.others.Add(1)
			}
		}
	})
	t.Cleanup(func() {
		cancel() // a cancelled Read closes the connection
		wg.Wait()
		_ = c.CloseNow()
	})
	return m
}

// WaitCircles blocks until at least n circles arrived, or fails t after
// exampletest.WaitBound.
func (m *MirrorWatcher) WaitCircles(t testing.TB, n int64) {
	t.Helper()
	if !exampletest.Await(m.notify, exampletest.WaitBound, func() bool { return m.Circles() >= n }) {
		t.Fatalf("the mirror watcher saw %d circles in %v, wanted %d", m.Circles(), exampletest.WaitBound, n)
	}
}
