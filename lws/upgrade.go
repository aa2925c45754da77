package lws

import (
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/coder/websocket"
)

func isUpgrade(r *http.Request) bool {
	return headerHasToken(r.Header, "Connection", "upgrade") &&
		headerHasToken(r.Header, "Upgrade", "websocket")
}

func headerHasToken(h http.Header, key, token string) bool {
	for _, v := range h.Values(key) {
		for _, t := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), token) {
				return true
			}
		}
	}
	return false
}

// offeredProtocols splits Sec-WebSocket-Protocol in the client's order.
func offeredProtocols(r *http.Request) []string {
	var out []string
	for _, v := range r.Header.Values("Sec-WebSocket-Protocol") {
		for _, t := range strings.Split(v, ",") {
			if t = strings.TrimSpace(t); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

// chooseProtocol applies lws's rule: the first protocol the client offers
// that the vhost has; protocol 0 when the client offers none; nil when
// every offered name is unknown.
func (vh *Vhost) chooseProtocol(offered []string) *Protocol {
	if len(offered) == 0 {
		return &vh.protocols[0]
	}
	for _, name := range offered {
		if p := vh.NameToProtocol(name); p != nil {
			return p
		}
	}
	return nil
}

// startUpgrade runs the callbacks lws runs on an upgrade request, on the
// service goroutine: HTTP_CONFIRM_UPGRADE on the protocol bound so far,
// the bind to the WebSocket protocol, FILTER_PROTOCOL_CONNECTION, then
// ADD_HEADERS for the 101. Any of them refusing closes the connection
// without an answer, as lws does: before the bind with nothing more than
// WSI_DESTROY, after it as a WebSocket (DROP_PROTOCOL, CLOSED).
func (w *Wsi) startUpgrade(r *http.Request) dispatch {
	w.setState(stateUpgrading)
	w.upgrading = true
	up := "websocket"
	if w.call(w.protocol, CallbackHTTPConfirmUpgrade, w.user, up, len(up)) != 0 {
		w.refuse()
		return dispatch{}
	}
	p := w.vh.chooseProtocol(offeredProtocols(r))
	if p == nil {
		Notice("No supported protocol \"%s\"", strings.Join(r.Header.Values("Sec-WebSocket-Protocol"), ", "))
		w.refuse()
		return dispatch{}
	}
	w.bindProtocol(p)
	w.ws = true
	proto := r.Header.Get("Sec-WebSocket-Protocol")
	if w.call(p, CallbackFilterProtocolConnection, w.user, proto, len(proto)) != 0 {
		Warn("User code denied connection: protocol=%s, peer=%s", p.Name, w.peer)
		w.refuse()
		return dispatch{}
	}
	if !handshakeUsable(r) {
		Notice("hs0405 has failed the connection")
		w.refuse()
		return dispatch{}
	}
	buf := make([]byte, Pre+RecommendedMinHeaderSpace)
	args := &ProcessHTMLArgs{Head: PtrTo(buf, Pre), End: PtrTo(buf, len(buf))}
	args.MaxLen = args.End.Diff(args.Head)
	if w.call(p, CallbackAddHeaders, w.user, args, 0) != 0 {
		w.refuse()
		return dispatch{}
	}
	return dispatch{route: routeUpgrade, head: args.Head.buf[Pre:args.Head.off]}
}

// upgrade completes the handshake on the request's goroutine, with the
// headers ADD_HEADERS added (extra), and hands the connection to a reader
// goroutine of its own.
func (w *Wsi) upgrade(rw http.ResponseWriter, r *http.Request, extra []byte) {
	addHeadLines(rw.Header(), extra)
	opts := &websocket.AcceptOptions{
		// lws does not police Origin; a port must not start refusing
		// browsers its C original served.
		InsecureSkipVerify: true,
		CompressionMode:    websocket.CompressionDisabled,
	}
	if len(offeredProtocols(r)) > 0 {
		opts.Subprotocols = []string{w.protocol.Name}
	}
	hj := &tapHijacker{ResponseWriter: rw}
	conn, err := websocket.Accept(hj, r, opts)
	if err != nil {
		// Accept answered the request with an HTTP error: it goes out,
		// then the connection closes.
		w.ctx.post(w.refuse)
		w.abort(rw)
		return
	}
	conn.SetReadLimit(-1) // messages are streamed in RxBufferSize chunks
	// net/http's aborted background read of the request does not count:
	// only failures of the WebSocket's reads do.
	hj.wire.readFailed.Store(false)
	if !w.ctx.post(func() { w.establish(conn, hj.wire) }) {
		_ = conn.CloseNow()
	}
	// The connection is ours since the hijack: its reader runs on a fresh
	// goroutine (establish starts it) and net/http's, whose stack grew
	// deep serving the request, ends. An idle connection then costs one
	// small goroutine.
}

// addHeadLines adds "name: value" lines, as ADD_HEADERS wrote them, to h.
func addHeadLines(h http.Header, lines []byte) {
	for _, l := range strings.Split(string(lines), "\r\n") {
		if name, value, ok := strings.Cut(l, ":"); ok {
			h.Add(strings.TrimSpace(name), strings.TrimSpace(value))
		}
	}
}

// handshakeUsable applies lws's checks of the WebSocket headers after the
// filter: the key must be there; a version other than 13 is logged and
// treated as 13, as lws does.
func handshakeUsable(r *http.Request) bool {
	if r.Header.Get("Sec-WebSocket-Key") == "" {
		return false
	}
	if v := r.Header.Get("Sec-WebSocket-Version"); v != "13" {
		n, _ := strconv.Atoi(v)
		Notice("Unknown client spec version %d", n)
		r.Header.Set("Sec-WebSocket-Version", "13")
	}
	return true
}

// establish delivers ESTABLISHED (CLIENT_ESTABLISHED) on the service
// goroutine once the handshake is done and, if the user accepts the
// connection, lets its reader start. wire is the WebSocket's connection.
func (w *Wsi) establish(conn *websocket.Conn, wire *wireConn) {
	w.conn, w.nc, w.wire = conn, wire, wire
	w.tx.kick = nil // frames now go to a WebSocket writer
	w.http = nil
	if (w.state != stateUpgrading && w.state != stateConnecting) || w.ctx.destroyed || !w.ctx.goBackground(w.readLoop) {
		// Closed meanwhile (a timeout), or the context is going: only
		// coder/websocket's own close frees its Conn.
		_ = conn.CloseNow()
		w.ended(ErrDestroyed)
		return
	}
	w.setState(stateEstablished)
	// A server wsi is the vhost's from its adoption on; a client one from
	// here: the all-protocol calls reach it and Destroy closes it.
	w.vh.live[w] = struct{}{}
	if w.callUser(w.role(CallbackEstablished, CallbackClientEstablished), nil, 0) != 0 && !w.client {
		Notice("lws_process_ws_upgrade2: user ESTABLISHED failed connection")
	}
	w.req = nil
	w.release()
}

// dropRequest closes the connection without an HTTP response, as lws does
// when it refuses a request.
func dropRequest(rw http.ResponseWriter) {
	if hj, ok := rw.(http.Hijacker); ok {
		if c, _, err := hj.Hijack(); err == nil {
			_ = c.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

func peerIP(remote string) string {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		return remote
	}
	return host
}
