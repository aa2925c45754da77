package httpexample

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// Conn is a client connection that sends requests as raw bytes and reads
// the responses as they come, so a test sees exactly what the server put
// on the wire: one response or two, a kept connection or a close.
type Conn struct {
	t  testing.TB
	nc net.Conn
	br *bufio.Reader
}

// Dial connects to host (127.0.0.1:port); the connection is closed when
// the test ends.
func Dial(t testing.TB, host string) *Conn {
	t.Helper()
	nc, err := net.DialTimeout("tcp", host, exampletest.WaitBound)
	if err != nil {
		t.Fatalf("dial %s: %v", host, err)
	}
	t.Cleanup(func() { _ = nc.Close() })
	return &Conn{t: t, nc: nc, br: bufio.NewReader(nc)}
}

// Send writes raw, a request or a part of one.
func (c *Conn) Send(raw string) {
	c.t.Helper()
	if _, err := io.WriteString(c.nc, raw); err != nil {
		c.t.Fatalf("send: %v", err)
	}
}

// SendUntilClosed writes raw, a request the server may refuse before it
// has read all of it: a write that fails because the server closed the
// connection is not an error here.
func (c *Conn) SendUntilClosed(raw string) {
	_ = c.nc.SetWriteDeadline(time.Now().Add(exampletest.WaitBound))
	_, _ = io.WriteString(c.nc, raw)
}

// Response reads the next response, body included, to a request made
// with method. A body without a length is read to the end of the
// connection, as HTTP/1.1 delimits it.
func (c *Conn) Response(method string) (*http.Response, []byte) {
	c.t.Helper()
	_ = c.nc.SetReadDeadline(time.Now().Add(exampletest.WaitBound))
	resp, err := http.ReadResponse(c.br, &http.Request{Method: method})
	if err != nil {
		c.t.Fatalf("reading a response: %v", err)
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		c.t.Fatalf("reading a response body: %v", err)
	}
	return resp, body
}

// Header reads the next response's head only, leaving its body on the
// connection for Read (a stream that does not end).
func (c *Conn) Header(method string) *http.Response {
	c.t.Helper()
	_ = c.nc.SetReadDeadline(time.Now().Add(exampletest.WaitBound))
	resp, err := http.ReadResponse(c.br, &http.Request{Method: method})
	if err != nil {
		c.t.Fatalf("reading a response head: %v", err)
	}
	return resp
}

// ReadFull reads exactly n bytes within bound and returns them.
func (c *Conn) ReadFull(n int, bound time.Duration) []byte {
	c.t.Helper()
	_ = c.nc.SetReadDeadline(time.Now().Add(bound))
	b := make([]byte, n)
	if got, err := io.ReadFull(c.br, b); err != nil {
		c.t.Fatalf("read %d of %d bytes within %v: %v (%q)", got, n, bound, err, b[:got])
	}
	return b
}

// Closed fails the test unless the server closes the connection without
// sending anything more.
func (c *Conn) Closed() {
	c.t.Helper()
	_ = c.nc.SetReadDeadline(time.Now().Add(exampletest.WaitBound))
	rest, err := io.ReadAll(c.br)
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		c.t.Fatalf("the connection is still open (after %q)", rest)
	case len(rest) > 0:
		c.t.Fatalf("%d more bytes before the close: %.200q", len(rest), rest)
	}
}

// Close closes the client side.
func (c *Conn) Close() { _ = c.nc.Close() }

// Get is the raw bytes of a GET of path with the given extra header
// lines ("DNT: 1").
func Get(path string, header ...string) string {
	var b bytes.Buffer
	b.WriteString("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n")
	for _, h := range header {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	return b.String()
}

// Post is the raw bytes of a POST of body to path as contentType.
func Post(path, contentType, body string) string {
	return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType +
		"\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
}
