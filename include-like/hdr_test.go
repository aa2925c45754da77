package lwsc_test

import (
	"fmt"
	"testing"
	"time"

	. "github.com/golws/golws/include-like"
)

// The lws_hdr_* spellings reach the request with C's argument shapes:
// buffer and length, name and name length, out-parameters, opaque
// pointers. What each answers is lws's (package lws checks that against
// lws itself); here each call is made once from a real request, and once
// more after the transaction, when the request is gone.
func TestHdrSpellings(t *testing.T) {
	facts := make(chan []string, 1)
	cb := func(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
		if reason != LWS_CALLBACK_HTTP {
			return Lws_callback_http_dummy(wsi, reason, user, in, length)
		}
		var f []string
		add := func(format string, a ...any) { f = append(f, fmt.Sprintf(format, a...)) }
		var buf [64]byte
		cstr := func() string {
			for i, c := range buf {
				if c == 0 {
					return string(buf[:i])
				}
			}
			return "no NUL"
		}

		var uri string
		var ulen int
		m := Lws_http_get_uri_and_method(wsi, &uri, &ulen)
		add("method %d %q %d", m, uri, ulen)
		add("args %d", Lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_URI_ARGS))
		add("host %d %q", Lws_hdr_copy(wsi, buf[:], len(buf), WSI_TOKEN_HOST), cstr())
		add("arg1 %d %q", Lws_hdr_copy_fragment(wsi, buf[:], len(buf), WSI_TOKEN_HTTP_URI_ARGS, 1), cstr())
		add("arg0 len %d", Lws_hdr_fragment_length(wsi, WSI_TOKEN_HTTP_URI_ARGS, 0))
		add("referer extant %d len %d", Lws_hdr_extant(wsi, WSI_TOKEN_HTTP_REFERER), Lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_REFERER))
		add("dnt %d", Lws_hdr_custom_length(wsi, "dnt:xx", 4))
		add("dnt copy %d %q", Lws_hdr_custom_copy(wsi, buf[:], len(buf), "dnt:", 4), cstr())
		Lws_hdr_custom_name_foreach(wsi, func(name string, nlen int, opaque any) {
			add("custom %q %d %v", name, nlen, opaque)
		}, "opaque")
		add("y %q", Lws_get_urlarg_by_name(wsi, "y", buf[:], len(buf)))
		add("z %q", Lws_get_urlarg_by_name(wsi, "z", buf[:], len(buf)))
		add("k_j %q", Lws_get_urlarg_by_name(wsi, "k_j", buf[:], len(buf)))
		add("x %d", Lws_get_urlarg_by_name_safe(wsi, "x=", buf[:], len(buf)))
		add("urldecode %d %q", Lws_urldecode(buf[:], "a%20b+c", len(buf)), cstr())

		if Lws_return_http_status(wsi, HTTP_STATUS_OK, "") != 0 {
			return -1
		}
		r := Lws_http_transaction_completed(wsi)
		add("after host %d", Lws_hdr_total_length(wsi, WSI_TOKEN_HOST))
		uri, ulen = "kept", 99
		add("after method %d %q %d", Lws_http_get_uri_and_method(wsi, &uri, &ulen), uri, ulen)
		facts <- f
		if r != 0 {
			return -1
		}
		return 0
	}
	port := serve(t, Lws_context_creation_info{Protocols: []Lws_protocols{{Name: "p", Callback: cb}}})
	if resp, _ := get(t, port, "/a+b?x=1&y=%41;k%3Dj=v", "DNT: 1\r\nReferer:\r\n"); resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	want := []string{
		`method 0 "/a b" 4`,
		`args 13`,
		`host 1 "h"`,
		`arg1 3 "y=A"`,
		`arg0 len 3`,
		`referer extant 1 len 0`,
		`dnt 1`,
		`dnt copy 1 "1"`,
		`custom "dnt:" 4 opaque`,
		`y "A"`,
		`z ""`,
		`k_j "v"`, // ';' ends an argument, an encoded '=' in a name is '_'

		`x 1`,
		`urldecode 0 "a b c"`,
		`after host 0`,
		`after method -1 "kept" 99`,
	}
	var got []string
	select {
	case got = <-facts:
	case <-time.After(waitBound):
		t.Fatal("LWS_CALLBACK_HTTP never ran")
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
