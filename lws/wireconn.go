package lws

import (
	"net"
	"sync"
	"sync/atomic"
)

// wireConn is a TCP connection as golws holds it, under net/http and
// coder/websocket. Its write side batches frames (cork.go): the writer
// corks it, lets coder/websocket write a batch of frames (each of which
// ends in a flush), and uncorks it, so a batch costs one system call
// instead of one per frame. This is what lets POLLOUT mean "room in the
// send buffer" rather than "the last frame reached the kernel" without
// paying a syscall per message. Its read side follows the WebSocket frames
// once the connection is one (frametap.go).
type wireConn struct {
	net.Conn

	// Write side: the cork.
	mu     sync.Mutex
	corked bool
	buf    []byte

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
	}
	if err != nil {
		c.readFailed.Store(true)
	}
	return n, err
}

// wireListener hands the HTTP server wireConns.
type wireListener struct{ net.Listener }

func (l wireListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &wireConn{Conn: c}, nil
}
