package lwsc

import "github.com/golws/golws/lws"

// Lws_json_purify escapes s for the inside of a JSON string into buf
// (lws_json_purify: lws.JSONPurify): at most n bytes of buf are written, a
// NUL after the text included, and *inUsed, when inUsed is not nil, gets
// how many bytes of s were escaped. It returns the escaped text, where C
// returns buf.
func Lws_json_purify(buf []byte, s string, n int, inUsed *int) string {
	n = min(n, len(buf))
	out, used := lws.JSONPurify(s, n)
	if n > 0 {
		copy(buf, out)
		buf[len(out)] = 0
	}
	if inUsed != nil {
		*inUsed = used
	}
	return out
}
