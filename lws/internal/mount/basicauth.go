package mount

import (
	"bytes"
	"crypto/subtle"
	"os"
	"strings"

	"github.com/golws/golws/lws/internal/logs"
)

// AuthVerdict is what lws_check_basic_auth decides about a request.
type AuthVerdict int

const (
	// AuthContinue (LCBA_CONTINUE): the request goes on.
	AuthContinue AuthVerdict = iota
	// AuthFailed (LCBA_FAILED_AUTH): no or wrong credentials; lws answers
	// 401 with a basic challenge.
	AuthFailed
	// AuthEndTransaction (LCBA_END_TRANSACTION): the Authorization header
	// is not one lws can read; lws answers 403.
	AuthEndTransaction
)

// maxAuthHeader is the longest Authorization value lws reads: it copies
// the header into a 160-byte buffer, NUL included.
const maxAuthHeader = 159

// BasicCredentials reads the "user:password" of a request's Authorization
// header values (r.Header.Values("Authorization")) as lws does: anything
// but one non-empty header fails (401); a header too long or too short, not
// starting with "Basic" (the sixth character is skipped unread, as lws
// does), whose base64 does not decode or whose credentials have no colon
// ends the transaction (403). It logs at ERR what lws logs.
func BasicCredentials(values []string) (plain string, v AuthVerdict) {
	switch {
	case len(values) == 0 || values[0] == "":
		return "", AuthFailed
	case len(values) > 1:
		logs.Logf(logs.Err, "fragmented basic auth header not allowed")
		return "", AuthFailed
	}
	h := values[0]
	if len(h) > maxAuthHeader || len(h) < 7 {
		logs.Logf(logs.Err, "b64 auth too long")
		return "", AuthEndTransaction
	}
	if !strings.EqualFold(h[:5], "Basic") {
		logs.Logf(logs.Err, "auth missing basic: %s", h[:5])
		return "", AuthEndTransaction
	}
	b, ok := decodeB64(h[6:])
	head := b // lws looks for the colon up to a NUL
	if i := bytes.IndexByte(b, 0); i >= 0 {
		head = b[:i]
	}
	if !ok || bytes.IndexByte(head, ':') < 0 {
		logs.Logf(logs.Err, "basic auth format broken")
		return "", AuthEndTransaction
	}
	return string(b), AuthContinue
}

// decodeB64 decodes base64 as lws_b64_decode_string does: both alphabets
// (+/ and -_), white space anywhere, '=' only at the end and however many,
// a last group of one symbol dropped. ok is false for any other byte.
func decodeB64(s string) (out []byte, ok bool) {
	var quad [4]byte
	n, equals := 0, 0
	flush := func() {
		if n >= 2 {
			out = append(out, quad[0]<<2|quad[1]>>4)
		}
		if n >= 3 && equals != 2 {
			out = append(out, quad[1]<<4|quad[2]>>2)
		}
		if n >= 4 && equals != 1 {
			out = append(out, quad[2]<<6|quad[3])
		}
		n = 0
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		var v byte
		switch {
		case c == '\n' || c == '\r' || c == ' ' || c == '\t':
			continue
		case c == '=':
			equals++
			continue
		case equals > 0:
			return nil, false
		case 'A' <= c && c <= 'Z':
			v = c - 'A'
		case 'a' <= c && c <= 'z':
			v = c - 'a' + 26
		case '0' <= c && c <= '9':
			v = c - '0' + 52
		case c == '+' || c == '-':
			v = 62
		case c == '/' || c == '_':
			v = 63
		default:
			return nil, false
		}
		quad[n] = v
		if n++; n == 4 {
			flush()
		}
	}
	flush()
	return out, true
}

// maxLoginLine is the longest line lws reads from a login file (its
// 256-byte buffer less the NUL); credentials are far shorter.
const maxLoginLine = 255

// LoginFileHas reports whether the login file (lws's
// basic_auth_login_file) has plain, "user:password", as a line of its own.
// Lines end with "\n" or "\r\n"; the last may lack its newline. The lines
// are compared in constant time. A file that cannot be read has nobody in
// it, and is logged at ERR, as lws does.
func LoginFileHas(file, plain string) bool {
	data, err := os.ReadFile(file)
	if err != nil {
		logs.Logf(logs.Err, "can't open auth file: %s", file)
		return false
	}
	hit := 0
	for len(data) > 0 {
		line, rest, nl := bytes.Cut(data, []byte("\n"))
		if nl {
			line = bytes.TrimSuffix(line, []byte("\r"))
		}
		data = rest
		// Every line is compared, so the time taken does not tell
		// which one matched.
		if len(line) <= maxLoginLine && len(line) == len(plain) {
			hit |= subtle.ConstantTimeCompare(line, []byte(plain))
		}
	}
	return hit == 1
}
