package lws

import (
	"strconv"
	"strings"
)

// Building an HTTP response head the lws way: each call appends to the
// caller's buffer at *p, never reaching end, and returns 0, or 1 when the
// buffer is too small (nothing usable was written then). The bytes are
// what goes on the wire: golws takes the head they form from the
// transaction's first write (see DEVIATIONS for what net/http changes in
// it).

// Flags OR-ed onto the code given to AddHTTPHeaderStatus.
const (
	// AddHTTPHeaderCodeMask is LWSAHH_CODE_MASK: the bits of the code
	// that are the status.
	AddHTTPHeaderCodeMask = 1<<16 - 1
	// AddHTTPHeaderNoServerName is LWSAHH_FLAG_NO_SERVER_NAME: leave the
	// server header out this time.
	AddHTTPHeaderNoServerName = 1 << 30
)

// IllegalHTTPContentLen is LWS_ILLEGAL_HTTP_CONTENT_LEN: passed as the
// content length to AddHTTPCommonHeaders, it says the length is unknown:
// the response gets "connection: close" instead and ends with the
// connection, as in lws.
const IllegalHTTPContentLen = -1

// RecommendedMinHeaderSpace is LWS_RECOMMENDED_MIN_HEADER_SPACE: room
// enough for a response head.
const RecommendedMinHeaderSpace = 2048

// AddHTTPHeaderByName appends the header "name: value\r\n"
// (lws_add_http_header_by_name). A name without a colon gets ": " after
// it, one with a colon (lws's style, "content-type:") gets " ".
func (w *Wsi) AddHTTPHeaderByName(name, value string, p *Ptr, end Ptr) int {
	sep := ": "
	if strings.Contains(name, ":") {
		sep = " "
	}
	if !p.put(end, []byte(name), []byte(sep), []byte(value), crlf) {
		return 1
	}
	return 0
}

var crlf = []byte("\r\n")

// AddHTTPHeaderByToken appends the header token names
// (lws_add_http_header_by_token); an unknown token fails.
func (w *Wsi) AddHTTPHeaderByToken(token TokenIndex, value string, p *Ptr, end Ptr) int {
	name := TokenToString(token)
	if name == "" {
		return 1
	}
	return w.AddHTTPHeaderByName(name, value, p, end)
}

// AddHTTPHeaderContentLength appends "content-length:" and notes the
// length as the response's (lws_add_http_header_content_length).
func (w *Wsi) AddHTTPHeaderContentLength(length int64, p *Ptr, end Ptr) int {
	return w.AddHTTPHeaderByToken(TokenHTTPContentLength, strconv.FormatInt(length, 10), p, end)
}

// AddHTTPHeaderStatus appends the status line, then lws's headers for
// every response: the vhost's extra headers (ContextCreationInfo.Headers)
// merged with those of the mount the request went to (HTTPMount.Headers),
// the security headers if the vhost enforces them, the server name
// (ContextCreationInfo.ServerString) unless code has
// AddHTTPHeaderNoServerName, and Strict-Transport-Security with
// ServerOptionSTS (lws_add_http_header_status).
func (w *Wsi) AddHTTPHeaderStatus(code int, p *Ptr, end Ptr) int {
	status := code & AddHTTPHeaderCodeMask
	var mh *ProtocolVhostOptions
	if h := w.http; h != nil {
		h.status = status
		if h.mount != nil {
			mh = h.mount.Headers
		}
	}
	line := httpVersion(w.req) + " " + strconv.Itoa(status) + " " + statusDescription(status)
	if !p.put(end, []byte(line), crlf) {
		return 1
	}
	if !w.vh.eachStatusHeader(mh, code&AddHTTPHeaderNoServerName != 0, func(name, value string) bool {
		return w.AddHTTPHeaderByName(name, value, p, end) == 0
	}) {
		return 1
	}
	if p.off >= end.off-2 {
		Err("lws_add_http_header_status: reached end of buffer")
		return 1
	}
	return 0
}

