package logs

import (
	"fmt"
	"strconv"
	"strings"
)

// Appendf is Sprintf appending to b, as fmt.Appendf does.
//
// Formats made only of %d (after the C rewrite: also %u, %i, %ld, %zu,
// ...) and %s, without flags, width or precision, given integers,
// strings and byte slices, are formatted here without fmt: lws code
// builds pages with a snprintf a line, and fmt's general machinery costs
// several times what these conversions need. The output is fmt's, byte
// for byte; anything else goes to fmt whole.
func Appendf(b []byte, format string, a ...any) []byte {
	format = toGoFormat(format)
	if out, ok := appendSimple(b, format, a); ok {
		return out
	}
	return fmt.Appendf(b, format, a...)
}

// appendSimple formats what Appendf takes without fmt; ok is false, and
// out meaningless, for anything else.
func appendSimple(b []byte, format string, a []any) (out []byte, ok bool) {
	next := 0 // the argument the next verb takes
	for {
		i := strings.IndexByte(format, '%')
		if i < 0 {
			return append(b, format...), next == len(a)
		}
		b = append(b, format[:i]...)
		if i+1 == len(format) {
			return nil, false
		}
		verb := format[i+1]
		format = format[i+2:]
		if verb == '%' {
			b = append(b, '%')
			continue
		}
		if next == len(a) {
			return nil, false
		}
		if b, ok = appendArg(b, verb, a[next]); !ok {
			return nil, false
		}
		next++
	}
}

// appendArg appends one argument under %d or %s, where its type prints
// the same as fmt prints it.
func appendArg(b []byte, verb byte, arg any) ([]byte, bool) {
	switch verb {
	case 'd':
		switch v := arg.(type) {
		case int:
			return strconv.AppendInt(b, int64(v), 10), true
		case int64:
			return strconv.AppendInt(b, v, 10), true
		case int32:
			return strconv.AppendInt(b, int64(v), 10), true
		case int16:
			return strconv.AppendInt(b, int64(v), 10), true
		case int8:
			return strconv.AppendInt(b, int64(v), 10), true
		case uint:
			return strconv.AppendUint(b, uint64(v), 10), true
		case uint64:
			return strconv.AppendUint(b, v, 10), true
		case uint32:
			return strconv.AppendUint(b, uint64(v), 10), true
		case uint16:
			return strconv.AppendUint(b, uint64(v), 10), true
		case uint8:
			return strconv.AppendUint(b, uint64(v), 10), true
		case uintptr:
			return strconv.AppendUint(b, uint64(v), 10), true
		}
	case 's':
		// A named string or byte-slice type could have a String
		// method, which fmt would call: only the plain types here.
		switch v := arg.(type) {
		case string:
			return append(b, v...), true
		case []byte:
			return append(b, v...), true
		}
	}
	return b, false
}
