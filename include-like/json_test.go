package lwsc

import (
	"bytes"
	"testing"
)

// Lws_json_purify fills the buffer as C does: the escaped text, then a
// NUL, never past n nor the end of buf.
func TestLws_json_purify(t *testing.T) {
	for _, c := range []struct {
		in, want string
		bufLen   int
		n        int
		used     int
	}{
		{`ua "x"`, `ua \u0022x\u0022`, 64, 64, 6},
		{`ab"cd`, `ab\u0022`, 64, 14, 3}, // n, not len(buf), bounds it
		{`ab"cd`, `ab\u0022`, 14, 64, 3}, // and len(buf) bounds n
		{"abc", "", 6, 6, 0},
	} {
		buf := bytes.Repeat([]byte{'Z'}, c.bufLen)
		used := -1
		got := Lws_json_purify(buf, c.in, c.n, &used)
		if got != c.want || used != c.used {
			t.Errorf("Lws_json_purify(%q, %d) = %q, used %d; want %q, %d", c.in, c.n, got, used, c.want, c.used)
		}
		if nul := bytes.IndexByte(buf, 0); nul != len(c.want) || string(buf[:nul]) != c.want {
			t.Errorf("Lws_json_purify(%q, %d): buf %q", c.in, c.n, buf)
		}
		if rest := bytes.Trim(buf[len(c.want)+1:], "Z"); len(rest) != 0 {
			t.Errorf("Lws_json_purify(%q, %d) wrote past its NUL: %q", c.in, c.n, buf)
		}
	}
	// No buffer at all: nothing written, in_used optional.
	if got := Lws_json_purify(nil, "abc", 10, nil); got != "" {
		t.Errorf("nil buffer: %q", got)
	}
}
