package main

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/golws/golws/minimal-examples/http-server/internal/httpexample"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// What lws's build answers on one kept-alive connection, byte for byte:
// the DNT header read through lws_hdr_custom_*, whatever the case of its
// name, a value too long for the callback's 32 bytes, and no DNT at all.
// Each answer has a content-length, and the connection stays for the
// next request.
func TestDNT(t *testing.T) {
	s := exampletest.Serve(t, run)
	c := httpexample.Dial(t, s.Host)
	for _, tc := range []struct{ header, body string }{
		{"DNT: 1", "callback_http: DNT length 1<br>callback_http: DNT value '1'\n"},
		{"dnt: 0", "callback_http: DNT length 1<br>callback_http: DNT value '0'\n"},
		{"Dnt: 1", "callback_http: DNT length 1<br>callback_http: DNT value '1'\n"},
		{"DNT: " + strings.Repeat("z", 40), "callback_http: DNT length 40<br>callback_http: unable to get DNT value\n"},
		{"X-Other: 1", "callback_http: DNT header not found\n"},
	} {
		c.Send(httpexample.Get("/dyn/x", tc.header))
		resp, body := c.Response(http.MethodGet)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/html" {
			t.Errorf("%s: %s, Content-Type %q", tc.header, resp.Status, resp.Header.Get("Content-Type"))
		}
		if string(body) != tc.body || resp.Header.Get("Content-Length") != strconv.Itoa(len(tc.body)) {
			t.Errorf("%s: body %q, Content-Length %q; want %q", tc.header, body, resp.Header.Get("Content-Length"), tc.body)
		}
		if resp.Close {
			t.Errorf("%s: connection: close", tc.header)
		}
		httpexample.CheckSecurityHeaders(t, tc.header, resp.Header)
	}
	s.Log.WaitFor(t, "U: callback_http: DNT length 1<br>callback_http: DNT value '0'", 1)
	s.Log.WaitFor(t, "U: callback_http: DNT header not found", 1)
}
