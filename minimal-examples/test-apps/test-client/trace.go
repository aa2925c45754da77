package main

import (
	"fmt"
	"time"

	. "github.com/golws/golws/include-like"
)

// traceWait bounds every wait of the script for one event.
const traceWait = 5 * time.Second

// The --trace script drives the three test protocols of a server the way
// the test page would, one step after the other, and writes what it sees
// as "trace: " lines. Only the order of the script orders the lines, so
// two servers behaving alike print the same lines, but for the times and
// peer addresses inside lws-status's JSON. Each step waits for the event
// that proves the previous one landed (a mirror member's own echo shows it
// joined) rather than for a time.
//
// script returns false if an expected event did not come in time.
func (tr *tracer) script(context *Lws_context) bool {
	tr.context = context
	for _, phase := range []func() bool{tr.phaseChoice, tr.phaseDumb, tr.phaseMirror, tr.phaseStatus} {
		if !phase() {
			return false
		}
	}
	tr.line("done")
	return true
}

func (tr *tracer) line(format string, a ...any) {
	fmt.Fprintf(tr.out, "trace: "+format+"\n", a...)
}

func (tr *tracer) fail(format string, a ...any) bool {
	tr.line("FAIL "+format, a...)
	return false
}

// connect opens a connection offering the comma list offer.
func (tr *tracer) connect(label, offer string) *traceConn {
	tc := &traceConn{label: label, tr: tr}
	tr.do(func() {
		i := Lws_client_connect_info{
			Context:           tr.context,
			Address:           tr.o.address,
			Port:              tr.o.port,
			Path:              tr.o.path,
			Host:              tr.o.address,
			Origin:            tr.o.address,
			Protocol:          offer,
			LocalProtocolName: traceProtocolName,
			Userdata:          tc,
			Pwsi:              &tc.wsi,
		}
		if Lws_client_connect_via_info(&i) == nil {
			tc.event("error", "lws_client_connect_via_info failed")
		}
	})
	return tc
}

func (tr *tracer) send(tc *traceConn, msg string) {
	tr.do(func() {
		if tc.wsi != nil {
			tc.outbox = append(tc.outbox, msg)
			Lws_callback_on_writable(tc.wsi)
		}
	})
}

func (tr *tracer) close(tc *traceConn) {
	tr.do(func() {
		if tc.wsi != nil {
			tc.closing = true
			Lws_callback_on_writable(tc.wsi)
		}
	})
}

// next waits for tc's next event.
func (tr *tracer) next(tc *traceConn) (traceEvent, bool) {
	deadline := time.NewTimer(traceWait)
	defer deadline.Stop()
	for {
		tr.mu.Lock()
		if tc.read < len(tc.events) {
			ev := tc.events[tc.read]
			tc.read++
			tr.mu.Unlock()
			return ev, true
		}
		tr.mu.Unlock()
		// The script is the only waiter, so a token taken for another
		// connection's event is not missed by anyone.
		select {
		case <-tr.changed:
		case <-deadline.C:
			return traceEvent{}, false
		case <-tr.aborted:
			return traceEvent{}, false
		}
	}
}

// expect waits for tc's next event and checks its kind.
func (tr *tracer) expect(tc *traceConn, kind string) (string, bool) {
	ev, ok := tr.next(tc)
	if !ok {
		return "", tr.fail("%s: no %s within %v", tc.label, kind, traceWait)
	}
	if ev.kind != kind {
		return "", tr.fail("%s: wanted %s, got %s %q", tc.label, kind, ev.kind, ev.data)
	}
	return ev.data, true
}

// established waits for tc to be up and traces the subprotocol chosen.
func (tr *tracer) established(tc *traceConn) bool {
	sub, ok := tr.expect(tc, "established")
	if ok {
		tr.line("%s: established, subprotocol %q", tc.label, sub)
	}
	return ok
}

// closeAndWait closes tc from our side and waits until it is gone.
func (tr *tracer) closeAndWait(tc *traceConn) bool {
	tr.close(tc)
	if _, ok := tr.expect(tc, "closed"); !ok {
		return false
	}
	tr.line("%s: closed", tc.label)
	return true
}

// leftovers traces events nobody expected; a server that sent more than
// the other would show here.
func (tr *tracer) leftovers(conns ...*traceConn) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	for _, tc := range conns {
		for _, ev := range tc.events[tc.read:] {
			tr.line("%s: unexpected %s %q", tc.label, ev.kind, ev.data)
		}
		tc.read = len(tc.events)
	}
}
