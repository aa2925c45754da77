package main

import (
	. "github.com/golws/golws/include-like"
)

// paramNames are the urlargs logged.
var paramNames = []string{
	"text1",
	"send",
}

// callbackHTTP is protocol 0's callback: /form1 is no file, so the file
// mount passes it here with the whole URI in in. A GET of it has the
// form's fields in its query; they are logged and the browser is
// redirected. Every other request goes on to Lws_callback_http_dummy,
// whose LWS_CALLBACK_HTTP answers 404.
func callbackHTTP(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
	var buf [LWS_PRE + LWS_RECOMMENDED_MIN_HEADER_SPACE]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)

	switch reason {
	case LWS_CALLBACK_HTTP:
		// lws keeps a GET's URI under WSI_TOKEN_GET_URI: a POST or
		// another method has none there and gets the dummy's 404.
		if Lws_hdr_total_length(wsi, WSI_TOKEN_GET_URI) == 0 {
			break
		}
		Lwsl_err("%s: %s", "callback_http", in)
		if in.(string) != "/form1" {
			break
		}

		// The urlargs come decoded; one that does not fit buf, or is
		// absent, reads as -1.
		for n := range paramNames {
			rv := Lws_get_urlarg_by_name_safe(wsi, paramNames[n],
				buf[:], len(buf))
			if rv < 0 {
				Lwsl_user("%s: undefined", paramNames[n])
			} else {
				Lwsl_user("%s: (len %d) '%s'", paramNames[n],
					rv, buf[:rv])
			}
		}

		// The browser is sent on to a static page, so that the address
		// bar no longer holds the form's query.
		if Lws_http_redirect(wsi, HTTP_STATUS_MOVED_PERMANENTLY,
			"after-form1.html", 16, &p, end) < 0 {
			return -1
		}
		// DEVIATION: C goes on to lws_callback_http_dummy, which
		// answers 404 as well (see the package doc). The redirect is the
		// whole answer: the transaction is over.
		if Lws_http_transaction_completed(wsi) != 0 {
			return -1
		}
		return 0
	}

	return Lws_callback_http_dummy(wsi, reason, user, in, length)
}
