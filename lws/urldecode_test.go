package lws

import (
	"bytes"
	"testing"
)

// urldecodeCases are what lws_urldecode gave, from lws main, into a
// buffer of 'Z's: the input, n, the return and the buffer's first 8
// bytes after. A trailing cut escape is dropped; a bad one stops with -1
// and no NUL; n counts bytes out, the NUL comes after them.
var urldecodeCases = []struct {
	in   string
	n    int
	ret  int
	head string
}{
	{"abc", 0, 0, "\x00ZZZZZZZ"},
	{"abc", 1, 0, "a\x00ZZZZZZ"},
	{"abc", 3, 0, "abc\x00ZZZZ"},
	{"abc", 100, 0, "abc\x00ZZZZ"},
	{"a+b", 0, 0, "\x00ZZZZZZZ"},
	{"a+b", 1, 0, "a\x00ZZZZZZ"},
	{"a+b", 3, 0, "a b\x00ZZZZ"},
	{"a+b", 100, 0, "a b\x00ZZZZ"},
	{"a%20b", 0, 0, "\x00ZZZZZZZ"},
	{"a%20b", 1, 0, "a\x00ZZZZZZ"},
	{"a%20b", 3, 0, "a b\x00ZZZZ"},
	{"a%20b", 100, 0, "a b\x00ZZZZ"},
	{"%41%42", 0, 0, "\x00ZZZZZZZ"},
	{"%41%42", 1, 0, "A\x00ZZZZZZ"},
	{"%41%42", 3, 0, "AB\x00ZZZZZ"},
	{"%41%42", 100, 0, "AB\x00ZZZZZ"},
	{"%4", 0, 0, "\x00ZZZZZZZ"},
	{"%4", 1, 0, "\x00ZZZZZZZ"},
	{"%4", 3, 0, "\x00ZZZZZZZ"},
	{"%4", 100, 0, "\x00ZZZZZZZ"},
	{"%", 0, 0, "\x00ZZZZZZZ"},
	{"%", 1, 0, "\x00ZZZZZZZ"},
	{"%", 3, 0, "\x00ZZZZZZZ"},
	{"%", 100, 0, "\x00ZZZZZZZ"},
	{"a%zzb", 0, 0, "\x00ZZZZZZZ"},
	{"a%zzb", 1, 0, "a\x00ZZZZZZ"},
	{"a%zzb", 3, -1, "aZZZZZZZ"},
	{"a%zzb", 100, -1, "aZZZZZZZ"},
	{"%4g", 0, 0, "\x00ZZZZZZZ"},
	{"%4g", 1, -1, "ZZZZZZZZ"},
	{"%4g", 3, -1, "ZZZZZZZZ"},
	{"%4g", 100, -1, "ZZZZZZZZ"},
	{"x%00y", 0, 0, "\x00ZZZZZZZ"},
	{"x%00y", 1, 0, "x\x00ZZZZZZ"},
	{"x%00y", 3, 0, "x\x00y\x00ZZZZ"},
	{"x%00y", 100, 0, "x\x00y\x00ZZZZ"},
	{"%e2%82%ac", 0, 0, "\x00ZZZZZZZ"},
	{"%e2%82%ac", 1, 0, "\xe2\x00ZZZZZZ"},
	{"%e2%82%ac", 3, 0, "\xe2\x82\xac\x00ZZZZ"},
	{"%e2%82%ac", 100, 0, "\xe2\x82\xac\x00ZZZZ"},
	{"+%2B+", 0, 0, "\x00ZZZZZZZ"},
	{"+%2B+", 1, 0, " \x00ZZZZZZ"},
	{"+%2B+", 3, 0, " + \x00ZZZZ"},
	{"+%2B+", 100, 0, " + \x00ZZZZ"},
	{"abcdef", 0, 0, "\x00ZZZZZZZ"},
	{"abcdef", 1, 0, "a\x00ZZZZZZ"},
	{"abcdef", 3, 0, "abc\x00ZZZZ"},
	{"abcdef", 100, 0, "abcdef\x00Z"},
	{"", 0, 0, "\x00ZZZZZZZ"},
	{"", 1, 0, "\x00ZZZZZZZ"},
	{"", 3, 0, "\x00ZZZZZZZ"},
	{"", 100, 0, "\x00ZZZZZZZ"},
}

func TestURLDecodeMatchesLws(t *testing.T) {
	for _, tc := range urldecodeCases {
		buf := bytes.Repeat([]byte("Z"), 64)
		if r := URLDecode(buf, tc.in, tc.n); r != tc.ret || string(buf[:8]) != tc.head {
			t.Errorf("URLDecode(%q, %d) = %d %q, lws: %d %q", tc.in, tc.n, r, buf[:8], tc.ret, tc.head)
		}
	}
}

// URLDecode stays inside its buffer, whatever n says, as C cannot; it
// reads escaped as a C string, up to a NUL.
func TestURLDecodeBounds(t *testing.T) {
	for _, tc := range []struct {
		size    int
		in      string
		n, ret  int
		written string
	}{
		{3, "abcdef", 100, 0, "ab\x00"},
		{3, "abcdef", -1, 0, "ab\x00"},
		{1, "abc", 5, 0, "\x00"},
		{0, "abc", 5, -1, ""},
		{8, "ab\x00cd", 8, 0, "ab\x00ZZZZZ"},
	} {
		buf := bytes.Repeat([]byte("Z"), tc.size)
		if r := URLDecode(buf, tc.in, tc.n); r != tc.ret || string(buf) != tc.written {
			t.Errorf("URLDecode([%d], %q, %d) = %d %q, want %d %q", tc.size, tc.in, tc.n, r, buf, tc.ret, tc.written)
		}
	}
}
