package httpexample

import (
	"net/http"
	"testing"
)

// SecurityHeaders are the headers lws main adds to every response of a
// vhost with LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE,
// as its build of the examples sends them (five of them; the Go names are
// net/http's canonical spelling of lws's lowercase ones).
var SecurityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'none'; img-src 'self' data: ; script-src 'self'; font-src 'self'; " +
		"style-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none';form-action 'self';",
	"X-Content-Type-Options": "nosniff",
	"X-Xss-Protection":       "1; mode=block",
	"X-Frame-Options":        "deny",
	"Referrer-Policy":        "no-referrer",
}

// CheckSecurityHeaders fails t unless h carries every one of
// SecurityHeaders with lws's value; what names the response.
func CheckSecurityHeaders(t testing.TB, what string, h http.Header) {
	t.Helper()
	for name, want := range SecurityHeaders {
		if got := h.Get(name); got != want {
			t.Errorf("%s: %s %q, want %q", what, name, got, want)
		}
	}
}
