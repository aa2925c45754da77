package main

import (
	"fmt"
	"net"
	"slices"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"github.com/golws/golws/minimal-examples/test-apps/internal/peers"
	"github.com/golws/golws/minimal-examples/test-apps/protocols"

	. "github.com/golws/golws/include-like"
)

// postDemoCall is one callback the POST demo got.
type postDemoCall struct {
	reason Lws_callback_reasons
	in     string // LWS_CALLBACK_HTTP's in
}

func (c postDemoCall) String() string {
	if c.reason == LWS_CALLBACK_HTTP {
		return fmt.Sprintf("%v %q", c.reason, c.in)
	}
	return fmt.Sprint(c.reason)
}

// recordPostDemo makes the POST demo report the callbacks of its mount's
// routing on the returned channel; the test's cleanup puts the callback
// back. Call it before the server starts: run copies the protocol.
func recordPostDemo(t *testing.T) <-chan postDemoCall {
	calls := make(chan postDemoCall, 64)
	orig := protocols.ProtocolPostDemo.Callback
	protocols.ProtocolPostDemo.Callback = func(wsi *Lws, reason Lws_callback_reasons, user, in any, n int) int {
		switch reason {
		case LWS_CALLBACK_HTTP_BIND_PROTOCOL, LWS_CALLBACK_CHECK_ACCESS_RIGHTS,
			LWS_CALLBACK_HTTP_DROP_PROTOCOL, LWS_CALLBACK_HTTP:
			s, _ := in.(string)
			select {
			case calls <- postDemoCall{reason, s}:
			default: // the test reads far fewer; never block the service
			}
		}
		return orig(wsi, reason, user, in, n)
	}
	t.Cleanup(func() { protocols.ProtocolPostDemo.Callback = orig })
	return calls
}

// nextCall waits for the next call, up to exampletest.WaitBound.
func nextCall(calls <-chan postDemoCall) (postDemoCall, bool) {
	select {
	case c := <-calls:
		return c, true
	case <-time.After(exampletest.WaitBound):
		return postDemoCall{}, false
	}
}

// untilHTTP reads calls up to LWS_CALLBACK_HTTP.
func untilHTTP(t *testing.T, calls <-chan postDemoCall) []postDemoCall {
	t.Helper()
	var got []postDemoCall
	for {
		c, ok := nextCall(calls)
		if !ok {
			t.Fatalf("no LWS_CALLBACK_HTTP; so far %v", got)
		}
		got = append(got, c)
		if c.reason == LWS_CALLBACK_HTTP {
			return got
		}
	}
}

// /formtest is mounted as C's test server mounts it, naming the POST demo
// in .protocol: LWS_CALLBACK_HTTP gets the URI after "/formtest", a POST
// straight after CHECK_ACCESS_RIGHTS, a GET after the protocol is dropped
// and bound again (lws_http_action). Named in origin alone, the demo
// would get a GET's whole URI, with no second bind; a POST goes the same
// way either way.
func TestFormtestMountAsC(t *testing.T) {
	calls := recordPostDemo(t)
	s := startGoServer(t)
	bind := postDemoCall{reason: LWS_CALLBACK_HTTP_BIND_PROTOCOL}
	check := postDemoCall{reason: LWS_CALLBACK_CHECK_ACCESS_RIGHTS}
	drop := postDemoCall{reason: LWS_CALLBACK_HTTP_DROP_PROTOCOL}
	http := postDemoCall{reason: LWS_CALLBACK_HTTP, in: ""}
	for _, tc := range []struct {
		name string
		req  []byte
		want []postDemoCall
	}{
		{"POST", urlencoded("text=a"), []postDemoCall{bind, check, http}},
		{"GET", []byte("GET /formtest HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), []postDemoCall{bind, check, drop, bind, http}},
	} {
		c, err := net.DialTimeout("tcp", peers.Addr(s.Port), exampletest.WaitBound)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Write(tc.req); err != nil {
			t.Fatal(err)
		}
		got := untilHTTP(t, calls)
		c.Close()
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: callbacks %v, want %v", tc.name, got, tc.want)
		}
		// What the closed connection brings (its drop) is not this
		// test's: wait for it so that the next case starts clean.
		if c, ok := nextCall(calls); !ok || c != drop {
			t.Fatalf("%s: after the close %v, %v; want the drop", tc.name, c, ok)
		}
	}
}
