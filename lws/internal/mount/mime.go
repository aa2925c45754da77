package mount

import "strings"

// builtinTypes is lws's server_mimetypes (lib/roles/http/server/server.c),
// strings kept byte for byte, including lws's odd ".otf" entry, followed by
// the suffixes golws adds. A fixed table, not mime.TypeByExtension: that
// one reads the host's /etc/mime.types, and the answer must not depend on
// the machine. No charset parameters, because lws sends none.
var builtinTypes = []struct{ suffix, typ string }{
	{".html", "text/html"},
	{".htm", "text/html"},
	{".js", "text/javascript"},
	{".css", "text/css"},
	{".png", "image/png"},
	{".jpg", "image/jpeg"},
	{".jpeg", "image/jpeg"},
	{".ico", "image/x-icon"},
	{".gif", "image/gif"},
	{".svg", "image/svg+xml"},
	{".ttf", "application/x-font-ttf"},
	{".otf", "application/font-woff"},
	{".woff", "application/font-woff"},
	{".woff2", "application/font-woff2"},
	{".gz", "application/gzip"},
	{".txt", "text/plain"},
	{".xml", "application/xml"},
	{".json", "application/json"},
	{".babylon", "application/json"},
	{".mjs", "text/javascript"},
	{".wasm", "application/wasm"},

	// golws additions, for what today's front ends ship.
	{".map", "application/json"},
	{".pdf", "application/pdf"},
	{".mp4", "video/mp4"},
	{".zip", "application/zip"},
}

// mimeType is lws_get_mimetype: the mount's extra types first, then the
// built-in table, then an extra key starting with '*' as a catch-all.
// Suffixes match case-insensitively (lws uses strcasecmp). ok is false when
// nothing matched: the file is served as application/octet-stream, as lws
// main does.
func mimeType(name string, extra map[string]string) (typ string, ok bool) {
	// A map has no order, so where lws takes the first matching entry of
	// its list, take the longest matching suffix (".tar.gz" over ".gz"),
	// then the smallest key, so the answer never varies between runs.
	var best, wild string
	haveWild := false
	for k := range extra {
		switch {
		case strings.HasPrefix(k, "*"):
			if !haveWild || k < wild {
				wild, haveWild = k, true
			}
		case k == "" || !hasSuffixFold(name, k):
		case best == "" || len(k) > len(best) || (len(k) == len(best) && k < best):
			best = k
		}
	}
	if best != "" {
		return extra[best], true
	}
	for _, t := range builtinTypes {
		if hasSuffixFold(name, t.suffix) {
			return t.typ, true
		}
	}
	if haveWild {
		return extra[wild], true
	}
	return "", false
}

// hasSuffixFold is strings.HasSuffix ignoring ASCII case only, like C's
// strcasecmp; strings.EqualFold would also fold Unicode (the Kelvin sign
// is a 'k' to it), which lws never does.
func hasSuffixFold(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	s = s[len(s)-len(suffix):]
	for i := 0; i < len(s); i++ {
		if lower(s[i]) != lower(suffix[i]) {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
