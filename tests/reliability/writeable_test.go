package reliability

import (
	"bytes"
	"context"
	"testing"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws"
)

// A write made from WRITEABLE is always taken whole, as lws takes it: the
// rules allow it, so it must never fail the connection. Here every
// WRITEABLE writes a frame that nearly fills the send buffer and a second
// one that takes it past the limit; a reading client must get every frame
// and the connection must stay up. Before the fix the second write was
// refused and the connection closed with "send buffer limit exceeded".
func TestWriteableWritesAreTakenWhole(t *testing.T) {
	noLeaks(t)
	const (
		rounds = 20
		big    = lws.DefaultSendBufferLimit - 8<<10
		small  = 16 << 10
	)
	ev := newEvents()
	sent := 0
	cb := func(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
		switch reason {
		case lws.CallbackEstablished:
			wsi.CallbackOnWritable()
		case lws.CallbackServerWriteable:
			sent++
			frame := bytes.Repeat([]byte{byte(sent)}, big)
			if wsi.Write(frame, lws.WriteBinary) < 0 || wsi.Write(frame[:small], lws.WriteBinary) < 0 {
				ev.add("write refused in round %d", sent)
				return -1
			}
			if sent < rounds {
				wsi.CallbackOnWritable()
			}
		case lws.CallbackClosed:
			ev.add("closed")
		}
		return 0
	}
	s := startServer(t, lws.ContextCreationInfo{Protocols: []lws.Protocol{
		{Name: "http", Callback: lws.CallbackHTTPDummy},
		{Name: "big", Callback: cb},
	}})
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	c, _, err := websocket.Dial(ctx, s.url, &websocket.DialOptions{Subprotocols: []string{"big"}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseNow()
	c.SetReadLimit(-1)
	for i := 1; i <= rounds; i++ {
		for _, size := range []int{big, small} {
			_, b, err := c.Read(ctx)
			if err != nil {
				t.Fatalf("round %d: %v; server events: %v", i, err, ev.snapshot())
			}
			if len(b) != size || b[0] != byte(i) {
				t.Fatalf("round %d: got %d bytes of %d, want %d of %d", i, len(b), b[0], size, i)
			}
		}
	}
	if ev.has("closed") {
		t.Fatalf("connection closed: %v", ev.snapshot())
	}
	if n := logSink.count("send buffer limit"); n != 0 {
		t.Fatalf("%d send buffer limit errors logged", n)
	}
}
