package lws

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/golws/golws/lws/internal/logs"
	"github.com/golws/golws/lws/internal/mount"
)

// Vhost is a virtual host: a listener, its protocols, mounts and
// per-protocol private data (struct lws_vhost).
type Vhost struct {
	ctx       *Context
	name      string
	protocols []Protocol
	priv      []any // per-protocol private data, by protocol index
	pvo       *ProtocolVhostOptions
	options   uint64
	mounts    []*HTTPMount
	files     *mount.Handler // serves the file mounts, indexed as mounts
	headers   *ProtocolVhostOptions
	// errorDocument404 is ContextCreationInfo.ErrorDocument404.
	errorDocument404 string
	// maxBody is ContextCreationInfo.MaxHTTPBodySize, or lws's default.
	maxBody uint64

	ln     net.Listener
	server *http.Server
	port   int
	conns  connCount // net/http's connections, each with its goroutine

	// live holds the established connections; service goroutine only.
	live map[*Wsi]struct{}
	// connecting counts client wsis still dialing, which Destroy waits for
	// so that each gets its CLIENT_CONNECTION_ERROR.
	connecting int
	// protocolsInited records which protocols got PROTOCOL_INIT, so that
	// exactly those get PROTOCOL_DESTROY.
	protocolsInited []bool
	// standIns are the connectionless wsis vhost-wide callbacks get, one
	// per protocol, made once so that a broadcast allocates nothing.
	standIns []Wsi
}

func newVhost(c *Context, info *ContextCreationInfo) (*Vhost, error) {
	if len(info.Protocols) == 0 {
		return nil, errors.New("lws: no protocols")
	}
	vh := &Vhost{
		ctx:              c,
		name:             info.VhostName,
		protocols:        append([]Protocol(nil), info.Protocols...),
		pvo:              info.Pvo,
		options:          info.Options,
		headers:          info.Headers,
		errorDocument404: info.ErrorDocument404,
		maxBody:          cmp.Or(info.MaxHTTPBodySize, defaultMaxHTTPBodySize),
		live:             make(map[*Wsi]struct{}),
	}
	vh.priv = make([]any, len(vh.protocols))
	vh.protocolsInited = make([]bool, len(vh.protocols))
	vh.standIns = make([]Wsi, len(vh.protocols))
	for i := range vh.standIns {
		vh.standIns[i] = Wsi{ctx: c, vh: vh, protocol: &vh.protocols[i], state: stateNone}
	}
	if vh.name == "" {
		vh.name = "default"
	}
	for i := range vh.protocols {
		if vh.protocols[i].Callback == nil {
			return nil, fmt.Errorf("lws: protocol %d (%q) has no callback", i, vh.protocols[i].Name)
		}
	}
	for m := info.Mounts; m != nil; m = m.MountNext {
		vh.mounts = append(vh.mounts, m)
	}
	if err := vh.buildMounts(); err != nil {
		return nil, err
	}
	if info.Port == ContextPortNoListen {
		return vh, nil
	}
	host, err := resolveIface(info.Iface)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(info.Port)))
	if err != nil {
		return nil, fmt.Errorf("lws: vhost %s: %w", vh.name, err)
	}
	vh.ln = wireListener{ln, c.ah}
	vh.port = ln.Addr().(*net.TCPAddr).Port
	vh.server = &http.Server{
		Handler: http.HandlerFunc(vh.serveHTTP),
		// lws's timeouts for the phases net/http runs by itself: the
		// request headers (PENDING_TIMEOUT_HOLDING_AH) and the wait for
		// the next request (PENDING_TIMEOUT_HTTP_KEEPALIVE_IDLE). The
		// transaction's own is applied per request (httptimeout.go).
		ReadHeaderTimeout: secsOr(info.TimeoutSecsAhIdle, 10),
		IdleTimeout:       secsOr(info.KeepaliveTimeout, 5),
		// Only a backstop: the header accounting drops a connection
		// whose headers pass the limit before net/http sees them.
		MaxHeaderBytes: c.ah.data,
		ConnState:      vh.connState,
		ErrorLog:       netHTTPLog,
		ConnContext: func(ctx context.Context, nc net.Conn) context.Context {
			return context.WithValue(ctx, netConnKey{}, nc)
		},
	}
	return vh, nil
}

// netHTTPLog carries net/http's own complaints into lws's log, at WARN.
var netHTTPLog = log.New(logLineWriter(LogWarn), "", 0)

// logLineWriter logs each line written to it at its level.
type logLineWriter int

