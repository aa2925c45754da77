package spa

import (
	"net/url"

	"github.com/golws/golws/lws"
)

// maxNameLen is the longest urlencoded field name lws takes (its
// LWS_MAX_ELEM_NAME less the NUL). A longer one fails the body.
const maxNameLen = 31

type urlState uint8

const (
	uName  urlState = iota // reading a name, up to '=' or '&'
	uValue                 // reading a value, up to '&'
	uPct1                  // after '%' in a value
	uPct2                  // after '%' and one hex digit
)

// urlencoded parses application/x-www-form-urlencoded: name=value pairs
// joined by '&', with '+' for a space and %XX for any byte.
type urlencoded struct {
	state urlState
	name  []byte // the raw name so far
	hi    byte   // the first hex digit of an escape
}

// feed parses one piece of the body, a byte at a time: lws's limits fall
// on exact bytes, and values are short (they must fit the storage).
func (u *urlencoded) feed(s *Spa, in []byte) bool {
	for _, c := range in {
		s.consumed++
		if u.state != uName && !s.full(0) {
			return false
		}
		if !u.step(s, c) {
			return false
		}
	}
	return true
}

func (u *urlencoded) step(s *Spa, c byte) bool {
	switch u.state {
	case uName:
		switch c {
		case '=':
			name, err := url.QueryUnescape(string(u.name))
			if err != nil {
				lws.Notice("lws_spa_process: bad field name %q", u.name)
				return false
			}
			s.start(name, "")
			u.name = u.name[:0]
			u.state = uValue
		case '&':
			// A name with no '=' is a field with no value, and no
			// value is never kept.
			u.name = u.name[:0]
		default:
			if len(u.name) >= maxNameLen {
				lws.Notice("lws_spa_process: Name too long...")
				return false
			}
			u.name = append(u.name, c)
		}
	case uValue:
		switch c {
		case '%':
			u.state = uPct1
		case '&':
			u.state = uName
			return s.finish()
		case '+':
			s.put(' ')
		default:
			s.put(c)
		}
	case uPct1, uPct2:
		h, ok := unhex(c)
		if !ok {
			lws.Notice("lws_spa_process: bad %%-escape")
			return false
		}
		if u.state == uPct1 {
			u.hi = h << 4
			u.state = uPct2
			return true
		}
		u.state = uValue
		s.put(u.hi | h)
	}
	return true
}

// end finishes the body: a value in progress is complete, one cut inside
// its %-escape is not (and is not kept).
func (u *urlencoded) end(s *Spa) bool {
	switch u.state {
	case uValue:
		return s.finish()
	case uPct1, uPct2:
		lws.Notice("lws_spa_finalize: body ends inside a %%-escape")
		return false
	}
	return true
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
