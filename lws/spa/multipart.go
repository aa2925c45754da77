package spa

import (
	"bytes"

	"github.com/golws/golws/lws"
)

type mpState uint8

const (
	mBody      mpState = iota // a part's data (or the preamble), watching for the boundary
	mAfter                    // after a boundary: "--" ends the form, CR starts the headers
	mAfterDash                // after a boundary and one '-'
	mToLF                     // skipping to the LF that ends a line
	mHeader                   // reading a part header line
	mDone                     // after the closing boundary: the rest is ignored
)

// multipart parses multipart/form-data as a push state machine, one piece
// of body at a time (the package doc says why not mime/multipart).
type multipart struct {
	state mpState
	// delim is the boundary as it appears between parts: CR LF "--" token.
	delim []byte
	// mp is how much of delim the last bytes matched (lws's name). Before
	// the first boundary it starts at 2: the body may open with "--token",
	// without the CR LF.
	mp int
	// seenFirst: the first boundary is behind. Until then a partial match
	// that fails gives back only what followed the CR LF, as in lws.
	seenFirst bool
	// toBody: the line mToLF skips is the blank one ending the headers.
	toBody bool

	line        []byte // the header line so far
	disposition bool   // this part had its Content-Disposition
	name        string // the part's field name
	filename    string // the part's filename; not empty makes it a file
}

// maxHeaderLine bounds a part header line. lws skips lines of any length
// but cuts a name at 31 bytes and a filename at 255; golws keeps both
// whole and fails a line longer than this instead.
const maxHeaderLine = 4096

func newMultipart(boundary string) *multipart {
	return &multipart{delim: []byte("\r\n--" + boundary), mp: 2}
}

func (m *multipart) feed(s *Spa, in []byte) bool {
	for len(in) > 0 {
		if m.state == mBody && m.mp == 0 {
			// Fast path: the bytes up to the next CR are data.
			n := bytes.IndexByte(in, '\r')
			if n < 0 {
				n = len(in)
			}
			if n > 0 {
				if !m.data(s, in[:n]) {
					return false
				}
				in = in[n:]
				continue
			}
		}
		s.consumed++
		if !m.step(s, in[0]) {
			return false
		}
		in = in[1:]
	}
	return true
}

// data takes a run of part data that holds no CR, with no boundary in
// progress: byte by byte it would be "hand the buffer on when full, then
// add the byte", which this does a stretch at a time.
func (m *multipart) data(s *Spa, run []byte) bool {
	if s.val.kind == toNowhere {
		s.consumed += len(run)
		return true
	}
	for len(run) > 0 {
		if !s.full(0) {
			s.consumed++
			return false
		}
		// One byte goes in whatever the room (as in lws), then as many
		// as fill it.
		k := 1 + min(max(s.room()-len(s.val.buf)-1, 0), len(run)-1)
		s.val.buf = append(s.val.buf, run[:k]...)
		s.consumed += k
		run = run[k:]
	}
	return true
}

func (m *multipart) step(s *Spa, c byte) bool {
	switch m.state {
	case mBody:
		return m.body(s, c)
	case mAfter, mAfterDash:
		switch {
		case c == '\r':
			m.state, m.toBody = mToLF, false
		case c == '-' && m.state == mAfter:
			m.state = mAfterDash
		case c == '-':
			m.state = mDone
		}
	case mToLF:
		if c == '\n' {
			m.state = mHeader
			if m.toBody {
				m.state = mBody
				m.mp = 0
				s.start(m.name, m.filename)
			}
		}
	case mHeader:
		switch c {
		case '\r', '\n':
			blank := len(m.line) == 0
			if !blank && !m.header(s) {
				return false
			}
			m.line = m.line[:0]
			m.state, m.toBody = mToLF, blank
			if c == '\n' {
				return m.step(s, c)
			}
		default:
			if len(m.line) >= maxHeaderLine {
				lws.Notice("lws_spa_process: part header line longer than %d", maxHeaderLine)
				return false
			}
			m.line = append(m.line, c)
		}
	}
	return true
}

// body takes one byte of part data or of the boundary after it, in lws's
// order: first hand the buffer on if the data and the boundary seen so far
// fill it, then match.
func (m *multipart) body(s *Spa, c byte) bool {
	if !s.full(m.mp) {
		return false
	}
	if m.mp > 0 && c != m.delim[m.mp] {
		// Not the boundary after all: what matched was data.
		from := 0
		if !m.seenFirst {
			from = 2
		}
		if m.mp > from && !s.putBack(m.delim[from:m.mp]) {
			return false
		}
		m.mp = 0
	}
	if c != m.delim[m.mp] {
		s.put(c)
		return true
	}
	m.mp++
	if m.mp < len(m.delim) {
		return true
	}
	// A boundary: the part before it is complete.
	m.mp = 0
	m.seenFirst = true
	m.state = mAfter
	if !s.finish() {
		return false
	}
	m.disposition, m.name, m.filename = false, "", ""
	s.field = ""
	return true
}

// end reports whether the body was complete: lws delivers nothing more at
// the end of a multipart body, so a part cut short is lost.
func (m *multipart) end(s *Spa) bool {
	if m.state != mDone {
		lws.Notice("lws_spa_finalize: multipart body without its closing boundary")
		return false
	}
	return true
}
