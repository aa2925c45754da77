package lwsc

import "github.com/golws/golws/lws"

// The HTTP API's types.
type (
	// Lws_ptr is a `uint8_t *` into a buffer: the cursor lws's response
	// builders advance (see Lws_ptr_to).
	Lws_ptr = lws.Ptr
	// Lws_token_indexes is enum lws_token_indexes.
	Lws_token_indexes = lws.TokenIndex
	// Lws_process_html_args is struct lws_process_html_args.
	Lws_process_html_args = lws.ProcessHTMLArgs
	// Lws_filepos_t is lws_filepos_t: a content length or file offset.
	Lws_filepos_t = int64
)

// Lws_ptr_to is &buf[off], a cursor into buf. C's
//
//	uint8_t buf[LWS_PRE + 2048], *start = &buf[LWS_PRE], *p = start,
//		*end = &buf[sizeof(buf) - 1];
//
// reads
//
//	var buf [LWS_PRE + 2048]byte
//	start := Lws_ptr_to(buf[:], LWS_PRE)
//	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)
//
// and C's p += n reads p = p.Add(n). off may be len(buf), one past the
// end, as in C.
func Lws_ptr_to(buf []byte, off int) Lws_ptr { return lws.PtrTo(buf, off) }

// Lws_ptr_diff is head - tail, in bytes (lws_ptr_diff).
func Lws_ptr_diff(head, tail Lws_ptr) int { return head.Diff(tail) }

// Lws_ptr_diff_size_t is head - tail as a size (lws_ptr_diff_size_t);
// sizes are int in Go.
func Lws_ptr_diff_size_t(head, tail Lws_ptr) int { return head.Diff(tail) }

// bytesOf is the memory a C pointer argument reaches: a slice from its
// start, or a cursor's buffer from the cursor on.
func bytesOf[B []byte | Lws_ptr](b B) []byte {
	if p, ok := any(b).(Lws_ptr); ok {
		return p.Rest()
	}
	return any(b).([]byte)
}

// Lws_add_http_header_status is Wsi.AddHTTPHeaderStatus: the status line
// and the headers lws adds to every response.
func Lws_add_http_header_status(wsi *Lws, code int, p *Lws_ptr, end Lws_ptr) int {
	return wsi.AddHTTPHeaderStatus(code, p, end)
}

// Lws_add_http_header_by_name is Wsi.AddHTTPHeaderByName with the first
// length bytes of value; name is written as C passes it, "x-foo:".
func Lws_add_http_header_by_name(wsi *Lws, name, value string, length int, p *Lws_ptr, end Lws_ptr) int {
	v, ok := headBytes(value, length)
	if !ok {
		return 1
	}
	return wsi.AddHTTPHeaderByName(name, v, p, end)
}

// Lws_add_http_header_by_token is Wsi.AddHTTPHeaderByToken with the first
// length bytes of value.
func Lws_add_http_header_by_token(wsi *Lws, token Lws_token_indexes, value string, length int, p *Lws_ptr, end Lws_ptr) int {
	v, ok := headBytes(value, length)
	if !ok {
		return 1
	}
	return wsi.AddHTTPHeaderByToken(token, v, p, end)
}

// headBytes is value[:length], refused (logged at ERR) where C would read
// past the value.
func headBytes(value string, length int) (string, bool) {
	if length < 0 || length > len(value) {
		lws.Err("lws_add_http_header: length %d outside a value of %d", length, len(value))
		return "", false
	}
	return value[:length], true
}

// Lws_add_http_header_content_length is Wsi.AddHTTPHeaderContentLength.
func Lws_add_http_header_content_length(wsi *Lws, content_length Lws_filepos_t, p *Lws_ptr, end Lws_ptr) int {
	return wsi.AddHTTPHeaderContentLength(content_length, p, end)
}

// Lws_add_http_common_headers is Wsi.AddHTTPCommonHeaders; C's NULL
// content type is "".
func Lws_add_http_common_headers(wsi *Lws, code int, content_type string, content_len Lws_filepos_t, p *Lws_ptr, end Lws_ptr) int {
	return wsi.AddHTTPCommonHeaders(code, content_type, content_len, p, end)
}

// Lws_finalize_http_header is Wsi.FinalizeHTTPHeader.
func Lws_finalize_http_header(wsi *Lws, p *Lws_ptr, end Lws_ptr) int {
	return wsi.FinalizeHTTPHeader(p, end)
}

// Lws_finalize_write_http_header is Wsi.FinalizeWriteHTTPHeader: the head
// from start to *p ends and goes out.
func Lws_finalize_write_http_header(wsi *Lws, start Lws_ptr, p *Lws_ptr, end Lws_ptr) int {
	return wsi.FinalizeWriteHTTPHeader(start, p, end)
}

// Lws_return_http_status is Wsi.ReturnHTTPStatus; C's NULL html_body is
// "".
func Lws_return_http_status(wsi *Lws, code int, html_body string) int {
	return wsi.ReturnHTTPStatus(code, html_body)
}

// Lws_http_redirect is Wsi.HTTPRedirect to the first length bytes of loc.
func Lws_http_redirect(wsi *Lws, code int, loc string, length int, p *Lws_ptr, end Lws_ptr) int {
	l, ok := headBytes(loc, length)
	if !ok {
		return -1
	}
	return wsi.HTTPRedirect(code, l, p, end)
}

// Lws_http_transaction_completed is Wsi.TransactionCompleted.
func Lws_http_transaction_completed(wsi *Lws) int { return wsi.TransactionCompleted() }

// Lws_http_mark_sse is Wsi.MarkSSE.
func Lws_http_mark_sse(wsi *Lws) int { return wsi.MarkSSE() }
