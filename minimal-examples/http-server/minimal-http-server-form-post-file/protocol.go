package main

import (
	"os"

	. "github.com/golws/golws/include-like"
)

// perSessionData is C's struct pss. lws gives it to one HTTP transaction,
// not to the connection: a kept-alive connection starts each request
// with a fresh one.
type perSessionData struct {
	spa *Lws_spa
	// filename is the upload's name in the upload directory while its
	// file is being written; fileUploadCb clears it once the file is
	// whole, so that a name left here means an unfinished upload.
	filename   string
	fileLength uint64
	fd         *os.File // nil where C's fd is -1

	uploads *os.Root // the upload directory, C's working directory (see run)
}

// formURL is the form's action, which protocol 0 gets whole because no
// mount claims it.
const formURL = "/form1"

// paramNames are the form fields kept, read back by their index.
var paramNames = []string{
	"text1",
	"send",
}

// callbackHTTP is protocol 0's callback. It claims POSTs to formURL and
// feeds their bodies to a spa, which hands the file part to fileUploadCb
// and keeps the other fields; at the end it logs them and redirects.
// Every other request goes on to Lws_callback_http_dummy, whose
// LWS_CALLBACK_HTTP answers 404.
func callbackHTTP(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
	var buf [LWS_PRE + LWS_RECOMMENDED_MIN_HEADER_SPACE]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)
	pss, _ := user.(*perSessionData)

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
		// The spa is made with the first piece of the body. Its 1024
		// bytes hold the plain fields only: the file streams through
		// fileUploadCb, however big it is.
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
		if Lws_spa_process(pss.spa, in.([]byte), length) != 0 {
			return -1
		}

	case LWS_CALLBACK_HTTP_BODY_COMPLETION:
		// The whole body is in: Finalize lets the spa settle a field
		// still open at the end, then the fields can be read.
		Lws_spa_finalize(pss.spa)

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

		// The browser is sent on to a static page, which keeps a reload
		// of the result from posting the form again.
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

	case LWS_CALLBACK_HTTP_DROP_PROTOCOL, LWS_CALLBACK_CLOSED_HTTP:
		// The session data is about to go: lws drops the protocol at
		// the end of a transaction on a kept connection, and a closing
		// connection gets CLOSED_HTTP whether or not it was bound (the
		// form's request was not: it came to protocol 0 from the file
		// mount). C cleans up at the drop only.
		if pss != nil {
			pss.release()
		}
	}

	return Lws_callback_http_dummy(wsi, reason, user, in, length)
}

// release frees the spa and closes the upload's file, deleting it if it
// never got its end.
func (pss *perSessionData) release() {
	if pss.spa != nil {
		Lws_spa_destroy(pss.spa)
		pss.spa = nil
	}
	if pss.fd != nil {
		pss.fd.Close()
		pss.fd = nil
	}
	if pss.filename == "" {
		return
	}
	if err := pss.uploads.Remove(pss.filename); err != nil {
		Lwsl_notice("%s: unlink %s failed: %v", "callback_http", pss.filename, err)
	} else {
		Lwsl_notice("%s: removed the unfinished upload %s", "callback_http", pss.filename)
	}
	pss.filename = ""
}
