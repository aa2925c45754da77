package lws

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
)

// tapHijacker is the ResponseWriter coder/websocket accepts an upgrade
// on: its Hijack puts a frameTap on the connection before coder/websocket
// reads from it. The bytes net/http had already read past the request
// (a client that did not wait for the 101) are handed to the tap, so that
// every byte of the WebSocket passes through it exactly once.
type tapHijacker struct {
	http.ResponseWriter
	wire *wireConn // the tapped connection, once Hijack ran
}

func (h *tapHijacker) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := h.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("lws: the connection cannot be taken over")
	}
	nc, brw, err := hj.Hijack()
	if err != nil {
		return nil, nil, err
	}
	wc, ok := nc.(*wireConn)
	if !ok {
		wc = &wireConn{Conn: nc}
	}
	t := newFrameTap(false)
	if n := brw.Reader.Buffered(); n > 0 {
		t.unread = make([]byte, n)
		_, _ = io.ReadFull(brw.Reader, t.unread) // buffered: cannot fail
	}
	wc.tap = t
	h.wire = wc
	return wc, brw, nil
}
