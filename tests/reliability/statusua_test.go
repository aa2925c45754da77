package reliability

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"testing"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws"
	"github.com/golws/golws/minimal-examples/test-apps/protocols"
)

// TestStatusForgedUserAgent: lws-status lists every connection with its
// user agent, which the client chooses. One whose user agent closes the
// JSON string and opens a new entry must not forge a connection, and one
// with a tab, a backslash and UTF-8 must not break the JSON: another
// lws-status client gets JSON that parses, lists exactly the real
// connections, and carries every user agent intact.
func TestStatusForgedUserAgent(t *testing.T) {
	noLeaks(t)
	s := startServer(t, lws.ContextCreationInfo{Protocols: protocols.ServerProtocols(), Options: protocols.ServerOptions})
	const (
		observerUA = "observer/1.0"
		forgerUA   = `evil"},{"peer":"forged","time":"0","ua":"x`
		oddUA      = "odd\tab\there, \\ and \"é\""
	)
	observer := dialStatus(t, s.url, observerUA)
	_ = dialStatus(t, s.url, forgerUA)
	statusListing(t, observer, observerUA, forgerUA)
	_ = dialStatus(t, s.url, oddUA)
	statusListing(t, observer, observerUA, forgerUA, oddUA)
}

// statusListing reads c's status messages until one lists as many
// connections as uas and checks that it lists exactly those, from
// 127.0.0.1. Every message must be JSON.
func statusListing(t *testing.T, c *websocket.Conn, uas ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	for {
		_, msg, err := c.Read(ctx)
		if err != nil {
			t.Fatalf("no status listing %d connections within %v: %v", len(uas), waitBound, err)
		}
		var st struct {
			Wsi   string `json:"wsi"`
			Conns []struct {
				Peer string `json:"peer"`
				UA   string `json:"ua"`
			} `json:"conns"`
		}
		if err := json.Unmarshal(msg, &st); err != nil {
			t.Fatalf("the status is not JSON (%v): %s", err, msg)
		}
		if len(st.Conns) < len(uas) {
			continue // a listing from before the last client came
		}
		var got []string
		for _, e := range st.Conns {
			if e.Peer != "127.0.0.1" {
				t.Errorf("an entry with peer %q: %s", e.Peer, msg)
			}
			got = append(got, e.UA)
		}
		want := slices.Sorted(slices.Values(uas))
		slices.Sort(got)
		if !slices.Equal(got, want) || st.Wsi != strconv.Itoa(len(uas)) {
			t.Fatalf("the status lists %s connections with user agents %q, want %d with %q:\n%s",
				st.Wsi, got, len(uas), want, msg)
		}
		return
	}
}

// dialConn opens a coder/websocket connection offering protocol, with
// extra request headers hdr (nil for none), and returns it without a
// reader; it is closed when the test ends.
func dialConn(t *testing.T, url, protocol string, hdr http.Header) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	c, resp, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{protocol}, HTTPHeader: hdr})
	if err != nil {
		t.Fatalf("dial %s %s: %v", url, protocol, err)
	}
	if resp != nil && resp.Body != nil {
		resp.Body.Close()
	}
	t.Cleanup(func() { c.CloseNow() })
	return c
}

// dialStatus opens an lws-status connection sending User-Agent ua.
func dialStatus(t *testing.T, url, ua string) *websocket.Conn {
	t.Helper()
	return dialConn(t, url, protocols.StatusName, http.Header{"User-Agent": {ua}})
}
