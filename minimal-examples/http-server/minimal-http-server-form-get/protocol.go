package main

import (
	. "github.com/golws/golws/include-like"
)

// paramNames are the urlargs logged.
var paramNames = []string{
	"text1",
	"send",
}

func callbackHTTP(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
	var buf [LWS_PRE + LWS_RECOMMENDED_MIN_HEADER_SPACE]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)

	switch reason {
	case LWS_CALLBACK_HTTP:
		if Lws_hdr_total_length(wsi, WSI_TOKEN_GET_URI) == 0 {
			// not a GET
			break
		}
		Lwsl_err("%s: %s", "callback_http", in)
		if in.(string) != "/form1" {
			// not our form URL
			break
		}

		// we just dump the decoded things to the log
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

		// The answer is a redirect to a static page; it could as well
		// be a page made here.
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
