package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/coder/websocket"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// wsMsg is one message a test sends, in one frame or in the fragments
// frags gives the sizes of.
type wsMsg struct {
	typ   websocket.MessageType
	data  []byte
	frags []int
}

func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// send writes m, as fragments when it has them.
func send(ctx context.Context, c *websocket.Conn, m wsMsg) error {
	if m.frags == nil {
		return c.Write(ctx, m.typ, m.data)
	}
	w, err := c.Writer(ctx, m.typ)
	if err != nil {
		return err
	}
	rest := m.data
	for _, n := range m.frags {
		if _, err := w.Write(rest[:n]); err != nil {
			return err
		}
		rest = rest[n:]
	}
	return w.Close()
}

// echoMessages are sized around the 1024-byte receive chunk, the text
// ones with multi-byte characters that chunks cut in two.
func echoMessages() []wsMsg {
	uni := []byte(strings.Repeat("ünïcødé ✓ ", 700))
	return []wsMsg{
		{typ: websocket.MessageText, data: []byte("hello")},
		{typ: websocket.MessageText, data: []byte{}},
		{typ: websocket.MessageBinary, data: []byte{0}},
		{typ: websocket.MessageText, data: uni},
		{typ: websocket.MessageBinary, data: randomBytes(1023, 1)},
		{typ: websocket.MessageBinary, data: randomBytes(1024, 2)},
		{typ: websocket.MessageBinary, data: randomBytes(1025, 3)},
		{typ: websocket.MessageBinary, data: randomBytes(300<<10, 4)},
		{typ: websocket.MessageText, data: uni, frags: []int{1, 7, 1500, len(uni) - 1508}},
		{typ: websocket.MessageBinary, data: randomBytes(8073, 5), frags: []int{1, 1023, 1024, 1025, 5000}},
		{typ: websocket.MessageText, data: bytes.Repeat([]byte("0123456789abcdef"), 1<<16)},
	}
}

func TestEchoesMessagesIdentically(t *testing.T) {
	s := exampletest.Serve(t, run, "-d", "3")
	for name, subprotocols := range map[string][]string{
		"lws-minimal-server-echo": {"lws-minimal-server-echo"},
		"no subprotocol":          nil,
	} {
		t.Run(name, func(t *testing.T) {
			c := dial(t, s, subprotocols...)
			msgs := echoMessages()
			ctx, cancel := context.WithTimeout(context.Background(), exampletest.WaitBound)
			defer cancel()

			// Send while reading: the echo streams back as it comes.
			sent := make(chan error, 1)
			go func() {
				for _, m := range msgs {
					if err := send(ctx, c, m); err != nil {
						sent <- err
						return
					}
				}
				sent <- nil
			}()
			for i, m := range msgs {
				typ, data, err := c.Read(ctx)
				if err != nil {
					t.Fatalf("message %d: %v", i, err)
				}
				if typ != m.typ || !bytes.Equal(data, m.data) {
					t.Fatalf("message %d: got %v of %d bytes, sent %v of %d", i, typ, len(data), m.typ, len(m.data))
				}
			}
			if err := <-sent; err != nil {
				t.Fatalf("send: %v", err)
			}
			if err := c.Close(websocket.StatusNormalClosure, ""); err != nil {
				t.Fatalf("close: %v", err)
			}
		})
	}
}
