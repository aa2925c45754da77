package lws

import (
	"bytes"
	"testing"
)

// snprintfCases are what lws_snprintf gave, from lws main, formatting
// "hello", or (42, "xyz") with "%d-%s", into a buffer of 'Z's: the format, the size, the return and
// the buffer's first 8 bytes after. On truncation it returns size, the NUL
// counted, so p += lws_snprintf(p, end - p, ...) stops at end.
var snprintfCases = []struct {
	format    string
	size, ret int
	head      string
}{
	{"hello", 0, 0, "ZZZZZZZZ"},
	{"hello", 1, 1, "\x00ZZZZZZZ"},
	{"hello", 3, 3, "he\x00ZZZZZ"},
	{"hello", 100, 5, "hello\x00ZZ"},
	{"%d-%s", 0, 0, "ZZZZZZZZ"},
	{"%d-%s", 1, 1, "\x00ZZZZZZZ"},
	{"%d-%s", 3, 3, "42\x00ZZZZZ"},
	{"%d-%s", 100, 6, "42-xyz\x00Z"},
}

func TestSnprintfToMatchesLws(t *testing.T) {
	for _, tc := range snprintfCases {
		buf := bytes.Repeat([]byte("Z"), 64)
		var args []any
		if tc.format != "hello" {
			args = []any{42, "xyz"}
		}
		if r := SnprintfTo(buf, tc.size, tc.format, args...); r != tc.ret || string(buf[:8]) != tc.head {
			t.Errorf("SnprintfTo(%d, %q) = %d %q, lws: %d %q", tc.size, tc.format, r, buf[:8], tc.ret, tc.head)
		}
	}
}

// SnprintfTo stays inside its buffer whatever size says, and takes C's
// verbs as Snprintf does.
func TestSnprintfToBounds(t *testing.T) {
	buf := bytes.Repeat([]byte("Z"), 4)
	if r := SnprintfTo(buf, 100, "%llu-%u", uint64(12), 3); r != 4 || string(buf) != "12-\x00" {
		t.Errorf("SnprintfTo into 4 bytes with size 100 = %d %q", r, buf)
	}
	if r := SnprintfTo(nil, 10, "x"); r != 0 {
		t.Errorf("SnprintfTo(nil) = %d", r)
	}
}

// A text that fits is made in the caller's buffer, not elsewhere first.
func TestSnprintfToNoAllocation(t *testing.T) {
	buf := make([]byte, 64)
	s := "content"
	if a := testing.AllocsPerRun(100, func() { SnprintfTo(buf, len(buf), "%s: %s", s, s) }); a != 0 {
		t.Errorf("%.0f allocations per call", a)
	}
}
