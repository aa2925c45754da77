package lws

import (
	"strings"
	"testing"
)

// Every state has a name, and the table allows exactly the edges the
// package documentation lists.
func TestStateNamesAndTable(t *testing.T) {
	for s := stateNone; s < stateCount; s++ {
		if s.String() == "" || strings.HasPrefix(s.String(), "wsiState(") {
			t.Errorf("state %d has no name", s)
		}
	}
	if got := stateCount.String(); got != "wsiState(11)" {
		t.Errorf("an unknown state prints %q", got)
	}
	allowed := func(from, to wsiState) bool { return transitions[from]&(1<<to) != 0 }
	for _, e := range []struct{ from, to wsiState }{
		{stateHTTPIdle, stateHTTPRequest}, {stateHTTPRequest, stateUpgrading},
		{stateHTTPBody, stateHTTPResponse}, {stateHTTPDone, stateHTTPIdle},
		{stateUpgrading, stateEstablished}, {stateConnecting, stateClosed},
		{stateEstablished, stateClosing}, {stateHTTPIdle, stateClosing}, {stateClosing, stateClosed},
	} {
		if !allowed(e.from, e.to) {
			t.Errorf("%s -> %s is refused", e.from, e.to)
		}
	}
	for _, e := range []struct{ from, to wsiState }{
		{stateNone, stateClosing}, {stateClosed, stateHTTPIdle}, {stateEstablished, stateHTTPIdle},
		{stateHTTPIdle, stateEstablished}, {stateHTTPDone, stateHTTPRequest}, {stateClosing, stateEstablished},
		{stateHTTPResponse, stateHTTPBody},
	} {
		if allowed(e.from, e.to) {
			t.Errorf("%s -> %s is allowed", e.from, e.to)
		}
	}
}

// With the loop's debug checks on (race builds, GOLWS_DEBUG=1), an edge
// the table does not have panics.
func TestBadTransitionPanics(t *testing.T) {
	c, err := CreateContext(&ContextCreationInfo{Port: ContextPortNoListen, Protocols: []Protocol{{Name: "p", Callback: CallbackHTTPDummy}}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Destroy()
	if !c.loop.Checking() {
		t.Skip("the transition checks run under -race or with GOLWS_DEBUG=1")
	}
	w := newWsi(c.vhost, &c.vhost.protocols[0], nil, "", stateEstablished)
	defer func() {
		v := recover()
		if s, _ := v.(string); !strings.Contains(s, "established -> http idle is not a transition") {
			t.Fatalf("recovered %v", v)
		}
	}()
	w.setState(stateHTTPIdle)
	t.Fatal("no panic")
}
