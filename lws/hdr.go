package lws

import (
	"slices"
	"strings"
)

// Reading the request the lws way. lws parses a request into its header
// table: each header it knows, and each part of the request line, under a
// token index, as one fragment per occurrence; headers it does not know
// (custom headers) under their names. golws answers the same questions
// from the request it keeps (see Header). While there is none, every
// reader answers as lws does for a wsi without a header table: absent.
//
// What a token holds:
//   - the method's token (TokenGetURI, TokenPostURI, TokenPutURI ...): the
//     request path normalised as lws normalises it, the in of
//     FILTER_HTTP_CONNECTION; the other method tokens are absent;
//   - TokenHTTP: the protocol version, "HTTP/1.1";
//   - TokenHTTPURIArgs: the query, one fragment per argument (see
//     uriArgs), present when the request has a '?';
//   - a header token: one fragment per header line, the value without the
//     whitespace around it; every fragment after the first starts with a
//     space, as lws stores a repeated header, so that HdrCopy reads
//     "a, b". Sec-WebSocket-Origin counts as Origin, as in lws.

// hdrFrags returns the fragments of token h, nil when h is absent.
func (w *Wsi) hdrFrags(h TokenIndex) []string {
	r := w.req
	if r == nil {
		return nil
	}
	switch h {
	case TokenHTTP:
		return []string{r.Proto}
	case TokenHTTPURIArgs:
		if r.URL.RawQuery == "" && !r.URL.ForceQuery {
			return nil
		}
		return uriArgs(r.URL.RawQuery)
	case TokenHost:
		// net/http takes Host out of the header map.
		if r.Host == "" {
			return nil
		}
		return []string{r.Host}
	case TokenHTTPTransferEncoding:
		// ... and Transfer-Encoding, which it has parsed.
		return continued(r.TransferEncoding)
	case TokenOrigin:
		return continued(slices.Concat(r.Header.Values("Origin"), r.Header.Values("Sec-WebSocket-Origin")))
	case TokenSworigin:
		return nil
	}
	if i := methodIndex(r.Method); i >= 0 && methodTokens[i] == h {
		uri, err := normalizeURI(r.URL.EscapedPath())
		if err != nil || uri == "" {
			return nil
		}
		return []string{uri}
	}
	if name := tokenNames[h]; isHeaderName(name) {
		return continued(r.Header.Values(strings.TrimSuffix(name, ":")))
	}
	return nil
}

// continued lays the values of a repeated header out as lws's fragments.
func continued(vs []string) []string {
	if len(vs) == 0 {
		return nil
	}
	out := make([]string, len(vs))
	out[0] = vs[0]
	for i, v := range vs[1:] {
		out[i+1] = " " + v
	}
	return out
}

// isHeaderName reports whether a token name names a header of an HTTP/1
// request ("host:"), rather than a method ("get "), an HTTP/2
// pseudo-header (":path") or no token.
func isHeaderName(name string) bool {
	return strings.HasSuffix(name, ":") && !strings.HasPrefix(name, ":")
}

// methodTokens are the methods lws knows, in the order of lws's table:
// HTTPGetURIAndMethod returns an index into it.
var methodTokens = [...]TokenIndex{
	TokenGetURI, TokenPostURI, TokenOptionsURI, TokenPutURI,
	TokenPatchURI, TokenDeleteURI, TokenConnect, TokenHeadURI,
}

var methodNames = [...]string{"GET", "POST", "OPTIONS", "PUT", "PATCH", "DELETE", "CONNECT", "HEAD"}

// methodIndex is the index of method in methodTokens, -1 for a method lws
// does not know. lws reads methods case-insensitively.
func methodIndex(method string) int {
	for i, m := range methodNames {
		if strings.EqualFold(m, method) {
			return i
		}
	}
	return -1
}

// HdrTotalLength returns the length of token h, all its fragments joined
// by one separator each, without a NUL; 0 when h is absent
// (lws_hdr_total_length).
func (w *Wsi) HdrTotalLength(h TokenIndex) int {
	frags := w.hdrFrags(h)
	if frags == nil {
		return 0
	}
	n := len(frags) - 1
	for _, f := range frags {
		n += len(f)
	}
	return n
}

// HdrExtant reports whether token h is present, even empty
// (lws_hdr_extant): a header sent without a value is extant with length
// 0.
func (w *Wsi) HdrExtant(h TokenIndex) bool { return w.hdrFrags(h) != nil }

// HdrFragmentLength returns the length of fragment fragIdx of token h, 0
// when there is no such fragment (lws_hdr_fragment_length).
func (w *Wsi) HdrFragmentLength(h TokenIndex, fragIdx int) int {
	frags := w.hdrFrags(h)
	if fragIdx < 0 || fragIdx >= len(frags) {
		return 0
	}
	return len(frags[fragIdx])
}

// HdrCopy copies token h, its fragments joined, into buf with a NUL after
// it, and returns its length (lws_hdr_copy). n is the room at buf, NUL
// included, as C's len; golws never writes past len(buf) whatever n says.
// It first writes a NUL at buf[0], then returns 0 if h is absent or
// empty, -1 if it does not fit. Fragments are joined by ',' (the fragments
// after the first starting with a space), by ';' for TokenHTTPCookie and
// TokenHTTPSetCookie, by '&' for TokenHTTPURIArgs.
func (w *Wsi) HdrCopy(buf []byte, n int, h TokenIndex) int {
	if len(buf) > 0 {
		buf[0] = 0
	}
	total := w.HdrTotalLength(h)
	if total == 0 {
		return 0
	}
	if total >= min(n, len(buf)) {
		return -1
	}
	sep := byte(',')
	switch h {
	case TokenHTTPCookie, TokenHTTPSetCookie:
		sep = ';'
	case TokenHTTPURIArgs:
		sep = '&'
	}
	o := 0
	for i, f := range w.hdrFrags(h) {
		if i > 0 {
			buf[o] = sep
			o++
		}
		o += copy(buf[o:], f)
	}
	buf[o] = 0
	return total
}

// HdrCopyFragment copies fragment fragIdx of token h into buf with a NUL
// after it and returns its length (lws_hdr_copy_fragment): -1 if there is
// no such fragment, -2 if it does not fit in n bytes with its NUL (buf is
// left alone then). The fragments of TokenHTTPURIArgs are the query's
// arguments, "x=1" and "y=2" for ?x=1&y=2.
func (w *Wsi) HdrCopyFragment(buf []byte, n int, h TokenIndex, fragIdx int) int {
	frags := w.hdrFrags(h)
	if fragIdx < 0 || fragIdx >= len(frags) {
		return -1
	}
	f := frags[fragIdx]
	if len(f) >= min(n, len(buf)) {
		return -2
	}
	copy(buf, f)
	buf[len(f)] = 0
	return len(f)
}

// HTTPGetURIAndMethod returns the request's method, as an index into lws's
// table of methods (0 GET, 1 POST, 2 OPTIONS, 3 PUT, 4 PATCH, 5 DELETE, 6
// CONNECT, 7 HEAD), and its normalised URI (lws_http_get_uri_and_method).
// Without a request, or for a method lws does not know, it logs at WARN
// and returns -1 and "".
func (w *Wsi) HTTPGetURIAndMethod() (method int, uri string) {
	if r := w.req; r != nil {
		if i := methodIndex(r.Method); i >= 0 {
			if frags := w.hdrFrags(methodTokens[i]); frags != nil {
				return i, frags[0]
			}
		}
	}
	Warn("Missing URI in HTTP request")
	return -1, ""
}
