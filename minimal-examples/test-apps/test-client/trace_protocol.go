package main

import (
	"encoding/binary"
	"fmt"
	"io"
	"sync"

	. "github.com/golws/golws/include-like"
)

// traceProtocolName is the local protocol every trace connection is bound
// to, whatever subprotocol it offers the server.
const traceProtocolName = "golws-trace"

// traceEvent is one thing a trace connection saw, handed from the service
// goroutine to the script's goroutine.
type traceEvent struct {
	kind string // established, rx, peer-close, closed, error
	data string // subprotocol, message, "code reason", error text
}

// traceConn is one connection of the script. The fields above mu's line
// are for the service goroutine only.
type traceConn struct {
	label   string
	tr      *tracer
	wsi     *Lws     // set by ClientConnect, cleared when it ends
	outbox  []string // messages waiting for WRITEABLE
	closing bool     // close once the outbox is empty
	rx      []byte   // fragments of the message being received

	events []traceEvent // guarded by tr.mu
	read   int          // events the script has taken; script only
}

// tracer runs the --trace script. Only Lws_cancel_service crosses from
// its goroutine to the service goroutine: the script queues a command and
// wakes the loop, which runs it on LWS_CALLBACK_EVENT_WAIT_CANCELLED, as
// threaded lws programs do.
type tracer struct {
	o       options
	out     io.Writer
	context *Lws_context

	mu      sync.Mutex
	cmds    []func()
	changed chan struct{} // a new event arrived (one token is enough)
	aborted chan struct{} // the run is over; stop waiting
	once    sync.Once
}

func newTracer(o options, out io.Writer) *tracer {
	return &tracer{o: o, out: out, changed: make(chan struct{}, 1), aborted: make(chan struct{})}
}

func (tr *tracer) protocol() Lws_protocols {
	return Lws_protocols{Name: traceProtocolName, Callback: tr.callback, RxBufferSize: 4096}
}

// abort ends every wait of the script; commands it queues from now on are
// never run.
func (tr *tracer) abort() { tr.once.Do(func() { close(tr.aborted) }) }

// do runs fn on the service goroutine, soon.
func (tr *tracer) do(fn func()) {
	tr.mu.Lock()
	tr.cmds = append(tr.cmds, fn)
	tr.mu.Unlock()
	Lws_cancel_service(tr.context)
}

func (tr *tracer) runCommands() {
	tr.mu.Lock()
	cmds := tr.cmds
	tr.cmds = nil
	tr.mu.Unlock()
	for _, fn := range cmds {
		fn()
	}
}

func (tc *traceConn) event(kind, data string) {
	tc.tr.mu.Lock()
	tc.events = append(tc.events, traceEvent{kind, data})
	tc.tr.mu.Unlock()
	select {
	case tc.tr.changed <- struct{}{}:
	default:
	}
}

func (tr *tracer) callback(wsi *Lws, reason Lws_callback_reasons, user, in any, len int) int {
	tc, _ := user.(*traceConn)

	switch reason {
	case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
		tr.runCommands()

	case LWS_CALLBACK_CLIENT_ESTABLISHED:
		tc.event("established", wsi.Subprotocol())

	case LWS_CALLBACK_CLIENT_RECEIVE:
		// A message may come in several chunks (lws-status sends its
		// JSON in fragments): the event is the whole message.
		tc.rx = append(tc.rx, in.([]byte)...)
		if Lws_is_final_fragment(wsi) != 0 {
			tc.event("rx", string(tc.rx))
			tc.rx = nil
		}

	case LWS_CALLBACK_CLIENT_WRITEABLE:
		return tc.writeable(wsi)

	case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
		tc.event("peer-close", closeText(in.([]byte)))

	case LWS_CALLBACK_CLIENT_CLOSED:
		tc.event("closed", "")

	case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
		tc.event("error", fmt.Sprint(in))
	}
	return 0
}

// writeable sends the next queued message, or closes with 1000 "bye"
// once the outbox is empty and the script asked for a close.
func (tc *traceConn) writeable(wsi *Lws) int {
	if len(tc.outbox) == 0 {
		if tc.closing {
			Lws_close_reason(wsi, LWS_CLOSE_STATUS_NORMAL, []byte("bye"), 3)
			return -1
		}
		return 0
	}
	msg := tc.outbox[0]
	tc.outbox = tc.outbox[1:]
	buf := append(make([]byte, LWS_PRE, LWS_PRE+len(msg)), msg...)
	if Lws_write(wsi, buf[LWS_PRE:], len(msg), LWS_WRITE_TEXT) < len(msg) {
		return -1
	}
	if len(tc.outbox) > 0 || tc.closing {
		Lws_callback_on_writable(wsi)
	}
	return 0
}

// closeText renders a close frame's payload as "code reason".
func closeText(p []byte) string {
	if len(p) < 2 {
		return "no status"
	}
	return fmt.Sprintf("%d %q", binary.BigEndian.Uint16(p), p[2:])
}
