package lws

import (
	"bytes"
	"net"
	"time"
)

// refuseUnparsed drops the connection net/http wanted to answer with
// answer, logging it as lws logs its parser's refusals.
func (c *wireConn) refuseUnparsed(answer []byte) {
	status, _, _ := bytes.Cut(answer, []byte("\r\n"))
	Info("lws_parse failed (%s): %s", bytes.TrimPrefix(status, []byte("HTTP/1.1 ")), c.RemoteAddr())
	_ = c.Conn.Close()
}

// corkMax bounds what a corked connection holds before it writes anyway.
const corkMax = 64 << 10

// Write sends p, or holds it while the connection is corked. net/http's
// own answer to a request it could not parse (400, 431, 505 ...) is not
// sent: lws answers a request it cannot parse with nothing, and closes.
func (c *wireConn) Write(p []byte) (int, error) {
	if c.ah.pool != nil && c.tap == nil && !c.serving.Load() {
		c.refuseUnparsed(p)
		return 0, net.ErrClosed
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.corked && len(c.buf)+len(p) <= corkMax {
		c.buf = append(c.buf, p...)
		return len(p), nil
	}
	if err := c.flushLocked(); err != nil {
		return 0, err
	}
	n, err := c.Conn.Write(p)
	if n > 0 {
		c.content.progress()
	}
	return n, err
}

func (c *wireConn) cork() {
	c.mu.Lock()
	c.corked = true
	c.mu.Unlock()
}

// uncork sends what the cork held, in one write.
func (c *wireConn) uncork() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.corked = false
	return c.flushLocked()
}

func (c *wireConn) flushLocked() error {
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
func (c *wireConn) Close() error {
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
