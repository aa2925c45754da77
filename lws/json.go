package lws

import "unicode/utf8"

const upperHex = "0123456789ABCDEF"

// jsonEscapeMax is the longest escape JSONPurify writes (\u00XX). lws
// escapes a byte only while more than this many bytes of the buffer are
// left, which also keeps one for the NUL.
const jsonEscapeMax = 6

// JSONPurify escapes s for use between the quotes of a JSON string
// (lws_json_purify), as if into a C buffer of size bytes, the NUL
// included. It returns the escaped text and used, how many bytes of s it
// covers (lws's in_used).
//
// As in lws: tab, newline, carriage return and backslash become \t, \n, \r
// and \\; a double quote and every other byte below 0x20 become \u00XX
// with upper-case hex (so \b is \u0008); everything else is copied. s ends
// at its first NUL, as the C string would. A byte is escaped only while
// more than 6 bytes of the buffer are left, so the text is at most
// size-1 bytes, an escape is never cut, and the output can stop up to 6
// bytes short of size; size 6 or less gives "".
//
// Bytes of 0x80 and above: lws copies them where char is unsigned and
// escapes each as \u00XX where it is signed (x86), which makes "é" read
// back as "Ã©". JSONPurify copies a valid UTF-8 sequence whole, or stops
// before it when it does not fit (never splitting it), and escapes the
// bytes of invalid sequences as \u00XX: the output is always valid UTF-8
// and valid JSON string content, and valid text reads back unchanged.
func JSONPurify(s string, size int) (escaped string, used int) {
	out := make([]byte, 0, min(len(s), max(size-1, 0)))
	// size-len(out) is what lws calls len: the buffer still free.
	i := 0
	for i < len(s) && s[i] != 0 && size-len(out) > jsonEscapeMax {
		c := s[i]
		switch {
		case c == '\t':
			out = append(out, '\\', 't')
		case c == '\n':
			out = append(out, '\\', 'n')
		case c == '\r':
			out = append(out, '\\', 'r')
		case c == '\\':
			out = append(out, '\\', '\\')
		case c == '"' || c < 0x20:
			out = appendU00(out, c)
		case c < utf8.RuneSelf:
			out = append(out, c)
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				out = appendU00(out, c)
				break
			}
			// Each of its n bytes must find more than 6 free, as lws
			// asks of every byte it copies.
			if size-len(out)-(n-1) <= jsonEscapeMax {
				return string(out), i
			}
			out = append(out, s[i:i+n]...)
			i += n
			continue
		}
		i++
	}
	return string(out), i
}

// appendU00 appends the \u00XX escape of c.
func appendU00(out []byte, c byte) []byte {
	return append(out, '\\', 'u', '0', '0', upperHex[c>>4], upperHex[c&15])
}
