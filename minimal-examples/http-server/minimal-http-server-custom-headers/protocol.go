package main

import (
	. "github.com/golws/golws/include-like"
)

// perSessionData is C's struct pss: the text of the answer, made in
// LWS_CALLBACK_HTTP and sent from LWS_CALLBACK_HTTP_WRITEABLE.
type perSessionData struct {
	result [128 + LWS_PRE]byte
	len    int
}

// callbackHTTP answers every request it gets with what the request's DNT
// header holds: the text is made in LWS_CALLBACK_HTTP, which sends the
// head with its length, and written from the WRITEABLE that follows.
// Other reasons go on to Lws_callback_http_dummy.
func callbackHTTP(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
	var buf [LWS_PRE + 2048]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)
	pss, _ := user.(*perSessionData)
	var value [32]byte
	var pr []byte // C's &pss->result[LWS_PRE]
	var e int     // C's sizeof(pss->result) - LWS_PRE
	if pss != nil {
		pr, e = pss.result[LWS_PRE:], len(pss.result)-LWS_PRE
	}

	switch reason {
	case LWS_CALLBACK_HTTP:
		// DNT has no WSI_TOKEN_: the custom header calls find it by
		// its lowercased name with the colon. A value too long for
		// value (31 bytes and C's NUL) is reported as unreadable.
		pss.len = 0
		n := Lws_hdr_custom_length(wsi, "dnt:", 4)
		if n < 0 {
			pss.len = Lws_snprintf(pr, e,
				"%s: DNT header not found\n", "callback_http")
		} else {
			pss.len = Lws_snprintf(pr, e,
				"%s: DNT length %d<br>", "callback_http", n)
			n = Lws_hdr_custom_copy(wsi, value[:], len(value), "dnt:", 4)
			if n < 0 {
				pss.len += Lws_snprintf(pr[pss.len:], e-pss.len,
					"%s: unable to get DNT value\n", "callback_http")
			} else {
				pss.len += Lws_snprintf(pr[pss.len:], e-pss.len,
					"%s: DNT value '%s'\n", "callback_http", value[:n])
			}
		}

		Lwsl_user("%s", pr[:pss.len])

		if Lws_add_http_common_headers(wsi, HTTP_STATUS_OK,
			"text/html", Lws_filepos_t(pss.len), &p, end) != 0 {
			return 1
		}

		if Lws_finalize_write_http_header(wsi, start, &p, end) != 0 {
			return 1
		}

		// The body follows from WRITEABLE.
		Lws_callback_on_writable(wsi)
		return 0

	case LWS_CALLBACK_HTTP_WRITEABLE:
		copy(start.Rest(), "hello\x00") // C's strcpy; nothing reads it

		if Lws_write(wsi, pr, pss.len, LWS_WRITE_HTTP_FINAL) != pss.len {
			return 1
		}

		if Lws_http_transaction_completed(wsi) != 0 {
			return -1
		}
		return 0
	}

	return Lws_callback_http_dummy(wsi, reason, user, in, length)
}
