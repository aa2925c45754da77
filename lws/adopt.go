package lws

import "net"

// A server connection becomes a wsi when net/http accepts it, as lws
// adopts an accepted socket: FILTER_NETWORK_CONNECTION may refuse it, then
// WSI_CREATE and SERVER_NEW_CLIENT_INSTANTIATED (all on protocol 0), and
// the wsi waits for a request in stateHTTPIdle. It lives as long as the
// connection: over every HTTP transaction it carries, and on as a
// WebSocket if it upgrades.

// adopt makes the wsi of a connection net/http accepted. It runs on
// net/http's goroutine for the connection and waits for the service
// goroutine; it returns nil, the connection closed, if the context is
// going away or the filter refused it.
func (vh *Vhost) adopt(wc *wireConn) *Wsi {
	var w *Wsi
	vh.ctx.call(nil, func() {
		p0 := &vh.protocols[0]
		// lws asks the listening socket's wsi, which has no session data.
		if vh.standIns[0].call(p0, CallbackFilterNetworkConnection, nil, net.Conn(wc), 0) != 0 {
			return
		}
		w = newWsi(vh, p0, wc, peerIP(wc.RemoteAddr().String()), stateHTTPIdle)
		w.http = &httpConn{kick: make(chan struct{}, 1)}
		w.tx.kick = w.http.kick
		vh.live[w] = struct{}{}
		w.call(p0, CallbackWSICreate, nil, nil, 0)
		w.call(p0, CallbackServerNewClientInstantiated, nil, nil, 0)
	})
	if w == nil {
		_ = wc.Close()
	}
	return w
}
