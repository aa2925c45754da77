package threadpool

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxNameLen is the longest pool or task name kept, in bytes: C keeps its
// names in 32-byte buffers.
const maxNameLen = 31

// formatName formats a pool or task name printf-style and cuts it to
// maxNameLen bytes on a rune boundary.
//
// Ported call sites pass C formats ("ws %s", "%lu"), so C's length
// modifiers and the %u and %i conversions, which fmt does not know, are
// rewritten first. lws's logger does the same for log lines; its
// converter is internal to package lws, hence this small one.
func formatName(format string, a []any) string {
	s := format
	if len(a) > 0 || strings.IndexByte(format, '%') >= 0 {
		s = fmt.Sprintf(cFormat(format), a...)
	}
	if len(s) <= maxNameLen {
		return s
	}
	n := maxNameLen
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// cFormat rewrites the C-only parts of a printf format for fmt: length
// modifiers (hh h l ll L q j z Z t) before an integer, float, char or
// string conversion are dropped, and %u / %i become %d. Everything else,
// including Go-only verbs, is left alone.
func cFormat(format string) string {
	if strings.IndexByte(format, '%') < 0 {
		return format
	}
	var b strings.Builder
	b.Grow(len(format))
	for i := 0; i < len(format); {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			i++
			continue
		}
		// Copy "%", flags, width and precision unchanged.
		j := i + 1
		for j < len(format) && strings.IndexByte("-+ #0123456789.*", format[j]) >= 0 {
			j++
		}
		b.WriteString(format[i:j])
		k := j
		for k < len(format) && strings.IndexByte("hlLqjzZt", format[k]) >= 0 {
			k++
		}
		switch {
		case k > j && k < len(format) && strings.IndexByte("diouxXcseEfFgGaAp", format[k]) >= 0:
			j = k // drop the modifiers
		case k > j:
			k = j + 1 // not a C modifier run ("%t", "%q"): keep as is
			b.WriteString(format[j:k])
			i = k
			continue
		}
		if j < len(format) {
			v := format[j]
			if v == 'u' || v == 'i' {
				v = 'd'
			}
			b.WriteByte(v)
			j++
		}
		i = j
	}
	return b.String()
}
