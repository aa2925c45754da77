package threadpool

import (
	"strings"
	"unicode/utf8"

	"github.com/golws/golws/lws"
)

// maxNameLen is the longest pool or task name kept, in bytes: C keeps its
// names in 32-byte buffers.
const maxNameLen = 31

// formatName formats a pool or task name printf-style and cuts it to
// maxNameLen bytes on a rune boundary.
// Ported call sites pass C formats ("ws %s", "%lu"): lws.Snprintf takes
// them.
func formatName(format string, a []any) string {
	s := format
	if len(a) > 0 || strings.IndexByte(format, '%') >= 0 {
		s = lws.Snprintf(format, a...)
	}
	return cutName(s)
}

// cutName keeps at most maxNameLen bytes of s, ending on a rune boundary.
func cutName(s string) string {
	if len(s) <= maxNameLen {
		return s
	}
	n := maxNameLen
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
