package lws

import "github.com/golws/golws/lws/internal/logs"

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
	// Formatted in place when the text fits: the capacity of the slice
	// handed to Appendf stops short of the NUL's byte, so only a text too
	// long is built elsewhere, then cut to fit.
	text := logs.Appendf(buf[:0:size-1], format, a...)
	if len(text) >= size {
		copy(buf, text[:size-1])
		buf[size-1] = 0
		return size
	}
	buf[len(text)] = 0
	return len(text)
}
