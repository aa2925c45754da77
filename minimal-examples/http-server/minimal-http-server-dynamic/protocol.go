package main

import (
	"time"

	. "github.com/golws/golws/include-like"
)

// perSessionData is C's struct pss: the state of one page while it is
// written. lws gives it to one HTTP transaction, not to the connection.
type perSessionData struct {
	path    [128]byte
	pathLen int // C reads path up to its NUL

	times  int // pieces written so far
	budget int // the last piece's number: budget+1 pieces in all

	contentLines int
}

// callbackDynamicHTTP writes the /dyn pages. LWS_CALLBACK_HTTP sends the
// head and asks for a WRITEABLE; each WRITEABLE then makes one piece of
// the page in buf and writes it, until the budget is spent.
func callbackDynamicHTTP(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
	pss, _ := user.(*perSessionData)
	var buf [LWS_PRE + 2048]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)

	switch reason {
	case LWS_CALLBACK_HTTP:
		// The mount names its protocol, so in is the URI after "/dyn"
		// ("/3" for /dyn/3, "" for /dyn); the page shows it.
		pss.pathLen = Lws_snprintf(pss.path[:], len(pss.path), "%s", in)

		peer := Lws_get_peer_simple(wsi, buf[:])
		Lwsl_notice("%s: HTTP: connection %s, path %s", "callback_dynamic_http",
			peer, pss.path[:pss.pathLen])

		// A urlarg, if the client sent one: /dyn/a?x=1 logs "x=1".
		{
			var value [100]byte
			z := Lws_get_urlarg_by_name_safe(wsi, "x", value[:], len(value)-1)

			if z >= 0 {
				// C: lwsl_hexdump_notice(value, z), which golws
				// lacks; the value is logged as text instead.
				Lwsl_notice("x=%s", value[:z])
			}
		}

		// The page is made as it is sent, so its length is not known
		// now. Saying so (LWS_ILLEGAL_HTTP_CONTENT_LEN) makes the head
		// carry "connection: close" on HTTP/1.x: the end of the page is
		// the end of the connection, and keep-alive is given up.
		if Lws_add_http_common_headers(wsi, HTTP_STATUS_OK,
			"text/html",
			LWS_ILLEGAL_HTTP_CONTENT_LEN,
			&p, end) != 0 {
			return 1
		}
		if Lws_finalize_write_http_header(wsi, start, &p, end) != 0 {
			return 1
		}

		// /dyn/N, N > 0, asks for N+1 pieces; anything else gets eleven.
		pss.times = 0
		pss.budget = atoi(afterFirst(in.(string)))
		pss.contentLines = 0
		if pss.budget == 0 {
			pss.budget = 10
		}

		// The body goes from WRITEABLE, a piece at a time.
		Lws_callback_on_writable(wsi)

		return 0

	case LWS_CALLBACK_HTTP_WRITEABLE:
		if pss == nil || pss.times > pss.budget {
			break
		}

		// One piece of at most buf's 2 kB per WRITEABLE keeps what a
		// slow client has not taken to one buffer's worth, rather than
		// the whole page. The last piece goes as LWS_WRITE_HTTP_FINAL,
		// which marks the end of the response.
		n := LWS_WRITE_HTTP
		if pss.times == pss.budget {
			n = LWS_WRITE_HTTP_FINAL
		}

		if pss.times == 0 {
			// Piece 0: a small page naming the path and the time.
			t := time.Now()
			p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p), "<html>"+
				"<head><meta charset=utf-8 "+
				"http-equiv=\"Content-Language\" "+
				"content=\"en\"/></head><body>"+
				"<img src=\"/"+logo+"\">"+
				"<br>Dynamic content for '%s' from mountpoint."+
				"<br>Time: %s<br><br>"+
				"</body></html>", pss.path[:pss.pathLen],
				ctime(t)))
		} else {
			// The other pieces: numbered filler lines up to the
			// end of buf.
			for Lws_ptr_diff(end, p) > 80 {
				p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p),
					"%d.%d: this is some content... ",
					pss.times, pss.contentLines))
				pss.contentLines++
			}

			p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p), "<br><br>"))
		}

		pss.times++
		if Lws_write(wsi, start, Lws_ptr_diff_size_t(p, start), n) !=
			Lws_ptr_diff(p, start) {
			return 1
		}

		// After the last piece the transaction is over. With no
		// content length the connection cannot carry another request,
		// so TransactionCompleted says 1 and the -1 closes it.
		if n == LWS_WRITE_HTTP_FINAL {
			if Lws_http_transaction_completed(wsi) != 0 {
				return -1
			}
		} else {
			Lws_callback_on_writable(wsi)
		}

		return 0
	}

	return Lws_callback_http_dummy(wsi, reason, user, in, length)
}
