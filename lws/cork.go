package lws

import (
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// corkMax bounds what a corked connection holds before it writes anyway.
const corkMax = 64 << 10

// corkConn is a TCP connection whose writes can be held back and sent
// together: the writer corks it, lets coder/websocket write a batch of
// frames (each of which ends in a flush), and uncorks it, so a batch costs
// one system call instead of one per frame. This is what lets POLLOUT mean
// "room in the send buffer" rather than "the last frame reached the
// kernel" without paying a syscall per message.
type corkConn struct {
	net.Conn
	mu     sync.Mutex
	corked bool
	buf    []byte
	// readFailed records that a read of the socket failed (EOF included).
	// coder/websocket reports a connection lost inside a message as that
	// message's clean end; the reader checks this to tell the two apart.
	readFailed atomic.Bool
}

func (c *corkConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if err != nil {
		c.readFailed.Store(true)
	}
	return n, err
}

func (c *corkConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.corked && len(c.buf)+len(p) <= corkMax {
		c.buf = append(c.buf, p...)
		return len(p), nil
	}
	if err := c.flushLocked(); err != nil {
		return 0, err
	}
	return c.Conn.Write(p)
}

func (c *corkConn) cork() {
	c.mu.Lock()
	c.corked = true
	c.mu.Unlock()
}

// uncork sends what the cork held, in one write.
func (c *corkConn) uncork() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.corked = false
	return c.flushLocked()
}

func (c *corkConn) flushLocked() error {
	if len(c.buf) == 0 {
		return nil
	}
	_, err := c.Conn.Write(c.buf)
	if cap(c.buf) > 4<<10 {
		c.buf = nil // a burst's buffer is not kept by an idle connection
	} else {
		c.buf = c.buf[:0]
	}
	return err
}

// Close sends what the cork holds before closing, so that a close frame
// coder/websocket wrote while the writer had the connection corked (its
// answer to the peer's close) is not lost. It never waits for a writer in
// the middle of a flush, and gives a stalled peer closeFlushTimeout: a
// hard close stays prompt.
func (c *corkConn) Close() error {
	if c.mu.TryLock() {
		if len(c.buf) > 0 {
			_ = c.Conn.SetWriteDeadline(time.Now().Add(closeFlushTimeout))
			_ = c.flushLocked()
		}
		c.corked = false
		c.mu.Unlock()
	}
	return c.Conn.Close()
}

// closeFlushTimeout bounds Close's last flush.
const closeFlushTimeout = 100 * time.Millisecond

// corkListener hands the HTTP server corkable connections.
type corkListener struct{ net.Listener }

func (l corkListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &corkConn{Conn: c}, nil
}
