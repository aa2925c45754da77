package lws

import (
	"errors"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// wireConn is a TCP connection as golws holds it, under net/http and
// coder/websocket. Its write side batches frames (cork.go): the writer
// corks it, lets coder/websocket write a batch of frames (each of which
// ends in a flush), and uncorks it, so a batch costs one system call
// instead of one per frame. This is what lets POLLOUT mean "room in the
// send buffer" rather than "the last frame reached the kernel" without
// paying a syscall per message. Its read side accounts for HTTP request
// headers (ahpool.go) and follows the WebSocket frames once the
// connection is one (frametap.go).
type wireConn struct {
	net.Conn

	// Write side: the cork.
	mu     sync.Mutex
	corked bool
	buf    []byte

	// wsi is the connection's, once adopted (net/http's goroutine for the
	// connection sets it before it serves any request).
	wsi *Wsi
	// ah is the request-header accounting of a server connection.
	ah ahState
	// content is the HTTP transaction's timeout (httptimeout.go).
	content contentTimeout
	// serving: a request of this connection reached our handler and its
	// transaction is not over; a write at any other time, before the
	// connection is hijacked, is net/http answering a request it could
	// not parse (see Write).
	serving atomic.Bool
	// answered: a response went out, so a read waiting with nothing of
	// the next request is the keep-alive idle wait.
	answered atomic.Bool
	// tap follows the frames read, once the connection is a WebSocket;
	// set before coder/websocket reads anything.
	tap *frameTap
	// readFailed records that a read of the socket failed (EOF included).
	// coder/websocket reports a connection lost inside a message as that
	// message's clean end; the reader checks this to tell the two apart.
	readFailed atomic.Bool
}

func (c *wireConn) Read(p []byte) (n int, err error) {
	if c.tap != nil {
		n, err = c.tap.read(c.Conn, p)
	} else {
		n, err = c.Conn.Read(p)
		if n > 0 {
			c.content.progress()
			if c.ah.reading {
				if aerr := c.ah.took(p[:n]); aerr != nil {
					n, err = 0, aerr
				}
			}
		}
	}
	if err != nil {
		c.readFailed.Store(true)
		if c.tap == nil && c.ah.pool != nil && !c.serving.Load() && errors.Is(err, os.ErrDeadlineExceeded) {
			c.headTimedOut()
		}
	}
	return n, err
}

// SetReadDeadline is net.Conn's, remembered for a read that waits for a
// header slot.
func (c *wireConn) SetReadDeadline(t time.Time) error {
	c.ah.deadline.Store(unixNanoOrZero(t))
	return c.Conn.SetReadDeadline(t)
}

// SetDeadline is net.Conn's, remembered like SetReadDeadline.
func (c *wireConn) SetDeadline(t time.Time) error {
	c.ah.deadline.Store(unixNanoOrZero(t))
	return c.Conn.SetDeadline(t)
}

func unixNanoOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// wireListener hands the HTTP server wireConns that account for their
// request headers in pool.
type wireListener struct {
	net.Listener
	pool *ahPool
}

// Accept waits for the next connection. Out of file descriptors, it
// pauses accepting for acceptPause and tries again, as lws does, rather
// than hand net/http an error it would back off on for up to a second.
func (l wireListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err == nil {
			wc := &wireConn{Conn: c}
			wc.ah.pool = l.pool
			wc.ah.next()
			return wc, nil
		}
		var errno syscall.Errno
		if !errors.As(err, &errno) || (errno != syscall.EMFILE && errno != syscall.ENFILE) {
			return nil, err
		}
		Err("accept: errno %d", int(errno))
		t := time.NewTimer(acceptPause)
		select {
		case <-t.C:
		case <-l.pool.dying:
			t.Stop()
			return nil, err
		}
	}
}

// acceptPause is how long lws stops accepting when it ran out of file
// descriptors.
const acceptPause = 100 * time.Millisecond
