package lws

import "strings"

// uriArgs splits a raw query into arguments and decodes each as lws does
// while it parses the request line: an '&' or ';' as sent ends an
// argument; %XX is decoded; '+' as sent is a space; an encoded '=' before
// the argument's first '=' as sent becomes '_', so that it cannot split
// name from value. A '%' not followed by two hex digits is kept as it is
// (lws refuses such a request).
//
// Two things differ from lws, where lws is wrong: an empty last argument
// ("?a=1&", or "?" alone) is empty, where lws stores "/" in it; a %00 in a
// value is kept with what follows it, where lws drops the argument's
// last byte.
func uriArgs(raw string) []string {
	var args []string
	var cur []byte
	valued := false // the argument's first '=' as sent has passed
	for i := 0; i < len(raw); i++ {
		c, enc := raw[i], false
		if c == '%' && i+2 < len(raw) && unhex(raw[i+1]) >= 0 && unhex(raw[i+2]) >= 0 {
			c, enc = byte(unhex(raw[i+1])<<4|unhex(raw[i+2])), true
			i += 2
		}
		switch {
		case !enc && (c == '&' || c == ';'):
			args = append(args, string(cur))
			cur, valued = cur[:0], false
			continue
		case c == '=' && !enc:
			valued = true
		case c == '=' && !valued:
			c = '_'
		case c == '+' && !enc:
			c = ' '
		}
		cur = append(cur, c)
	}
	return append(args, string(cur))
}

// URLArgByName copies the value of query argument name into buf with a
// NUL after it and returns its length (lws_get_urlarg_by_name_safe): -1 if
// there is no such argument, no request, or n is 0; -2 if the value does
// not fit in n bytes with its NUL. name is "x=" or "x", as lws takes both;
// the value is decoded as lws decodes arguments ('+' and %XX). An argument
// without '=' ("?flag") has the value "".
//
// Unlike lws, a name without '=' matches only that argument: lws also
// takes it as the start of a longer name, so that "x" would find "xy=1"
// and return "y=1".
func (w *Wsi) URLArgByName(name string, buf []byte, n int) int {
	if n == 0 {
		return -1
	}
	v, ok := w.urlArg(name)
	if !ok {
		return -1
	}
	if len(v) >= min(n, len(buf)) {
		return -2
	}
	copy(buf, v)
	buf[len(v)] = 0
	return len(v)
}

// urlArg finds query argument name ("x" or "x=") as URLArgByName does.
func (w *Wsi) urlArg(name string) (string, bool) {
	if w.req == nil {
		return "", false
	}
	for _, arg := range w.hdrFrags(TokenHTTPURIArgs) {
		v, ok := strings.CutPrefix(arg, name)
		if !strings.HasSuffix(name, "=") && ok && v != "" {
			v, ok = strings.CutPrefix(v, "=")
		}
		if ok {
			return v, true
		}
	}
	return "", false
}
