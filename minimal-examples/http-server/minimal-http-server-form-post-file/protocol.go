package main

import (
	"os"

	. "github.com/golws/golws/include-like"
)

// perSessionData is C's struct pss. HTTP is stateless: it lives for one
// HTTP transaction, which with keep-alive is shorter than the connection.
type perSessionData struct {
	spa        *Lws_spa // lws helper decodes multipart form
	filename   string   // the filename of the uploaded file
	fileLength uint64   // the amount of bytes uploaded
	fd         *os.File // file being saved; C's fd, nil for -1

	uploads *os.Root // where files are saved: C's cwd (see main)
}

// paramNames are the form fields kept, read back by their index.
var paramNames = []string{
	"text1",
	"send",
}

func callbackHTTP(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
	var buf [LWS_PRE + LWS_RECOMMENDED_MIN_HEADER_SPACE]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)
	pss, _ := user.(*perSessionData)

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
			pss.fd = nil
			pss.filename = ""
			pss.uploads = Lws_context_user(Lws_get_context(wsi)).(*os.Root)
			pss.spa = Lws_spa_create(wsi, paramNames,
				len(paramNames), 1024,
				fileUploadCb, pss)
			if pss.spa == nil {
				return -1
			}
		}

		// let it parse the POST data
		if Lws_spa_process(pss.spa, in.([]byte), length) != 0 {
			return -1
		}

	case LWS_CALLBACK_HTTP_BODY_COMPLETION:
		// inform the spa no more payload data coming
		Lws_spa_finalize(pss.spa)

		// we just dump the decoded things to the log
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

		// The answer is a redirect to a static page; it could as well
		// be a page made here.
		if Lws_http_redirect(wsi, HTTP_STATUS_MOVED_PERMANENTLY,
			"after-form1.html", 16, &p, end) < 0 {
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
		if pss.fd != nil {
			pss.fd.Close()
			pss.fd = nil
		}
		// Only an unfinished upload still has its name here (see
		// fileUploadCb).
		if pss.filename != "" {
			if err := pss.uploads.Remove(pss.filename); err != nil {
				Lwsl_notice("%s: unlink %s failed: %v", "callback_http", pss.filename, err)
			} else {
				Lwsl_notice("%s: removed the unfinished upload %s", "callback_http", pss.filename)
			}
			pss.filename = ""
		}
	}

	return Lws_callback_http_dummy(wsi, reason, user, in, length)
}
