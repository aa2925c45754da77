package lws

import (
	"context"
	"strings"
	"testing"

	"github.com/coder/websocket"
)

// A panic in a callback is logged at ERR with its stack, closes that
// connection with 1011, and the server keeps serving.
func TestCallbackPanicRecovered(t *testing.T) {
	rec := newRecorder()
	logs := captureLogs(t, LogDefault)
	h := echoHandlers()
	echo := h[CallbackReceive]
	h[CallbackReceive] = func(w *Wsi, user any, in any) int {
		if string(in.([]byte)) == "boom" {
			panic("user code failed")
		}
		return echo(w, user, in)
	}
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{recordingProtocol("p", rec, h)}})
	bad := dial(t, s.url, "p")
	writeText(t, bad, "boom")
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	if _, _, err := bad.Read(ctx); websocket.CloseStatus(err) != websocket.StatusInternalError {
		t.Fatalf("panicking connection: %v, want close 1011", err)
	}
	logs.mu.Lock()
	var line string
	for _, l := range logs.lines {
		if strings.Contains(l, `] E: lws: panic in protocol "p" callback LWS_CALLBACK_RECEIVE: user code failed`) {
			line = l
		}
	}
	logs.mu.Unlock()
	if !strings.Contains(line, "panic_test.go") {
		t.Fatalf("no ERR line with the stack: %q", line)
	}
	good := dial(t, s.url, "p")
	writeText(t, good, "still serving")
	if got := readText(t, good); got != "still serving" {
		t.Fatalf("after a panic: %q", got)
	}
	good.CloseNow()
}

// NoPanicRecovery keeps C's crash-fast behaviour: the panic reaches the
// goroutine running the callback.
func TestNoPanicRecovery(t *testing.T) {
	p := Protocol{Name: "p", Callback: func(_ *Wsi, r CallbackReason, _ any, _ any, _ int) int {
		if r == CallbackProtocolInit {
			panic("init failed")
		}
		return 0
	}}
	defer func() {
		if v := recover(); v != "init failed" {
			t.Fatalf("recovered %v, want the callback's panic", v)
		}
	}()
	c, err := CreateContext(&ContextCreationInfo{Port: ContextPortNoListen, NoPanicRecovery: true, Protocols: []Protocol{p}})
	t.Fatalf("CreateContext returned %v, %v", c, err)
}

func TestPanicInProtocolInitFailsCreation(t *testing.T) {
	captureLogs(t, LogDefault)
	p := Protocol{Name: "p", Callback: func(_ *Wsi, r CallbackReason, _ any, _ any, _ int) int {
		if r == CallbackProtocolInit {
			panic("init failed")
		}
		return 0
	}}
	if c, err := CreateContext(&ContextCreationInfo{Port: ContextPortNoListen, Protocols: []Protocol{p}}); err == nil {
		c.Destroy()
		t.Fatal("created")
	}
}
