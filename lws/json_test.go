package lws

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// The ASCII cases are what lws_json_purify (lws main) writes for the same
// input and buffer size, checked against a build of that C function.
func TestJSONPurify(t *testing.T) {
	for _, c := range []struct {
		in   string
		size int
		want string
		used int
	}{
		{`a"b\c`, 100, `a\u0022b\\c`, 5},
		{"tab\there\nnl\r\x01\x1f\x7f", 100, `tab\there\nnl\r\u0001\u001F` + "\x7f", 15},
		{"\b\f/", 100, `\u0008\u000C/`, 3},
		{`},{"peer":"forged`, 100, `},{\u0022peer\u0022:\u0022forged`, 17},
		{"", 100, "", 0},
		{"ab\x00cd", 100, "ab", 2}, // a C string ends at its NUL

		// A byte is escaped only while more than 6 bytes are free.
		{`ab"cd`, 0, "", 0},
		{`ab"cd`, 6, "", 0},
		{`ab"cd`, 7, "a", 1},
		{`ab"cd`, 8, "ab", 2},
		{`ab"cd`, 12, `ab\u0022`, 3},
		{`ab"cd`, 14, `ab\u0022`, 3},
		{`ab"cd`, 15, `ab\u0022c`, 4},
		{"\t\t\t", 9, `\t\t`, 2},
		{`x\\y`, 8, `x\\`, 2},
		{`x\\y`, 9, `x\\`, 2},
		{"0123456789", 10, "0123", 4},

		// Bytes >= 0x80: valid UTF-8 is copied whole, never split; the
		// bytes of invalid sequences are escaped (see the doc comment).
		{"café", 100, "café", 5},
		{"\x80\xff", 100, `\u0080\u00FF`, 2},
		{"a\xc3", 100, `a\u00C3`, 2}, // a rune cut short
		{"aé", 9, "aé", 3},           // é needs 2 bytes with more than 6 free
		{"aé", 8, "a", 1},
		{"€", 9, "€", 3},
		{"€", 8, "", 0},
	} {
		got, used := JSONPurify(c.in, c.size)
		if got != c.want || used != c.used {
			t.Errorf("JSONPurify(%q, %d) = %q, %d; want %q, %d", c.in, c.size, got, used, c.want, c.used)
		}
	}
}

// FuzzJSONPurify: whatever the input, the output fits the buffer, quoted it
// is a JSON string, and for valid UTF-8 that string is exactly the part of
// the input used.
func FuzzJSONPurify(f *testing.F) {
	for _, s := range []string{`a"b\c`, "tab\t\n\r\x01", "café\x80", `},{"peer":"x`} {
		f.Add(s, 100)
		f.Add(s, 9)
	}
	f.Fuzz(func(t *testing.T, s string, size int) {
		size %= 1 << 12
		got, used := JSONPurify(s, size)
		if size > 0 && len(got) > size-1 || size <= 0 && got != "" {
			t.Fatalf("JSONPurify(%q, %d) = %q: longer than the buffer", s, size, got)
		}
		if used < 0 || used > len(s) || strings.IndexByte(s[:used], 0) >= 0 {
			t.Fatalf("JSONPurify(%q, %d) used %d", s, size, used)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("JSONPurify(%q, %d) = %q: not UTF-8", s, size, got)
		}
		var back string
		if err := json.Unmarshal([]byte(`"`+got+`"`), &back); err != nil {
			t.Fatalf("JSONPurify(%q, %d) = %q: %v", s, size, got, err)
		}
		if utf8.ValidString(s[:used]) && back != s[:used] {
			t.Fatalf("JSONPurify(%q, %d) = %q reads back as %q, want %q", s, size, got, back, s[:used])
		}
	})
}