// eachStatusHeader calls add with each header lws_add_http_header_status
// puts after the status line, in lws's order, and stops at the first add
// that fails, reporting false: the vhost's headers, a mount header of the
// same name taking the place of a vhost one; the mount's other headers;
// the security headers neither list gives, if the vhost enforces them; the
// server name unless noServer; Strict-Transport-Security with
// ServerOptionSTS.
func (vh *Vhost) eachStatusHeader(mount *ProtocolVhostOptions, noServer bool, add func(name, value string) bool) bool {
	for h := vh.headers; h != nil; h = h.Next {
		name, value := h.Name, h.Value
		if o := findHeader(mount, name); o != nil {
			name, value = o.Name, o.Value
		}
		if !add(name, value) {
			return false
		}
	}
	for h := mount; h != nil; h = h.Next {
		if findHeader(vh.headers, h.Name) == nil && !add(h.Name, h.Value) {
			return false
		}
	}
	if vh.options&ServerOptionHTTPHeadersSecurityBestPracticesEnforce != 0 {
		for _, h := range securityHeaders {
			if findHeader(vh.headers, h.name) != nil || findHeader(mount, h.name) != nil {
				continue
			}
			if !add(h.name, h.value) {
				return false
			}
		}
	}
	if vh.ctx.serverString != "" && !noServer && !add(TokenToString(TokenHTTPServer), vh.ctx.serverString) {
		return false
	}
	if vh.options&ServerOptionSTS != 0 && !add("Strict-Transport-Security:", "max-age=15768000 ; includeSubDomains") {
		return false
	}
	return true
}

// AddHTTPCommonHeaders appends the status line and lws's headers, the
// content type if not empty, and the content length; with
// IllegalHTTPContentLen it appends "connection: close" instead and the
// connection closes after the response (lws_add_http_common_headers).
func (w *Wsi) AddHTTPCommonHeaders(code int, contentType string, contentLen int64, p *Ptr, end Ptr) int {
	if w.AddHTTPHeaderStatus(code, p, end) != 0 {
		return 1
	}
	if contentType != "" && w.AddHTTPHeaderByToken(TokenHTTPContentType, contentType, p, end) != 0 {
		return 1
	}
	if contentLen != IllegalHTTPContentLen {
		return w.AddHTTPHeaderContentLength(contentLen, p, end)
	}
	if w.AddHTTPHeaderByToken(TokenConnection, "close", p, end) != 0 {
		return 1
	}
	if h := w.http; h != nil {
		h.keepAlive = false
	}
	return 0
}

// FinalizeHTTPHeader ends the head with its blank line
// (lws_finalize_http_header).
func (w *Wsi) FinalizeHTTPHeader(p *Ptr, end Ptr) int {
	if end.Diff(*p) < 3 || !p.put(end, crlf) {
		return 1
	}
	return 0
}

// FinalizeWriteHTTPHeader ends the head and writes it, from start to *p,
// as WriteHTTPHeaders (lws_finalize_write_http_header).
func (w *Wsi) FinalizeWriteHTTPHeader(start Ptr, p *Ptr, end Ptr) int {
	if w.FinalizeHTTPHeader(p, end) != 0 {
		return 1
	}
	n := p.Diff(start)
	if w.Write(start.Bytes(n), WriteHTTPHeaders) != n {
		return 1
	}
	return 0
}

// HTTPRedirect appends and writes a whole redirect response: status code,
// location loc and an empty body (lws_http_redirect). It returns what
// Write returned, or -1 if the head did not fit.
func (w *Wsi) HTTPRedirect(code int, loc string, p *Ptr, end Ptr) int {
	start := *p
	if w.AddHTTPHeaderStatus(code, p, end) != 0 ||
		w.AddHTTPHeaderByToken(TokenHTTPLocation, loc, p, end) != 0 ||
		// On a kept-alive connection the client needs to know the
		// (empty) body is over to follow the redirect.
		w.AddHTTPHeaderByToken(TokenHTTPContentType, "text/html", p, end) != 0 ||
		w.AddHTTPHeaderByToken(TokenHTTPContentLength, "0", p, end) != 0 ||
		w.FinalizeHTTPHeader(p, end) != 0 {
		return -1
	}
	n := p.Diff(start)
	return w.Write(start.Bytes(n), WriteHTTPHeaders)
}

