package lws

import (
	"net"
	"net/http"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws/service"
)

// Wsi is one connection (struct lws). Its methods are for the service
// goroutine.
type Wsi struct {
	ctx      *Context
	vh       *Vhost
	protocol *Protocol
	user     any
	state    wsiState // changed only by setState (state.go)
	client   bool     // made by ClientConnect: client reasons, masked frames
	ws       bool     // bound to a WebSocket protocol: it closes as a WebSocket
	// upgrading: the connection asked to upgrade; if it never got as far
	// as the bind, its close has no callbacks but WSI_DESTROY.
	upgrading bool
	pwsi      **Wsi // ClientConnectInfo.Pwsi, cleared when the wsi ends
	// bound: HTTP_BIND_PROTOCOL was delivered and HTTP_DROP_PROTOCOL not
	// yet (lws's protocol_bind_balance). A server connection starts on
	// protocol 0 unbound.
	bound bool

	conn *websocket.Conn // the WebSocket, once upgraded or connected
	nc   net.Conn        // the TCP connection, for hard closes
	wire *wireConn       // nc, when it is ours: corked writes, header accounting, the frame tap
	peer string          // the peer's IP address

	// req is the request while lws would still have its header table:
	// during an HTTP transaction, and during an upgrade until ESTABLISHED
	// returns. Dropping it then keeps an idle connection small, as lws
	// drops its headers.
	req *http.Request
	// http is the HTTP side of a server connection (httpserve.go).
	http *httpConn

	// Receive side; service goroutine only, except rxGate.
	rxGate   chan struct{} // one token lets the reader deliver one more chunk
	rxPaused bool          // rx flow control is off (RxFlowControl(0))
	rxHeld   bool          // the reader is waiting for a token
	rxFirst  bool          // the chunk being delivered starts a message
	rxFinal  bool          // ... and ends it
	rxBinary bool
	rxLeft   int // bytes of the chunk's frame still to come

	// Writeable emulation; service goroutine only.
	writeRequested     bool
	writeableScheduled bool
	inWriteable        bool // WRITEABLE is running: its writes are never refused
	// kickHeld: an HTTP WRITEABLE queued bytes without waking the
	// carrier, since the producer may go on; producerPaused wakes it.
	kickHeld bool
	// The loop's posts for this wsi, made once: a method value posted per
	// message would allocate per message.
	writeableFn, txDrainedFn func()

	tx txQueue // shared with the writer goroutine

	closeStatus CloseStatus
	closeReason []byte
	toldDrop    bool // DROP_PROTOCOL delivered

	timeout       service.Timer
	timeoutReason PendingTimeout
	timer         service.Timer // SetTimerUsecs
}

// newWsi makes a connection's wsi on protocol p of vh, in state st.
func newWsi(vh *Vhost, p *Protocol, nc net.Conn, peer string, st wsiState) *Wsi {
	w := &Wsi{ctx: vh.ctx, vh: vh, protocol: p, nc: nc, peer: peer,
		state: st, rxGate: make(chan struct{}, 1)}
	w.wire, _ = nc.(*wireConn)
	w.writeableFn = w.serviceWriteable
	w.txDrainedFn = w.txDrained
	return w
}

// Context returns the wsi's context (lws_get_context).
func (w *Wsi) Context() *Context { return w.ctx }

// Vhost returns the wsi's vhost (lws_get_vhost).
func (w *Wsi) Vhost() *Vhost { return w.vh }

// Protocol returns the protocol the wsi is bound to (lws_get_protocol).
func (w *Wsi) Protocol() *Protocol { return w.protocol }

// User returns the wsi's per-session data (lws_wsi_user).
func (w *Wsi) User() any { return w.user }

// PeerSimple returns the peer's IP address as text (lws_get_peer_simple);
// "" for a wsi without a connection.
func (w *Wsi) PeerSimple() string { return w.peer }

// Subprotocol returns the name of the protocol the connection agreed on,
// "" if the client offered none.
func (w *Wsi) Subprotocol() string {
	if w.conn == nil {
		return ""
	}
	return w.conn.Subprotocol()
}

// Header returns the request header name (lws_hdr_copy, by name rather
// than by token index). Like lws, golws keeps the request only while lws
// keeps its header table: during an HTTP transaction, and during an
// upgrade until ESTABLISHED returns; elsewhere it returns "".
func (w *Wsi) Header(name string) string {
	if w.req == nil {
		return ""
	}
	return w.req.Header.Get(name)
}

// URI returns the request path, when Header would have the headers.
func (w *Wsi) URI() string {
	if w.req == nil {
		return ""
	}
	return w.req.URL.Path
}

// URLArg returns the value of the query argument name ("mirror" or
// "mirror=", as lws accepts both), decoded as lws decodes arguments
// (lws_get_urlarg_by_name_safe, see URLArgByName). ok is false when it is
// absent or the request is gone (see Header).
func (w *Wsi) URLArg(name string) (value string, ok bool) { return w.urlArg(name) }

// IsFirstFragment reports whether the chunk CallbackReceive is delivering
// starts a message (lws_is_first_fragment).
func (w *Wsi) IsFirstFragment() bool { return w.rxFirst }

// IsFinalFragment reports whether the chunk CallbackReceive is delivering
// ends its message (lws_is_final_fragment).
func (w *Wsi) IsFinalFragment() bool { return w.rxFinal }

// FrameIsBinary reports whether the message being received is binary
// (lws_frame_is_binary).
func (w *Wsi) FrameIsBinary() bool { return w.rxBinary }

// RemainingPacketPayload returns how many bytes of the current frame are
// still to come after the chunk CallbackReceive is delivering
// (lws_remaining_packet_payload): 0 when the chunk ends its frame.
func (w *Wsi) RemainingPacketPayload() int { return w.rxLeft }

// role picks the server or the client flavour of a reason: lws has a pair
// for each (RECEIVE / CLIENT_RECEIVE ...).
func (w *Wsi) role(server, client CallbackReason) CallbackReason {
	if w.client {
		return client
	}
	return server
}

func (w *Wsi) assertOnLoop(what string) { w.ctx.loop.AssertOnLoop(what) }
