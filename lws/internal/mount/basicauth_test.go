package mount

import (
	"bytes"
	"encoding/base64"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBasicCredentials(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString
	for _, c := range []struct {
		values []string
		plain  string
		v      AuthVerdict
	}{
		{nil, "", AuthFailed},
		{[]string{""}, "", AuthFailed},
		{[]string{"Basic " + b64([]byte("u:p")), "Basic " + b64([]byte("u:p"))}, "", AuthFailed},
		{[]string{"Basic " + b64([]byte("user:password"))}, "user:password", AuthContinue},
		{[]string{"bAsIc " + b64([]byte("user:password"))}, "user:password", AuthContinue},
		{[]string{"Basic:" + b64([]byte("user:password"))}, "user:password", AuthContinue}, // lws skips the sixth byte unread
		{[]string{"Basic " + b64([]byte("a:b"))[:3]}, "a:", AuthContinue},                  // a short last group decodes what it can
		{[]string{"Basic " + b64([]byte("us?r:pw>"))}, "us?r:pw>", AuthContinue},
		{[]string{"Basic " + base64.URLEncoding.EncodeToString([]byte("us?r:pw>"))}, "us?r:pw>", AuthContinue},
		{[]string{"Basic dXNl cjpw\tYXNz"}, "user:pass", AuthContinue},
		{[]string{"Basic dXNlcjpwYXNzd29yZA=="}, "user:password", AuthContinue},
		{[]string{"Basic dXNlcjpwYXNzd29yZA"}, "user:password", AuthContinue},
		{[]string{"Bearer abcdef"}, "", AuthEndTransaction},
		{[]string{"Basic"}, "", AuthEndTransaction},
		{[]string{"Basic " + strings.Repeat("A", 153)}, "", AuthEndTransaction},   // 159 bytes: read, but no colon
		{[]string{"Basic " + strings.Repeat("QUE6", 39)}, "", AuthEndTransaction}, // 162 bytes: too long
		{[]string{"Basic " + b64([]byte("userpassword"))}, "", AuthEndTransaction},
		{[]string{"Basic " + b64([]byte("user\x00:password"))}, "", AuthEndTransaction}, // lws's strchr stops at the NUL
		{[]string{"Basic dXNlcjpw!XNz"}, "", AuthEndTransaction},
		{[]string{"Basic dXNlcjpwYXNzd29yZA==dXNl"}, "", AuthEndTransaction},
	} {
		plain, v := BasicCredentials(c.values)
		if plain != c.plain || v != c.v {
			t.Errorf("%q: %q %d, want %q %d", c.values, plain, v, c.plain, c.v)
		}
	}
	// 159 bytes, the most lws reads; its last group of one is dropped.
	if plain, v := BasicCredentials([]string{"Basic " + strings.Repeat("QUE6", 38) + "Q"}); v != AuthContinue || len(plain) != 114 {
		t.Errorf("159 bytes: %d %d", len(plain), v)
	}
}

// decodeB64 agrees with encoding/base64 on what both take.
func TestDecodeB64(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 100 {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding} {
			got, ok := decodeB64(enc.EncodeToString(b))
			if !ok || !bytes.Equal(got, b) {
				t.Fatalf("%x: %x %v", b, got, ok)
			}
		}
	}
}

func TestLoginFileHas(t *testing.T) {
	f := filepath.Join(t.TempDir(), "ba")
	long := strings.Repeat("x", 300) + "user:password"
	if err := os.WriteFile(f, []byte("# users\r\nuser:password\r\nother:secret\n"+long+"\nlast:line"), 0o600); err != nil {
		t.Fatal(err)
	}
	for plain, want := range map[string]bool{
		"user:password":  true,
		"other:secret":   true,
		"last:line":      true,
		"user:pass":      false,
		"user:password2": false,
		"other:secret\r": false,
		"":               false,
		long:             false,
	} {
		if got := LoginFileHas(f, plain); got != want {
			t.Errorf("%.30q: %v", plain, got)
		}
	}
	if err := os.WriteFile(f, []byte("a:b\r"), 0o600); err != nil {
		t.Fatal(err)
	}
	// As in lws, only a line's newline takes its "\r" along.
	if LoginFileHas(f, "a:b") || !LoginFileHas(f, "a:b\r") {
		t.Error("a last line's \\r")
	}
	if LoginFileHas(filepath.Join(t.TempDir(), "none"), "a:b") {
		t.Error("a missing file has someone in it")
	}
}
