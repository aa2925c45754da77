package main

import (
	. "github.com/golws/golws/include-like"
)

// perSessionData is C's struct pss. HTTP is stateless: it lives for one
// HTTP transaction, which with keep-alive is shorter than the connection.
type perSessionData struct {
	spa *Lws_spa
}

// use303 is set by --303: redirect with 303 See Other rather than 301.
// main sets it before the context exists.
var use303 bool

// paramNames are the form fields kept, read back by their index.
var paramNames = []string{
	"text1",
	"send",
}

func callbackHTTP(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
	pss, _ := user.(*perSessionData)
	var buf [LWS_PRE + LWS_RECOMMENDED_MIN_HEADER_SPACE]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)

	switch reason {
	case LWS_CALLBACK_HTTP:
		// Say that the form's URL exists. (A LWSMPRO_CALLBACK mount for
		// it would do the same without trapping LWS_CALLBACK_HTTP.)
		if in.(string) == formIn {
			// assertively allow it to exist in the URL space
			return 0
		}

		// default to 404-ing the URL if not mounted

	case LWS_CALLBACK_HTTP_BODY:
		// create the POST argument parser if not already existing
		if pss.spa == nil {
			pss.spa = Lws_spa_create(wsi, paramNames,
				len(paramNames), 1024,
				nil, nil) // no file upload
			if pss.spa == nil {
				return -1
			}
		}

		// let it parse the POST data
		if Lws_spa_process(pss.spa, in.([]byte), length) != 0 {
			return -1
		}

	case LWS_CALLBACK_CLOSED_CLIENT_HTTP:
		if pss.spa != nil && Lws_spa_destroy(pss.spa) != 0 {
			return -1
		}

	case LWS_CALLBACK_HTTP_BODY_COMPLETION:
		// inform the spa no more payload data coming
		Lwsl_user("LWS_CALLBACK_HTTP_BODY_COMPLETION")
		Lws_spa_finalize(pss.spa)

		// we just dump the decoded things to the log
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

		// The answer is a redirect to a static page; it could as well
		// be a page made here.
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
		// called when our wsi user_space is going to be destroyed
		if pss.spa != nil {
			Lws_spa_destroy(pss.spa)
			pss.spa = nil
		}
	}

	return Lws_callback_http_dummy(wsi, reason, user, in, length)
}
