package lws

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/coder/websocket"
)

// ClientConnectInfo says where and how to connect
// (struct lws_client_connect_info).
type ClientConnectInfo struct {
	Context *Context
	// Address and Port of the server.
	Address string
	Port    int
	// SSLConnection must be 0: golws's client speaks plain ws://.
	SSLConnection int
	// Path is the request path, "/" when empty.
	Path string
	// Host and Origin are sent as those headers when not empty.
	Host   string
	Origin string
	// Protocol is the Sec-WebSocket-Protocol offered, a name or a comma
	// list.
	Protocol string
	// LocalProtocolName names the vhost protocol that handles the
	// connection; empty means the one named like Protocol, else
	// protocol 0.
	LocalProtocolName string
	// Userdata, if not nil, is the connection's user value instead of a
	// fresh Protocol.PerSessionData.
	Userdata any
	// Vhost to bind to; nil means the context's.
	Vhost *Vhost
	// Pwsi, if not nil, receives the wsi at once and is set to nil
	// again if the connection fails or closes, as in C.
	Pwsi **Wsi
}

// clientConnectTimeout bounds the TCP connect and the handshake together.
const clientConnectTimeout = 20 * time.Second

// ClientConnect starts a WebSocket client connection and returns its wsi
// at once (lws_client_connect_via_info). The outcome arrives on the
// protocol: CallbackClientEstablished, or CallbackClientConnectionError
// with the error text in in. Service goroutine only. It returns nil, after
// an ERR line, when info cannot work at all.
func ClientConnect(info *ClientConnectInfo) *Wsi {
	if info == nil || info.Context == nil {
		Err("lws_client_connect_via_info: no context")
		return nil
	}
	c := info.Context
	c.loop.AssertOnLoop("lws_client_connect_via_info")
	if info.SSLConnection != 0 {
		Err("lws_client_connect_via_info: TLS client connections are not supported")
		return nil
	}
	vh := info.Vhost
	if vh == nil {
		vh = c.vhost
	}
	p := clientProtocol(vh, info)
	w := newWsi(vh, p, nil, info.Address, stateConnecting)
	w.client, w.ws, w.pwsi = true, true, info.Pwsi
	w.user = info.Userdata
	if w.user == nil {
		w.user = p.newSessionData()
	}
	if info.Pwsi != nil {
		*info.Pwsi = w
	}
	w.call(&vh.protocols[0], CallbackWSICreate, w.user, nil, 0)
	vh.connecting++
	u := "ws://" + net.JoinHostPort(info.Address, strconv.Itoa(info.Port)) + pathOrRoot(info.Path)
	opts := &websocket.DialOptions{Host: info.Host, HTTPHeader: http.Header{}}
	if info.Origin != "" {
		opts.HTTPHeader.Set("Origin", info.Origin)
	}
	for _, s := range strings.Split(info.Protocol, ",") {
		if s = strings.TrimSpace(s); s != "" {
			opts.Subprotocols = append(opts.Subprotocols, s)
		}
	}
	if !c.goBackground(func() { w.dial(u, opts) }) {
		vh.connecting--
		w.connectionError("context is being destroyed")
		return nil
	}
	return w
}

func clientProtocol(vh *Vhost, info *ClientConnectInfo) *Protocol {
	name := info.LocalProtocolName
	if name == "" {
		name = strings.TrimSpace(strings.Split(info.Protocol, ",")[0])
	}
	if p := vh.NameToProtocol(name); p != nil {
		return p
	}
	return &vh.protocols[0]
}

func pathOrRoot(p string) string {
	if p == "" {
		return "/"
	}
	if !strings.HasPrefix(p, "/") {
		return "/" + p
	}
	return p
}

// dial is the client connection's goroutine: it connects and hands
// the WebSocket to the wsi, whose reader goroutine takes it from there.
func (w *Wsi) dial(u string, opts *websocket.DialOptions) {
	var nc net.Conn
	dialer := &net.Dialer{}
	tr := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			nc = &wireConn{Conn: c, tap: newFrameTap(true)}
			return nc, nil
		},
	}
	defer tr.CloseIdleConnections()
	opts.HTTPClient = &http.Client{Transport: tr}
	ctx, cancel := context.WithTimeout(context.Background(), clientConnectTimeout)
	go func() {
		select {
		case <-w.ctx.dying:
			cancel()
		case <-ctx.Done():
		}
	}()
	conn, resp, err := websocket.Dial(ctx, u, opts)
	cancel()
	if resp != nil && resp.Body != nil {
		resp.Body.Close()
	}
	if err != nil {
		msg := err.Error()
		w.ctx.post(func() { w.vh.connecting--; w.connectionError(msg) })
		return
	}
	conn.SetReadLimit(-1)
	wire, _ := nc.(*wireConn)
	if !w.ctx.post(func() { w.vh.connecting--; w.establish(conn, wire) }) {
		_ = conn.CloseNow()
	}
}

// connectionError ends a client wsi that never got established: lws
// reports CLIENT_CONNECTION_ERROR instead of CLOSED.
func (w *Wsi) connectionError(msg string) {
	if w.state != stateConnecting {
		return
	}
	w.setState(stateClosed)
	w.call(w.protocol, CallbackClientConnectionError, w.user, msg, len(msg))
	w.clearPwsi()
	w.call(w.protocol, CallbackWSIDestroy, w.user, nil, 0)
}

func (w *Wsi) clearPwsi() {
	if w.pwsi != nil && *w.pwsi == w {
		*w.pwsi = nil
	}
}
