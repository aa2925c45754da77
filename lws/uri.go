package lws

import "errors"

// Why lws refuses a request path.
var (
	errURIEscape = errors.New("lws: bad %-escape in the request path") // lws answers 403
	errURINUL    = errors.New("lws: NUL in the request path")          // lws drops the connection
)

// normalizeURI turns a request path as sent (percent-encoded, without the
// query) into what lws hands LWS_CALLBACK_HTTP and matches mounts against:
// %XX decoded once, '+' read as a space, runs of '/' made one, "/./"
// dropped and "/../" taking back the segment before it, never above the
// root. A segment merely starting with dots ("/.well-known", "/..x") is
// kept as it is.
func normalizeURI(raw string) (string, error) {
	out := make([]byte, 0, len(raw))
	const (
		idle = iota
		slash
		slashDot
		slashDotDot
	)
	st := idle
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		enc := false
		if c == '%' {
			if i+2 >= len(raw) || unhex(raw[i+1]) < 0 || unhex(raw[i+2]) < 0 {
				return "", errURIEscape
			}
			c = byte(unhex(raw[i+1])<<4 | unhex(raw[i+2]))
			i += 2
			enc = true
		}
		if c == 0 {
			return "", errURINUL
		}
		if c == '+' && !enc {
			c = ' '
		}
		switch st {
		case slash:
			switch c {
			case '/':
				continue
			case '.':
				st = slashDot
				continue
			}
		case slashDot:
			switch c {
			case '.':
				st = slashDotDot
				continue
			case '/':
				st = slash
				continue
			}
			out = append(out, '.')
		case slashDotDot:
			if c == '/' {
				out = backUp(out)
				st = slash
				continue
			}
			out = append(out, '.', '.')
		}
		st = idle
		if c == '/' {
			st = slash
		}
		out = append(out, c)
	}
	switch st {
	case slashDot:
		// A trailing "/." is dropped, as in lws: "/a/." is "/a/".
	case slashDotDot:
		// A trailing "/.." takes back the segment before it, and its
		// slash, as in lws: "/x/y/.." is "/x".
		out = backUp(out)
		if len(out) > 1 {
			out = out[:len(out)-1]
		}
	}
	return string(out), nil
}

// backUp drops the last segment of out, which ends in '/', keeping the
// '/' before it: "/a/b/" becomes "/a/", "/" stays "/".
func backUp(out []byte) []byte {
	if len(out) <= 1 {
		return out
	}
	i := len(out) - 2
	for i > 0 && out[i] != '/' {
		i--
	}
	return out[:i+1]
}

func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
