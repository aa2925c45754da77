package lws

// Ptr is a position in a byte buffer: what a `uint8_t *` into a buffer is
// in lws's C idiom for building an HTTP response,
//
//	uint8_t buf[LWS_PRE + 2048], *start = &buf[LWS_PRE], *p = start,
//		*end = &buf[sizeof(buf) - 1];
//	if (lws_add_http_common_headers(wsi, HTTP_STATUS_OK, "text/html",
//			LWS_ILLEGAL_HTTP_CONTENT_LEN, &p, end))
//		return 1;
//
// which reads in Go
//
//	var buf [lws.Pre + 2048]byte
//	start := lws.PtrTo(buf[:], lws.Pre)
//	p, end := start, lws.PtrTo(buf[:], len(buf)-1)
//	if wsi.AddHTTPCommonHeaders(lws.HTTPStatusOK, "text/html",
//		lws.IllegalHTTPContentLen, &p, end) != 0 {
//		return 1
//	}
//
// A Ptr is a value, copied like a C pointer; the functions that advance
// one take a *Ptr, as lws's take a `uint8_t **`. Positions compare and
// subtract only within one buffer. The zero Ptr is C's NULL.
type Ptr struct {
	buf []byte
	off int
}

// PtrTo is &buf[off]. off may be len(buf), one past the end, as in C.
func PtrTo(buf []byte, off int) Ptr {
	if off < 0 || off > len(buf) {
		panic("lws: PtrTo: offset out of the buffer")
	}
	return Ptr{buf: buf, off: off}
}

// Add is p + n.
func (p Ptr) Add(n int) Ptr { return PtrTo(p.buf, p.off+n) }

// Diff is p - q, lws_ptr_diff(p, q): the bytes from q up to p.
func (p Ptr) Diff(q Ptr) int { return p.off - q.off }

// IsNil reports whether p is the zero Ptr, C's NULL.
func (p Ptr) IsNil() bool { return p.buf == nil }

// Bytes is the n bytes from p on, the memory a C call would read or write
// through p.
func (p Ptr) Bytes(n int) []byte { return p.buf[p.off : p.off+n] }

// Rest is the buffer from p to its end.
func (p Ptr) Rest() []byte { return p.buf[p.off:] }

// Until is the bytes from p up to end.
func (p Ptr) Until(end Ptr) []byte { return p.buf[p.off:end.off] }

// put appends b at *p, leaving room before end, as lws's header helpers
// do: it reports false, writing nothing, if b does not fit before end.
func (p *Ptr) put(end Ptr, b ...[]byte) bool {
	n := 0
	for _, s := range b {
		n += len(s)
	}
	if p.off+n >= end.off {
		return false
	}
	for _, s := range b {
		p.off += copy(p.buf[p.off:], s)
	}
	return true
}
