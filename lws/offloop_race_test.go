//go:build race

package lws

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// Under the race detector, calling into a wsi from another goroutine while
// the service goroutine is inside a callback panics with the C name.
func TestOffLoopCallPanics(t *testing.T) {
	rec := newRecorder()
	inCallback := make(chan *Wsi)
	release := make(chan struct{})
	h := handlers{CallbackEstablished: func(w *Wsi, _ any, _ any) int {
		inCallback <- w
		<-release
		return 0
	}}
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{recordingProtocol("p", rec, h)}})
	dialed := make(chan *websocket.Conn, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), waitBound)
		defer cancel()
		c, _, err := websocket.Dial(ctx, s.url, &websocket.DialOptions{Subprotocols: []string{"p"}})
		if err == nil {
			dialed <- c
		}
		close(dialed)
	}()
	w := <-inCallback
	var msg string
	func() {
		defer func() { msg, _ = recover().(string) }()
		w.CallbackOnWritable()
	}()
	close(release)
	if !strings.Contains(msg, "lws_callback_on_writable called off the service goroutine") {
		t.Fatalf("off-loop call: panic %q", msg)
	}
	select {
	case c := <-dialed:
		if c == nil {
			t.Fatal("dial failed")
		}
		c.CloseNow()
	case <-time.After(waitBound):
		t.Fatal("dial did not finish")
	}
}
