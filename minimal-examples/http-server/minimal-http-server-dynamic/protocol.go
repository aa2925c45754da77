package main

import (
	"time"

	. "github.com/golws/golws/include-like"
)

// perSessionData is C's struct pss. HTTP is stateless: it lives for one
// HTTP transaction, which with keep-alive is shorter than the connection.
type perSessionData struct {
	path    [128]byte
	pathLen int // C reads path up to its NUL

	times  int
	budget int

	contentLines int
}

func callbackDynamicHTTP(wsi *Lws, reason Lws_callback_reasons, user, in any, length int) int {
	pss, _ := user.(*perSessionData)
	var buf [LWS_PRE + 2048]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)

	switch reason {
	case LWS_CALLBACK_HTTP:
		// The whole URL would be lws_hdr_copy(wsi, ..., WSI_TOKEN_GET_URI);
		// in holds what follows the mountpoint: "/mypath" for
		// "/dyn/mypath".
		pss.pathLen = Lws_snprintf(pss.path[:], len(pss.path), "%s", in)

		peer := Lws_get_peer_simple(wsi, buf[:])
		Lwsl_notice("%s: HTTP: connection %s, path %s", "callback_dynamic_http",
			peer, pss.path[:pss.pathLen])

		// How to read a urlarg x=value.
		{
			var value [100]byte
			z := Lws_get_urlarg_by_name_safe(wsi, "x", value[:], len(value)-1)

			if z >= 0 {
				// C: lwsl_hexdump_notice(value, z), which golws
				// lacks; the value is logged as text instead.
				Lwsl_notice("x=%s", value[:z])
			}
		}

		// Three ways with the content length: HTTP/1.0 or
		// "connection: close" need none (but lose keep-alive),
		// HTTP/1.1 keep-alive needs one, HTTP/2 ends the stream with
		// LWS_WRITE_HTTP_FINAL. LWS_ILLEGAL_HTTP_CONTENT_LEN makes lws
		// send "connection: close", so the length need not be known
		// before the content is made.
		if Lws_add_http_common_headers(wsi, HTTP_STATUS_OK,
			"text/html",
			LWS_ILLEGAL_HTTP_CONTENT_LEN, // no content len
			&p, end) != 0 {
			return 1
		}
		if Lws_finalize_write_http_header(wsi, start, &p, end) != 0 {
			return 1
		}

		pss.times = 0
		pss.budget = atoi(afterFirst(in.(string)))
		pss.contentLines = 0
		if pss.budget == 0 {
			pss.budget = 10
		}

		// write the body separately
		Lws_callback_on_writable(wsi)

		return 0

	case LWS_CALLBACK_HTTP_WRITEABLE:
		if pss == nil || pss.times > pss.budget {
			break
		}

		// The reply goes in pieces of about 2 kB, one per WRITEABLE:
		// lws would have to buffer what the kernel does not take of a
		// big write, and over HTTP/2 a big frame holds up the other
		// streams. The last piece is LWS_WRITE_HTTP_FINAL, which ends
		// an HTTP/2 stream.
		n := LWS_WRITE_HTTP
		if pss.times == pss.budget {
			n = LWS_WRITE_HTTP_FINAL
		}

		if pss.times == 0 {
			// the first time, we print some html title
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
			// after the first time, we create bulk content.
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

		// HTTP/1.0 without keep-alive: the connection closes.
		// HTTP/1.1, or 1.0 with keep-alive: on to the next transaction.
		// HTTP/2: the stream ends, the connection stays.
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
