package logs

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

// Turning C printf formats into Go fmt formats.
//
// lws call sites are written with C conversions such as "%lu", "%zu",
// "%llu" or "%u". fmt does not know these and would print
// "%!l(int=...)". toGoFormat rewrites them:
//
//   - the length modifiers hh h ll l L q j z Z t are removed, but only when
//     the next byte is a C conversion that goes with them. "%t" and "%q"
//     on their own stay Go's bool and quote verbs.
//   - %u and %i become %d. fmt has neither, and for Go integers %d
//     prints the same digits.
//   - the ' flag (glibc thousands grouping) is removed. In the C locale,
//     which lws programs run in, it does nothing.
//
// Flags, width, precision, '*' and Go's [n] argument indexes are kept.
// C output cannot always be matched, for example %x of a negative int
// (fmt prints -1, C prints ffffffff).

// cacheMax bounds the cache so that formats built at run time cannot
// make it grow without limit. Past the bound, formats are still
// rewritten on every call, just not remembered.
const cacheMax = 512

// fmtCache maps formats to their Go versions. Reads use one atomic load
// and a map lookup, with no lock and no allocation. Writers take
// fmtCacheMu and publish a copy of the map. lws formats are string
// constants, so after the first few lines writes almost never happen,
// and each copy is at most cacheMax entries.
var (
	fmtCache   atomic.Pointer[map[string]string]
	fmtCacheMu sync.Mutex
)

// toGoFormat returns format rewritten for fmt. The cache is checked
// first, so a format seen before costs one map lookup. It also holds
// formats that needed no change, mapped to themselves, which saves the
// scan as well.
func toGoFormat(format string) string {
	m := fmtCache.Load()
	if m != nil {
		if s, ok := (*m)[format]; ok {
			return s
		}
	}
	s := format
	if firstRewrite(format) >= 0 {
		s = rewrite(format)
	}
	// Checked before locking, so once the cache is full, misses do not
	// contend on the mutex.
	if m == nil || len(*m) < cacheMax {
		remember(format, s)
	}
	return s
}

// remember adds format -> s to the cache by publishing a copy.
func remember(format, s string) {
	fmtCacheMu.Lock()
	defer fmtCacheMu.Unlock()
	old := fmtCache.Load()
	if old == nil {
		fmtCache.Store(&map[string]string{format: s})
		return
	}
	if len(*old) >= cacheMax {
		return
	}
	m := make(map[string]string, len(*old)+1)
	for k, v := range *old {
		m[k] = v
	}
	m[format] = s
	fmtCache.Store(&m)
}

// convSpec describes one %-directive: the byte range [start, end) with
// format[start] == '%'. Rewriting drops the ranges in drop and replaces
// the verb byte at verbAt with verb.
type convSpec struct {
	end    int
	drop   [2][2]int // up to two ranges: a ' flag and a length modifier
	ndrop  int
	verbAt int // -1 if the directive has no verb (end of string)
	verb   byte
}

func (c *convSpec) needsRewrite(format string) bool {
	return c.ndrop > 0 || (c.verbAt >= 0 && format[c.verbAt] != c.verb)
}

// firstRewrite returns the index of the first directive that needs
// rewriting, or -1.
func firstRewrite(format string) int {
	for i := 0; ; {
		j := strings.IndexByte(format[i:], '%')
		if j < 0 {
			return -1
		}
		i += j
		c := parseSpec(format, i)
		if c.needsRewrite(format) {
			return i
		}
		i = c.end
	}
}

// rewrite builds the Go version of format. Call it only when
// firstRewrite(format) >= 0, so that it always allocates for a reason.
func rewrite(format string) string {
	var b strings.Builder
	b.Grow(len(format))
	last := 0 // format[last:i] is still to be copied
	for i := 0; ; {
		j := strings.IndexByte(format[i:], '%')
		if j < 0 {
			break
		}
		i += j
		c := parseSpec(format, i)
		if c.needsRewrite(format) {
			for k := 0; k < c.ndrop; k++ {
				b.WriteString(format[last:c.drop[k][0]])
				last = c.drop[k][1]
			}
			if c.verbAt >= 0 {
				b.WriteString(format[last:c.verbAt])
				b.WriteByte(c.verb)
				last = c.verbAt + 1
			}
		}
		i = c.end
	}
	b.WriteString(format[last:])
	return b.String()
}

// parseSpec parses the directive starting at format[i] == '%'.
func parseSpec(format string, i int) convSpec {
	n := len(format)
	c := convSpec{verbAt: -1}
	j := i + 1
	// Flags. The C-only ' flag is dropped. ' is not a Go verb, so this
	// cannot change a Go format.
	for j < n && strings.IndexByte("+-# 0'", format[j]) >= 0 {
		if format[j] == '\'' {
			c.addDrop(j, j+1)
		}
		j++
	}
	j = skipIndex(format, j)
	j = skipNum(format, j)
	if j < n && format[j] == '.' {
		j = skipIndex(format, j+1)
		j = skipNum(format, j)
	}
	j = skipIndex(format, j)
	if j >= n {
		c.end = n
		return c
	}
	if m := modLen(format, j); m > 0 {
		c.addDrop(j, j+m)
		j += m
	}
	c.verbAt, c.verb = j, format[j]
	switch c.verb {
	case 'u', 'i':
		c.verb = 'd'
	}
	c.end = j + 1
	return c
}

func (c *convSpec) addDrop(from, to int) {
	if c.ndrop < len(c.drop) {
		c.drop[c.ndrop] = [2]int{from, to}
		c.ndrop++
	}
}

// skipIndex skips a Go explicit argument index such as "[2]".
func skipIndex(s string, j int) int {
	if j < len(s) && s[j] == '[' {
		if k := strings.IndexByte(s[j:], ']'); k >= 0 {
			return j + k + 1
		}
	}
	return j
}

// skipNum skips a width or precision: '*' or decimal digits.
func skipNum(s string, j int) int {
	if j < len(s) && s[j] == '*' {
		return j + 1
	}
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return j
}

// Conversions each C length modifier may be followed by. A modifier is
// only removed when followed by one of them. That keeps Go's %t and %q
// working and stops "%ls"-like Go text ("%l" is not a Go verb anyway)
// from being misread.
const (
	intConvs   = "diouxXn"
	floatConvs = "eEfFgGaA"
)

// modLen returns the length of a C length modifier at s[j] (0, 1 or 2).
func modLen(s string, j int) int {
	if j+2 < len(s) && (s[j:j+2] == "hh" || s[j:j+2] == "ll") &&
		strings.IndexByte(intConvs, s[j+2]) >= 0 {
		return 2
	}
	if j+1 >= len(s) {
		return 0
	}
	var ok string
	switch s[j] {
	case 'h', 'j', 'z', 'Z', 't', 'q':
		ok = intConvs
	case 'l':
		// %ld, and also %lf, %lc (wint_t) and %ls (wchar_t *). Go
		// takes these as ordinary values.
		ok = intConvs + floatConvs + "cs"
	case 'L':
		ok = floatConvs
	default:
		return 0
	}
	if strings.IndexByte(ok, s[j+1]) >= 0 {
		return 1
	}
	return 0
}

// Sprintf formats like fmt.Sprintf but also accepts C printf verbs, so
// that format strings ported from lws work unchanged.
func Sprintf(format string, a ...any) string { return fmt.Sprintf(toGoFormat(format), a...) }
