package reliability

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// wsClient is a coder/websocket connection whose reader goroutine records
// every message and how the connection ended.
type wsClient struct {
	conn *websocket.Conn
	mu   sync.Mutex
	msgs []string
	end  error
	done chan struct{}
	got  chan struct{}
}

func dialWS(t testing.TB, url string, protocols ...string) *wsClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	conn, resp, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: protocols})
	if err != nil {
		t.Fatalf("dial %s %v: %v", url, protocols, err)
	}
	if resp != nil && resp.Body != nil {
		resp.Body.Close()
	}
	conn.SetReadLimit(-1)
	c := &wsClient{conn: conn, done: make(chan struct{}), got: make(chan struct{}, 1)}
	go c.read()
	t.Cleanup(func() {
		conn.CloseNow()
		select {
		case <-c.done:
		case <-time.After(waitBound):
			t.Errorf("client reader did not end")
		}
	})
	return c
}

func (c *wsClient) read() {
	defer close(c.done)
	for {
		_, b, err := c.conn.Read(context.Background())
		c.mu.Lock()
		if err != nil {
			c.end = err
			c.mu.Unlock()
			return
		}
		c.msgs = append(c.msgs, string(b))
		c.mu.Unlock()
		select {
		case c.got <- struct{}{}:
		default:
		}
	}
}

// messages returns what has arrived so far.
func (c *wsClient) messages() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.msgs...)
}

// waitMsgs blocks until n messages have arrived and returns them.
func (c *wsClient) waitMsgs(t testing.TB, n int) []string {
	t.Helper()
	deadline := time.NewTimer(waitBound)
	defer deadline.Stop()
	for {
		c.mu.Lock()
		have := append([]string(nil), c.msgs...)
		c.mu.Unlock()
		if len(have) >= n {
			return have
		}
		select {
		case <-c.got:
		case <-c.done:
			c.mu.Lock()
			defer c.mu.Unlock()
			t.Fatalf("connection ended after %d of %d messages (%q): %v", len(c.msgs), n, c.msgs, c.end)
		case <-deadline.C:
			t.Fatalf("timed out waiting for %d messages, have %q", n, have)
		}
	}
}

// ended reports whether the connection has ended, without waiting.
func (c *wsClient) ended() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// waitEnd blocks until the connection has ended and returns why.
func (c *wsClient) waitEnd(t testing.TB) error {
	t.Helper()
	select {
	case <-c.done:
	case <-time.After(waitBound):
		t.Fatalf("connection did not end")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.end
}

// closePolitely runs the close handshake (close frame 1000, wait for the
// server's).
func (c *wsClient) closePolitely(t testing.TB) {
	t.Helper()
	if err := c.conn.Close(websocket.StatusNormalClosure, ""); err != nil {
		t.Fatalf("close handshake: %v", err)
	}
}

// closeRudely closes the TCP connection with no close frame.
func (c *wsClient) closeRudely() { c.conn.CloseNow() }