func (l logLineWriter) Write(p []byte) (int, error) {
	logs.Logf(int(l), "%s", strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}

// secsOr is secs seconds, or def seconds when secs is 0, lws's rule for
// its timeout fields.
func secsOr(secs, def int) time.Duration {
	if secs <= 0 {
		secs = def
	}
	return time.Duration(secs) * time.Second
}

// connState follows net/http's connections: it counts them for Destroy
// and marks the edges of each transaction for the header accounting and
// the content timeout.
func (vh *Vhost) connState(nc net.Conn, s http.ConnState) {
	vh.conns.track(nc, s)
	wc, ok := nc.(*wireConn)
	if !ok {
		return
	}
	switch s {
	case http.StateNew:
		wc.wsi = vh.adopt(wc)
	case http.StateActive:
		// The headers are parsed, even those that were read ahead with
		// the previous request, which the accounting did not see.
		wc.ah.reading = false
	case http.StateIdle:
		wc.content.stop()
		wc.answered.Store(true)
		wc.serving.Store(false)
		wc.ah.next()
	case http.StateHijacked:
		wc.content.stop()
		wc.ah.release()
	case http.StateClosed:
		wc.content.stop()
		wc.ah.release()
		if w := wc.wsi; w != nil {
			vh.ctx.post(func() { w.ended(nil) })
		}
	}
}

// netConnKey finds a request's TCP connection, so that a hard close (a
// pending timeout, context destroy) can cut it under coder/websocket.
type netConnKey struct{}

// resolveIface turns lws's iface (an interface name or an address) into a
// host to bind.
func resolveIface(iface string) (string, error) {
	if iface == "" || net.ParseIP(iface) != nil {
		return iface, nil
	}
	ifi, err := net.InterfaceByName(iface)
	if err != nil {
		return "", fmt.Errorf("lws: iface %q: %w", iface, err)
	}
	addrs, err := ifi.Addrs()
	if err != nil {
		return "", fmt.Errorf("lws: iface %q: %w", iface, err)
	}
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil {
			return ipn.IP.String(), nil
		}
	}
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok {
			return ipn.IP.String(), nil
		}
	}
	return "", fmt.Errorf("lws: iface %q has no address", iface)
}

func (vh *Vhost) serve() {
	if vh.ln == nil {
		return
	}
	vh.ctx.goBackground(func() { _ = vh.server.Serve(vh.ln) })
}

func (vh *Vhost) closeListener() {
	if vh.server != nil {
		_ = vh.server.Close()
	} else if vh.ln != nil {
		_ = vh.ln.Close()
	}
}

// Name returns the vhost's name (lws_get_vhost_name).
func (vh *Vhost) Name() string { return vh.name }

// Port returns the port the vhost listens on, the one the kernel chose when
// ContextCreationInfo.Port was 0 (lws_get_vhost_listen_port).
func (vh *Vhost) Port() int { return vh.port }

// Context returns the vhost's context (lws_get_context of a vhost).
func (vh *Vhost) Context() *Context { return vh.ctx }

// Protocols returns the vhost's protocol list; entries are the ones
// Wsi.Protocol returns, so they compare equal by pointer.
func (vh *Vhost) Protocols() []Protocol { return vh.protocols }

// Options returns the vhost's ContextCreationInfo.Options.
func (vh *Vhost) Options() uint64 { return vh.options }

// NameToProtocol returns the vhost's protocol called name, or nil
// (lws_vhost_name_to_protocol).
func (vh *Vhost) NameToProtocol(name string) *Protocol {
	for i := range vh.protocols {
		if vh.protocols[i].Name == name {
			return &vh.protocols[i]
		}
	}
	return nil
}

// protocolIndex finds prot by identity first and then by name, as lws
// does, so that a pointer into the user's own protocol array also works.
func (vh *Vhost) protocolIndex(prot *Protocol) int {
	if prot == nil {
		return -1
	}
	for i := range vh.protocols {
		if &vh.protocols[i] == prot {
			return i
		}
	}
	for i := range vh.protocols {
		if vh.protocols[i].Name == prot.Name {
			return i
		}
	}
	return -1
}

// pvoFor returns the option list the pvo gives protocol name.
func (vh *Vhost) pvoFor(name string) *ProtocolVhostOptions {
	if p := PvoSearch(vh.pvo, name); p != nil {
		return p.Options
	}
	return nil
}

// initProtocols delivers CallbackProtocolInit in protocol order; a failure
// undoes the ones that succeeded.
func (vh *Vhost) initProtocols() error {
	for i := range vh.protocols {
		p := &vh.protocols[i]
		w := vh.protocolWsi(p)
		if w.call(p, CallbackProtocolInit, nil, vh.pvoFor(p.Name), 0) != 0 {
			vh.destroyProtocols()
			return fmt.Errorf("lws: protocol %q failed PROTOCOL_INIT", p.Name)
		}
		vh.protocolsInited[i] = true
	}
	return nil
}

func (vh *Vhost) destroyProtocols() {
	for i := range vh.protocols {
		if !vh.protocolsInited[i] {
			continue
		}
		vh.protocolsInited[i] = false
		p := &vh.protocols[i]
		vh.protocolWsi(p).call(p, CallbackProtocolDestroy, nil, nil, 0)
	}
}

// protocolWsi is the stand-in wsi lws passes to vhost-wide callbacks: it
// knows its vhost and protocol and has no connection.
func (vh *Vhost) protocolWsi(p *Protocol) *Wsi {
	return &vh.standIns[vh.protocolIndex(p)]
}

// broadcast calls every protocol of the vhost with reason.
func (vh *Vhost) broadcast(reason CallbackReason, in any, n int) {
	for i := range vh.protocols {
		vh.standIns[i].call(&vh.protocols[i], reason, nil, in, n)
	}
}

func (vh *Vhost) liveCount() int { return len(vh.live) + vh.connecting }

// killAll closes every connection without a close frame, as lws does at
// context destroy.
func (vh *Vhost) killAll() {
	for w := range vh.live {
		w.kill()
	}
}
