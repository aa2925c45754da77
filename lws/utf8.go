package lws

import "unicode/utf8"

// utf8Check validates a text message delivered in chunks: a rune may be
// split across chunks, so the tail of an incomplete rune is carried over.
type utf8Check struct {
	carry [utf8.UTFMax]byte
	n     int
}

// ok reports whether chunk continues valid UTF-8; final says it ends the
// message, which must then not end inside a rune.
func (v *utf8Check) ok(chunk []byte, final bool) bool {
	if v.n > 0 {
		need := runeLen(v.carry[0]) - v.n
		if len(chunk) < need {
			if final {
				return false
			}
			v.n += copy(v.carry[v.n:], chunk)
			return true
		}
		if !utf8.Valid(append(v.carry[:v.n:v.n], chunk[:need]...)) {
			return false
		}
		chunk = chunk[need:]
		v.n = 0
	}
	// Hold back an incomplete rune at the end of a chunk that is not the
	// message's last.
	tail := 0
	if !final {
		for i := len(chunk) - 1; i >= 0 && i >= len(chunk)-utf8.UTFMax; i-- {
			if utf8.RuneStart(chunk[i]) {
				if !utf8.FullRune(chunk[i:]) {
					tail = len(chunk) - i
				}
				break
			}
		}
	}
	if !utf8.Valid(chunk[:len(chunk)-tail]) {
		return false
	}
	v.n = copy(v.carry[:], chunk[len(chunk)-tail:])
	return true
}

// runeLen is the length a lead byte announces; only lead bytes of an
// incomplete rune are carried, so the others do not occur.
func runeLen(lead byte) int {
	switch {
	case lead >= 0xf0:
		return 4
	case lead >= 0xe0:
		return 3
	default:
		return 2
	}
}
