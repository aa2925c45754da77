package lws

import (
	"maps"
	"slices"
	"strings"
)

// Custom headers: those lws has no token for ("dnt:", "x-foo:"), which it
// keeps under their names. A name is given as lws takes it, with its
// colon; a name without one matches nothing, as in lws.

// knownHeaders are the header names lws parses into tokens, as lws
// lowercases them, colon included: they are never custom headers.
var knownHeaders = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range tokenNames {
		if isHeaderName(name) {
			m[name] = true
		}
	}
	return m
}()

// customValues returns the values of custom header name ("x-foo:"), in
// the order they came; nil if absent or not a custom header.
func (w *Wsi) customValues(name string) []string {
	if !strings.HasSuffix(name, ":") || knownHeaders[strings.ToLower(name)] {
		return nil
	}
	return w.req.Header.Values(strings.TrimSuffix(name, ":"))
}

// HdrCustomLength returns the length of the value of custom header name
// (lws_hdr_custom_length): name is given with its colon, "dnt:", and
// matched case-insensitively; a header that came more than once answers
// with its first value. -1 if it is absent, or a header lws knows by a
// token (read those with HdrTotalLength).
func (w *Wsi) HdrCustomLength(name string) int {
	if w.req == nil {
		return -1
	}
	vs := w.customValues(name)
	if len(vs) == 0 {
		return -1
	}
	return len(vs[0])
}

// HdrCustomCopy copies the value of custom header name into buf with a
// NUL after it and returns its length (lws_hdr_custom_copy); -1 if it is
// absent or does not fit in n bytes with its NUL. As in lws, buf[0] is set
// to NUL first whenever there is a request.
func (w *Wsi) HdrCustomCopy(buf []byte, n int, name string) int {
	if w.req == nil {
		return -1
	}
	if len(buf) > 0 {
		buf[0] = 0
	}
	vs := w.customValues(name)
	if len(vs) == 0 || len(vs[0])+1 > min(n, len(buf)) {
		return -1
	}
	copy(buf, vs[0])
	buf[len(vs[0])] = 0
	return len(vs[0])
}

// HdrCustomNameForeach calls cb with the name of each custom header, as
// lws keeps it (lowercase, with its colon), once per time it came
// (lws_hdr_custom_name_foreach). It returns 0, or -1 without a request.
// The names come sorted, not in the order they were sent: net/http does
// not keep that.
func (w *Wsi) HdrCustomNameForeach(cb func(name string)) int {
	if w.req == nil {
		return -1
	}
	byName := map[string]int{}
	for k, vs := range w.req.Header {
		if name := strings.ToLower(k) + ":"; !knownHeaders[name] {
			byName[name] += len(vs)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		for range byName[name] {
			cb(name)
		}
	}
	return 0
}
