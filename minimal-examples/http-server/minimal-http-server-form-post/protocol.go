package main

import (
	. "github.com/golws/golws/include-like"
)

// perSessionData is C's struct pss. lws gives it to one HTTP transaction,
// not to the connection: a kept-alive connection starts each request
// with a fresh one.
type perSessionData struct {
	spa *Lws_spa
}

// use303 is set by --303: redirect with 303 See Other rather than 301.
// main sets it before the context exists.
var use303 bool

// formURL is the form's action, which protocol 0 gets whole because no
// mount claims it.
const formURL = "/form1"

// paramNames are the form fields kept, read back by their index.
var paramNames = []string{
	"text1",
	"send",
}

// callbackHTTP is protocol 0's callback. It claims POSTs to formURL, reads
// their bodies into a spa, logs the fields and redirects; every other
// request goes on to Lws_callback_http_dummy, whose LWS_CALLBACK_HTTP
// answers 404.
func callbackHTTP(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
	pss, _ := user.(*perSessionData)
	var buf [LWS_PRE + LWS_RECOMMENDED_MIN_HEADER_SPACE]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)

	switch reason {
	case LWS_CALLBACK_HTTP:
		// Returning 0 without answering keeps the transaction open for
		// its body; the answer comes at BODY_COMPLETION. Any other URL
		// falls through to the dummy's 404. (A callback mount on
		// formURL would make this test unnecessary.)
		if in.(string) == formURL {
			return 0
		}

	case LWS_CALLBACK_HTTP_BODY:
		// The body comes in pieces; the spa is made with the first and
		// decodes urlencoded and multipart bodies alike. A field that
		// outgrows the spa's 1024 bytes makes Process fail, and the
		// -1 closes the connection with no answer.
		if pss.spa == nil {
			pss.spa = Lws_spa_create(wsi, paramNames,
				len(paramNames), 1024,
				nil, nil) // no file upload
			if pss.spa == nil {
				return -1
			}
		}
		if Lws_spa_process(pss.spa, in.([]byte), length) != 0 {
			return -1
		}

	case LWS_CALLBACK_CLOSED_CLIENT_HTTP:
		if pss.spa != nil && Lws_spa_destroy(pss.spa) != 0 {
			return -1
		}

	case LWS_CALLBACK_HTTP_BODY_COMPLETION:
		// The whole body is in: Finalize lets the spa settle a field
		// still open at the end, then the fields can be read.
		Lwsl_user("LWS_CALLBACK_HTTP_BODY_COMPLETION")
		Lws_spa_finalize(pss.spa)

		if pss.spa != nil {
			for n := range paramNames {
				if Lws_spa_get_string(pss.spa, n) == "" { // C's NULL
					Lwsl_user("%s: undefined", paramNames[n])
				} else {
					Lwsl_user("%s: (len %d) '%s'",
						paramNames[n],
						Lws_spa_get_length(pss.spa, n),
						Lws_spa_get_string(pss.spa, n))
				}
			}
		}

		// The browser is sent on to a static page, which keeps a reload
		// of the result from posting the form again.
		code := HTTP_STATUS_MOVED_PERMANENTLY
		if use303 {
			code = HTTP_STATUS_SEE_OTHER
		}
		if Lws_http_redirect(wsi, code, "after-form1.html", 16, &p, end) < 0 {
			return -1
		}
		// DEVIATION: C goes on to lws_callback_http_dummy, which
		// answers the body a second time (see the package doc). The
		// redirect is the whole answer: the transaction is over.
		if Lws_http_transaction_completed(wsi) != 0 {
			return -1
		}
		return 0

	case LWS_CALLBACK_HTTP_DROP_PROTOCOL:
		// The session data is about to go: free its spa with it.
		if pss.spa != nil {
			Lws_spa_destroy(pss.spa)
			pss.spa = nil
		}
	}

	return Lws_callback_http_dummy(wsi, reason, user, in, length)
}
