package lws

import (
	"context"
	"io"
	"strconv"
	"testing"

	"github.com/coder/websocket"
)

// BenchmarkWriteablePath is the hot path lws code lives on: WRITEABLE
// comes, the handler writes one small frame and asks again. One op is one
// frame from the callback to a client on loopback that reads it into a
// reused buffer, so allocs/op counts what the path allocates per message.
func BenchmarkWriteablePath(b *testing.B) {
	msg := []byte("pos 1234567")
	remaining := 0
	ready := make(chan struct{})
	p := Protocol{Name: "p", Callback: func(w *Wsi, reason CallbackReason, _ any, _ any, _ int) int {
		switch reason {
		case CallbackEstablished:
			close(ready)
		case CallbackServerWriteable:
			if remaining > 0 {
				remaining--
				w.Write(msg, WriteText)
				w.CallbackOnWritable()
			}
		case CallbackUser:
			w.CallbackOnWritable()
		}
		return 0
	}}
	c, err := CreateContext(&ContextCreationInfo{Port: 0, Iface: "127.0.0.1", Protocols: []Protocol{p}})
	if err != nil {
		b.Fatal(err)
	}
	gctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = c.Run(gctx); c.Destroy() }()
	defer func() { cancel(); <-done }()

	ctx := context.Background()
	conn, _, err := websocket.Dial(ctx, "ws://127.0.0.1:"+strconv.Itoa(c.Vhost().Port())+"/", &websocket.DialOptions{Subprotocols: []string{"p"}})
	if err != nil {
		b.Fatal(err)
	}
	defer conn.CloseNow()
	<-ready
	buf := make([]byte, 64)
	b.ReportAllocs()
	b.ResetTimer()
	c.post(func() {
		remaining = b.N
		c.CallbackAllProtocol(&p, CallbackUser)
	})
	for i := 0; i < b.N; i++ {
		_, r, err := conn.Reader(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.ReadAtLeast(r, buf, len(msg)); err != nil {
			b.Fatal(err)
		}
	}
}