// ReturnHTTPStatus writes a whole response with status code and lws's
// small HTML page for it, htmlBody inside (lws_return_http_status). A 404
// on a vhost with ErrorDocument404 is a 302 to that document instead. It
// returns 0, or 1 if the response could not be written. Like lws, it does
// not end the transaction: follow it with TransactionCompleted.
func (w *Wsi) ReturnHTTPStatus(code int, htmlBody string) int {
	buf := make([]byte, Pre+RecommendedMinHeaderSpace+512)
	start := PtrTo(buf, Pre)
	p, end := start, PtrTo(buf, len(buf))
	if doc := w.vh.errorDocument404; doc != "" && code == HTTPStatusNotFound && w.http != nil && !w.http.handling404 {
		w.http.handling404 = true
		if w.HTTPRedirect(HTTPStatusFound, doc, &p, end) > 0 {
			return 0
		}
		p = start
	}
	body := statusPage(code, htmlBody)
	if w.AddHTTPHeaderStatus(code, &p, end) != 0 ||
		w.AddHTTPHeaderByToken(TokenHTTPContentType, "text/html", &p, end) != 0 ||
		w.AddHTTPHeaderByToken(TokenHTTPContentLength, strconv.Itoa(len(body)), &p, end) != 0 ||
		w.FinalizeHTTPHeader(&p, end) != 0 {
		return 1
	}
	// On HTTP/1 lws sends head and body in one write.
	out := append(p.buf[start.off:p.off:p.off], body...)
	if w.Write(out, WriteHTTP) != len(out) {
		return 1
	}
	return 0
}

// httpVersion is the status line's protocol: the request's, as lws
// answers HTTP/1.0 with HTTP/1.0.
func httpVersion(r interface{ ProtoAtLeast(int, int) bool }) string {
	if r != nil && !r.ProtoAtLeast(1, 1) {
		return "HTTP/1.0"
	}
	return "HTTP/1.1"
}

// statusDescription is the text lws puts after a status code.
func statusDescription(code int) string {
	switch {
	case code >= 400 && code < 400+len(statusText4xx):
		return statusText4xx[code-400]
	case code >= 500 && code < 500+len(statusText5xx):
		return statusText5xx[code-500]
	case code == 100:
		return "Continue"
	case code == 200:
		return "OK"
	case code == 304:
		return "Not Modified"
	case code >= 300 && code < 400:
		return "Redirect"
	}
	return ""
}

var statusText4xx = [...]string{
	"Bad Request", "Unauthorized", "Payment Required", "Forbidden",
	"Not Found", "Method Not Allowed", "Not Acceptable",
	"Proxy Auth Required", "Request Timeout", "Conflict", "Gone",
	"Length Required", "Precondition Failed", "Request Entity Too Large",
	"Request URI too Long", "Unsupported Media Type",
	"Requested Range Not Satisfiable", "Expectation Failed",
}

var statusText5xx = [...]string{
	"Internal Server Error", "Not Implemented", "Bad Gateway",
	"Service Unavailable", "Gateway Timeout", "HTTP Version Not Supported",
}

// securityHeaders are lws's "best practices" headers
// (LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE), in
// the order lws sends them.
var securityHeaders = []struct{ name, value string }{
	{"content-security-policy:", "default-src 'none'; img-src 'self' data: ; script-src 'self'; font-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none';form-action 'self';"},
	{"x-content-type-options:", "nosniff"},
	{"x-xss-protection:", "1; mode=block"},
	{"x-frame-options:", "deny"},
	{"referrer-policy:", "no-referrer"},
}

// findHeader is the first header of list named name, compared as lws
// compares them: case-insensitive, a trailing colon ignored; or nil.
func findHeader(list *ProtocolVhostOptions, name string) *ProtocolVhostOptions {
	name = strings.TrimSuffix(name, ":")
	for h := list; h != nil; h = h.Next {
		if strings.EqualFold(strings.TrimSuffix(h.Name, ":"), name) {
			return h
		}
	}
	return nil
}
