package exampletest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// Dial connects to url offering subprotocols, and fails t unless the
// server picks the first of them (or none, when none is offered). The
// connection reads messages of any size and is dropped when the test ends.
// opts, if not nil, supplies the rest of the dial options.
func Dial(t testing.TB, url string, opts *websocket.DialOptions, subprotocols ...string) *websocket.Conn {
	t.Helper()
	o := websocket.DialOptions{}
	if opts != nil {
		o = *opts
	}
	o.Subprotocols = subprotocols
	ctx, cancel := context.WithTimeout(context.Background(), WaitBound)
	defer cancel()
	c, resp, err := websocket.Dial(ctx, url, &o)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	want := ""
	if len(subprotocols) > 0 {
		want = subprotocols[0]
	}
	if got := resp.Header.Get("Sec-WebSocket-Protocol"); got != want {
		_ = c.CloseNow()
		t.Fatalf("subprotocol %q, want %q", got, want)
	}
	c.SetReadLimit(-1)
	t.Cleanup(func() { _ = c.CloseNow() })
	return c
}

// SmallBuffers returns dial options whose connection has the given kernel
// receive and send buffer sizes (0 leaves one as it is), so that a peer
// that stops reading backs up into the server soon. The HTTP client's idle
// connections are closed when the test ends.
func SmallBuffers(t testing.TB, rcvbuf, sndbuf int) *websocket.DialOptions {
	d := SmallBufferDialer(rcvbuf, sndbuf)
	hc := &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
	t.Cleanup(hc.CloseIdleConnections)
	return &websocket.DialOptions{HTTPClient: hc}
}

// SmallBufferDialer dials with the socket's receive and send buffers set
// before it connects (0 leaves one as the kernel has it), and a segment
// size of 1400 bytes, as on a real network: on loopback the kernel would
// otherwise let a connection that reads nothing soak up megabytes.
func SmallBufferDialer(rcvbuf, sndbuf int) *net.Dialer {
	return &net.Dialer{Control: func(_, _ string, rc syscall.RawConn) error {
		var serr error
		err := rc.Control(func(fd uintptr) {
			opts := []struct{ level, opt, size int }{
				{syscall.SOL_SOCKET, syscall.SO_RCVBUF, rcvbuf},
				{syscall.SOL_SOCKET, syscall.SO_SNDBUF, sndbuf},
				{syscall.IPPROTO_TCP, syscall.TCP_MAXSEG, 1400},
			}
			for _, o := range opts {
				if o.size == 0 {
					continue
				}
				if e := syscall.SetsockoptInt(int(fd), o.level, o.opt, o.size); e != nil {
					serr = e
				}
			}
		})
		if err != nil {
			return err
		}
		return serr
	}}
}

// Message is one message a Client read, and when it arrived.
type Message struct {
	Text string
	At   time.Time
}

// Client is a WebSocket connection whose messages, once StartReading was
// called, a goroutine reads and keeps in order.
type Client struct {
	Conn *websocket.Conn

	// Bound bounds each wait on the client; DialClient sets it to
	// WaitBound, a test whose messages come slower may raise it.
	Bound time.Duration

	mu     sync.Mutex
	msgs   []Message
	err    error     // why reading stopped
	endAt  time.Time // when it stopped
	notify chan struct{}
	done   chan struct{} // closed when the reader ends

	reading bool // StartReading was called; test goroutine only
}

// DialClient is Dial returning a Client; it drops the connection, and
// waits for its reader, when the test ends.
func DialClient(t testing.TB, url string, opts *websocket.DialOptions, subprotocols ...string) *Client {
	t.Helper()
	c := &Client{Conn: Dial(t, url, opts, subprotocols...), Bound: WaitBound, notify: make(chan struct{}, 1), done: make(chan struct{})}
	t.Cleanup(func() { c.Close(t) })
	return c
}

// StartReading starts the goroutine that keeps every message, and returns
// c.
func (c *Client) StartReading() *Client {
	c.reading = true
	go func() {
		defer close(c.done)
		for {
			_, data, err := c.Conn.Read(context.Background())
			now := time.Now()
			c.mu.Lock()
			if err != nil {
				c.err, c.endAt = err, now
			} else {
				c.msgs = append(c.msgs, Message{string(data), now})
			}
			c.mu.Unlock()
			Notify(c.notify)
			if err != nil {
				return
			}
		}
	}()
	return c
}

// Close drops the connection and waits for the reader, if it was started.
func (c *Client) Close(t testing.TB) {
	_ = c.Conn.CloseNow()
	if !c.reading {
		return
	}
	select {
	case <-c.done:
	case <-time.After(c.Bound):
		t.Errorf("client reader did not end")
	}
}

// Done is closed when the reader has ended.
func (c *Client) Done() <-chan struct{} { return c.done }

// Received returns a copy of the messages so far and the read error, if
// reading stopped.
func (c *Client) Received() ([]Message, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Message(nil), c.msgs...), c.err
}

// Texts returns the texts of the messages so far and the read error.
func (c *Client) Texts() ([]string, error) {
	msgs, err := c.Received()
	return Texts(msgs), err
}

// Texts returns the messages' texts.
func Texts(msgs []Message) []string {
	texts := make([]string, len(msgs))
	for i, m := range msgs {
		texts[i] = m.Text
	}
	return texts
}

// End returns when and why reading stopped; the error is nil while it
// goes on.
func (c *Client) End() (time.Time, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.endAt, c.err
}

// WaitFor blocks until cond holds on the messages so far and returns them.
// It fails t if reading stops first, or after c.Bound; what names the wait
// in the failure.
func (c *Client) WaitFor(t testing.TB, what string, cond func([]Message) bool) []Message {
	t.Helper()
	var msgs []Message
	var err error
	met := false
	if !Await(c.notify, c.Bound, func() bool {
		msgs, err = c.Received()
		met = cond(msgs)
		return met || err != nil
	}) {
		t.Fatalf("timed out waiting for %s; %d messages", what, len(msgs))
	}
	if !met {
		t.Fatalf("reading stopped before %s, after %d messages: %v", what, len(msgs), err)
	}
	return msgs
}

// WaitCount blocks until the client holds n messages and returns their
// texts.
func (c *Client) WaitCount(t testing.TB, n int) []string {
	t.Helper()
	msgs := c.WaitFor(t, fmt.Sprintf("%d messages", n), func(m []Message) bool { return len(m) >= n })
	return Texts(msgs)
}

// WaitEnd blocks until reading stops and returns what arrived and why it
// stopped.
func (c *Client) WaitEnd(t testing.TB) ([]Message, error) {
	t.Helper()
	select {
	case <-c.done:
	case <-time.After(c.Bound):
		t.Fatal("connection was not closed")
	}
	return c.Received()
}

// Send writes text as one text message.
func (c *Client) Send(t testing.TB, text string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), c.Bound)
	defer cancel()
	if err := c.Conn.Write(ctx, websocket.MessageText, []byte(text)); err != nil {
		t.Fatalf("write: %v", err)
	}
}
