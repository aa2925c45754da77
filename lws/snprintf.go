package lws

// SnprintfTo formats like Snprintf into buf, as lws_snprintf does: at most
// size-1 bytes of the text, then a NUL. It returns the number of bytes of
// text written, or size when the text did not fit (the NUL counted), so
// that a cursor advanced by the result never passes buf[size]; 0 when size
// is 0. golws never writes past len(buf), whatever size says.
func SnprintfTo(buf []byte, size int, format string, a ...any) int {
	size = min(size, len(buf))
	if size <= 0 {
		return 0
	}
	s := Snprintf(format, a...)
	n := copy(buf[:size-1], s)
	buf[n] = 0
	if len(s) >= size {
		return size
	}
	return n
}
