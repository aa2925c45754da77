package spa

import "github.com/golws/golws/lws"

// Process parses the first n bytes of in, the next piece of the body
// (lws_spa_process): pass each LWS_CALLBACK_HTTP_BODY's in and len. The
// pieces may be cut anywhere; the result does not depend on where. Values
// are kept, and file data handed to the file callback, as they complete.
//
// It returns 0, or -1 when the body cannot be parsed: a value of a kept
// field past the storage, a field name past 31 bytes or a bad %-escape in
// a urlencoded body, a multipart Content-Type without a usable boundary, a
// part header line past 4096 bytes or a second Content-Disposition in one
// part, a file callback's negative return, or, with no storage left at
// all, part data that begins like a boundary (as in lws). After a failure every later
// call returns -1 at once; the caller is expected to give up on the
// request (return -1 from its callback) and Destroy the Spa. Once
// Finalize has run, Process ignores what it is given and returns 0, as lws
// does. n outside in, a nil or destroyed Spa, or a call from the Spa's own
// file callback return -1 with an ERR log.
func (s *Spa) Process(in []byte, n int) int {
	switch {
	case s == nil:
		lws.Err("lws_spa_process: NULL spa")
		return -1
	case s.destroyed:
		lws.Err("lws_spa_process: spa used after lws_spa_destroy")
		return -1
	case n < 0 || n > len(in):
		lws.Err("lws_spa_process: length %d outside a buffer of %d", n, len(in))
		return -1
	case s.busy:
		lws.Err("lws_spa_process: called from the spa's own callback")
		return -1
	case s.finalized:
		return 0
	case s.failed:
		return -1
	}
	if s.bad != "" {
		lws.Notice("lws_spa_process: %s", s.bad)
		s.failed = true
		return -1
	}
	s.busy = true
	var ok bool
	if s.mime != nil {
		ok = s.mime.feed(s, in[:n])
	} else {
		ok = s.form.feed(s, in[:n])
	}
	s.busy = false
	if !ok {
		s.failed = true
		return -1
	}
	return 0
}

// Finalize says the body is over (lws_spa_finalize): a urlencoded value
// still in progress is kept, then the file callback gets UFSClose. Call it
// at LWS_CALLBACK_HTTP_BODY_COMPLETION, before reading the values.
//
// It returns 0 when the whole body was parsed, and -1 when it was not: a
// failed Process, a urlencoded body cut inside a %-escape, a last value
// past the storage, a multipart body without its closing boundary, or a
// file callback's negative return (lws returns 0 in all these cases). It
// also returns -1 when called from the Spa's own file callback, doing
// nothing. A second call returns what the first did; a nil Spa gives 0,
// a destroyed one -1 with an ERR log.
func (s *Spa) Finalize() int {
	switch {
	case s == nil:
		return 0
	case s.destroyed:
		lws.Err("lws_spa_finalize: spa used after lws_spa_destroy")
		return -1
	case s.busy:
		lws.Err("lws_spa_finalize: called from the spa's own callback")
		return -1
	}
	if s.finalized {
		return s.finalRet
	}
	s.busy = true
	complete := !s.failed && s.bad == ""
	if complete {
		if s.mime != nil {
			complete = s.mime.end(s)
		} else {
			complete = s.form.end(s)
		}
	}
	s.busy = false
	if !s.close() {
		complete = false
	}
	s.finalized = true
	s.finalRet = 0
	if !complete {
		s.finalRet = -1
	}
	// The parse state and its buffers are not needed any more.
	s.val = value{}
	s.form = urlencoded{}
	s.mime = nil
	return s.finalRet
}

// close delivers UFSClose once, and reports whether the callback took it.
func (s *Spa) close() bool {
	if s.closed {
		return true
	}
	s.closed = true
	if s.cb == nil {
		return true
	}
	filename := ""
	if s.mime != nil {
		filename = s.mime.filename
	}
	s.busy = true
	r := s.cb(s.cbData, s.field, filename, nil, 0, UFSClose)
	s.busy = false
	return r >= 0
}
