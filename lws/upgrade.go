package lws

import (
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/coder/websocket"
)

// serveHTTP is the listener's handler: WebSocket upgrades become
// connections, everything else goes to the mounts.
func (vh *Vhost) serveHTTP(rw http.ResponseWriter, r *http.Request) {
	if !vh.ctx.enter() {
		http.Error(rw, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer vh.ctx.leave()
	if isUpgrade(r) {
		vh.serveWS(rw, r)
		return
	}
	vh.ctx.startTransaction(rw, r)
	vh.mountHandler.ServeHTTP(rw, r)
}

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

// serveWS takes a WebSocket upgrade through the filter and the handshake,
// then hands the connection to a reader goroutine of its own.
func (vh *Vhost) serveWS(rw http.ResponseWriter, r *http.Request) {
	offered := offeredProtocols(r)
	p := vh.chooseProtocol(offered)
	if p == nil {
		// lws answers nothing and drops the connection.
		Notice("No supported protocol \"%s\"", strings.Join(r.Header.Values("Sec-WebSocket-Protocol"), ", "))
		dropRequest(rw)
		return
	}
	nc, _ := r.Context().Value(netConnKey{}).(net.Conn)
	w := newWsi(vh, p, nc, peerIP(r.RemoteAddr))
	w.req = r
	proto := r.Header.Get("Sec-WebSocket-Protocol")
	accepted := false
	ok := vh.ctx.call(r.Context().Done(), func() {
		w.user = p.newSessionData()
		w.call(&vh.protocols[0], CallbackWSICreate, w.user, nil, 0)
		if w.call(p, CallbackFilterProtocolConnection, w.user, proto, len(proto)) != 0 {
			Warn("User code denied connection: protocol=%s, peer=%s", p.Name, w.peer)
			w.state = stateClosed
			w.call(&vh.protocols[0], CallbackWSIDestroy, w.user, nil, 0)
			return
		}
		accepted = true
	})
	if !ok || !accepted {
		dropRequest(rw)
		return
	}
	if !handshakeUsable(r) {
		// lws answers an upgrade it cannot complete with nothing.
		Notice("hs0405 has failed the connection")
		vh.ctx.post(func() { w.ended(nil) })
		dropRequest(rw)
		return
	}
	opts := &websocket.AcceptOptions{
		// lws does not police Origin; a port must not start refusing
		// browsers its C original served.
		InsecureSkipVerify: true,
		CompressionMode:    websocket.CompressionDisabled,
	}
	if len(offered) > 0 {
		opts.Subprotocols = []string{p.Name}
	}
	hj := &tapHijacker{ResponseWriter: rw}
	conn, err := websocket.Accept(hj, r, opts)
	if err != nil {
		// Accept has answered the request with an HTTP error.
		vh.ctx.post(func() { w.ended(err) })
		return
	}
	conn.SetReadLimit(-1) // messages are streamed in RxBufferSize chunks
	w.conn = conn
	w.nc, w.wire = hj.wire, hj.wire
	// net/http's aborted background read of the request does not count:
	// only failures of the WebSocket's reads do.
	w.wire.readFailed.Store(false)
	if !vh.ctx.post(w.establish) {
		_ = conn.CloseNow()
		return
	}
	// The connection is ours since the hijack: its reader runs on a fresh
	// goroutine and net/http's, whose stack grew deep serving the request,
	// ends. An idle connection then costs one small goroutine.
	if !vh.ctx.goBackground(w.readLoop) {
		_ = conn.CloseNow()
		vh.ctx.post(func() { w.ended(ErrDestroyed) })
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

// establish delivers ESTABLISHED on the service goroutine and, if the user
// accepts the connection, lets its reader start.
func (w *Wsi) establish() {
	if w.state != stateHandshake || w.ctx.destroyed {
		w.kill()
		w.release()
		return
	}
	w.state = stateEstablished
	w.vh.live[w] = struct{}{}
	if w.callUser(w.role(CallbackEstablished, CallbackClientEstablished), nil, 0) != 0 && !w.client {
		Notice("lws_process_ws_upgrade2: user ESTABLISHED failed connection")
	}
	w.req = nil
	w.release()
}

// dropRequest closes the connection without an HTTP response, as lws does
// when it refuses an upgrade.
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
