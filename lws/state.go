package lws

import "fmt"

// wsiState is where a connection is in its life. The service goroutine owns
// it, and setState is the only place that changes it; the functions that
// make each transition (adopt, startRequest, startUpgrade, establish,
// TransactionCompleted, beginClose, ended ...) run the callbacks lws runs
// on that edge around their one setState call. The table of edges is in
// the package documentation (doc.go); transitions below is that table.
type wsiState uint8

const (
	stateNone wsiState = iota
	stateHTTPIdle
	stateHTTPRequest
	stateHTTPBody
	stateHTTPResponse
	stateHTTPDone
	stateUpgrading
	stateConnecting
	stateEstablished
	stateClosing
	stateClosed
	stateCount
)

var stateNames = [stateCount]string{
	stateNone:         "none",
	stateHTTPIdle:     "http idle",
	stateHTTPRequest:  "http request",
	stateHTTPBody:     "http body",
	stateHTTPResponse: "http response",
	stateHTTPDone:     "http done",
	stateUpgrading:    "upgrading",
	stateConnecting:   "connecting",
	stateEstablished:  "established",
	stateClosing:      "closing",
	stateClosed:       "closed",
}

func (s wsiState) String() string {
	if s < stateCount {
		return stateNames[s]
	}
	return fmt.Sprintf("wsiState(%d)", uint8(s))
}

// open reports whether the connection is neither a stand-in nor closing.
func (s wsiState) open() bool { return s != stateNone && s < stateClosing }

// inTransaction reports whether an HTTP transaction is under way, the
// states in which the wsi may write its response.
func (s wsiState) inTransaction() bool {
	return s == stateHTTPRequest || s == stateHTTPBody || s == stateHTTPResponse
}

// transitions is the table above: transitions[from] has bit to set when
// the edge is allowed. Closing is allowed from every open state.
var transitions = func() (t [stateCount]uint16) {
	allow := func(from wsiState, to ...wsiState) {
		for _, s := range to {
			t[from] |= 1 << s
		}
	}
	allow(stateHTTPIdle, stateHTTPRequest)
	allow(stateHTTPRequest, stateHTTPBody, stateHTTPResponse, stateHTTPDone, stateUpgrading)
	allow(stateHTTPBody, stateHTTPResponse, stateHTTPDone)
	allow(stateHTTPResponse, stateHTTPDone)
	allow(stateHTTPDone, stateHTTPIdle)
	allow(stateUpgrading, stateEstablished)
	allow(stateConnecting, stateEstablished, stateClosed)
	for s := stateNone; s < stateCount; s++ {
		if s.open() {
			allow(s, stateClosing)
		}
	}
	allow(stateClosing, stateClosed)
	return t
}()

// setState moves the wsi to state to. With the loop's debug checks on
// (race builds, GOLWS_DEBUG=1) an edge the table does not have panics:
// it is a bug in golws.
func (w *Wsi) setState(to wsiState) {
	if w.ctx.loop.Checking() && transitions[w.state]&(1<<to) == 0 {
		panic(fmt.Sprintf("golws: wsi state %s -> %s is not a transition", w.state, to))
	}
	w.state = to
}
