package lws

import (
	"testing"
	"unicode/utf8"
)

func TestUTF8CheckAcrossChunks(t *testing.T) {
	text := []byte("añ€😀z")
	// Every split into two chunks of a valid message is valid.
	for cut := 0; cut <= len(text); cut++ {
		var v utf8Check
		if !v.ok(text[:cut], false) || !v.ok(text[cut:], true) {
			t.Errorf("valid text refused when cut at %d", cut)
		}
	}
	// Byte by byte, too.
	var v utf8Check
	for i := range text {
		if !v.ok(text[i:i+1], i == len(text)-1) {
			t.Fatalf("valid text refused at byte %d", i)
		}
	}
	for name, bad := range map[string][][]byte{
		"bad byte":         {{'a', 0xff}},
		"truncated at end": {[]byte("a"), {0xe2, 0x82}},
		"bad continuation": {{0xe2}, {0x28, 0xa1}},
		"surrogate":        {{0xed, 0xa0, 0x80}},
		"overlong":         {{0xc0, 0xaf}},
		"split bad":        {{0xf0, 0x9f}, {0x98, 0x41}},
	} {
		var v utf8Check
		good := true
		for i, c := range bad {
			good = good && v.ok(c, i == len(bad)-1)
		}
		if good {
			t.Errorf("%s: accepted", name)
		}
	}
	if !utf8.Valid(text) {
		t.Fatal("fixture")
	}
}
