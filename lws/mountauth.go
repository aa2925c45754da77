package lws

import (
	"strings"

	"github.com/golws/golws/lws/internal/mount"
)

// Authentication modes, in the top bits of HTTPMount.AuthMask (enum
// lws_authentication_mode).
const (
	// AuthModeDefault is LWSAUTHM_DEFAULT: HTTPMount.BasicAuthLoginFile,
	// if set, holds the credentials.
	AuthModeDefault = 0
	// AuthModeBasicAuthCallback is LWSAUTHM_BASIC_AUTH_CALLBACK: the
	// protocol bound when the request arrives decides, through
	// LWS_CALLBACK_VERIFY_BASIC_AUTHORIZATION.
	AuthModeBasicAuthCallback = 1 << 28
	// AuthModeMask is AUTH_MODE_MASK, the bits of AuthMask that are the
	// mode.
	AuthModeMask = 0xF0000000
)

// mountAuth is lws_check_basic_auth for the mount a request went to, on
// the service goroutine, before any protocol of the mount is bound. It
// reports whether the request goes on; if not, it answered: 401 asking for
// basic credentials when they are missing or wrong, 403 when the header
// cannot be read, and the transaction is over.
func (w *Wsi) mountAuth(m *HTTPMount) bool {
	mode := m.AuthMask & AuthModeMask
	if m.BasicAuthLoginFile == "" && mode == AuthModeDefault {
		return true
	}
	plain, v := mount.BasicCredentials(w.req.Header.Values("Authorization"))
	if v == mount.AuthContinue {
		v = w.verifyBasicAuth(m.BasicAuthLoginFile, mode, plain)
	}
	switch v {
	case mount.AuthContinue:
		w.http.authUser, _, _ = strings.Cut(plain, ":")
		Info("lws_check_basic_auth: basic auth accepted for '%s'", w.http.authUser)
		return true
	case mount.AuthFailed:
		w.unauthorisedBasicAuth()
	default:
		w.ReturnHTTPStatus(HTTPStatusForbidden, "")
		w.completeOrClose()
	}
	return false
}

// verifyBasicAuth checks the credentials "user:password" the way mode
// says: against the login file, or by asking the bound protocol, which
// lets them in by returning non-zero. A callback that panics refuses them:
// in C it would have taken the server down, not let anyone in.
func (w *Wsi) verifyBasicAuth(file string, mode uint32, plain string) mount.AuthVerdict {
	switch mode {
	case AuthModeDefault:
		if mount.LoginFileHas(file, plain) {
			return mount.AuthContinue
		}
		Err("lws_check_basic_auth: basic auth lookup failed")
	case AuthModeBasicAuthCallback:
		p := *w.protocol
		returned := false
		p.Callback = func(wsi *Wsi, reason CallbackReason, user, in any, n int) int {
			r := w.protocol.Callback(wsi, reason, user, in, n)
			returned = true
			return r
		}
		if w.call(&p, CallbackVerifyBasicAuthorization, w.user, plain, len(plain)) != 0 && returned {
			return mount.AuthContinue
		}
	}
	return mount.AuthFailed
}

// unauthorisedBasicAuth is lws_unauthorised_basic_auth: 401 with
// `www-authenticate: Basic realm="lwsws"` and an empty body, then the
// transaction ends.
func (w *Wsi) unauthorisedBasicAuth() {
	buf := make([]byte, Pre+RecommendedMinHeaderSpace)
	start := PtrTo(buf, Pre)
	p, end := start, PtrTo(buf, len(buf))
	if w.AddHTTPHeaderStatus(HTTPStatusUnauthorized, &p, end) != 0 ||
		w.AddHTTPHeaderByToken(TokenHTTPWwwAuthenticate, `Basic realm="lwsws"`, &p, end) != 0 ||
		w.AddHTTPHeaderContentLength(0, &p, end) != 0 ||
		w.FinalizeWriteHTTPHeader(start, &p, end) != 0 {
		w.closeHTTP()
		return
	}
	w.completeOrClose()
}
