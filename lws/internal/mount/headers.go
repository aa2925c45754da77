package mount

import (
	"io"
	"net/http"
	"strconv"
	"strings"
)

// The values of lws's pvo_hsbph (lib/roles/http/header.c), byte for byte:
// the spacing in "data: ;" and "'none';form-action" is lws's, and users
// diff these headers against the C server.
const (
	cspValue = "default-src 'none'; img-src 'self' data: ; " +
		"script-src 'self'; font-src 'self'; " +
		"style-src 'self'; connect-src 'self' ws: wss:; " +
		"frame-ancestors 'none'; base-uri 'none';" +
		"form-action 'self';"
	nosniffValue  = "nosniff"
	xssValue      = "1; mode=block"
	frameValue    = "deny"
	referrerValue = "no-referrer"
)

// SetSecurityHeaders sets the headers lws adds to every response when the
// vhost has LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE.
// It replaces any earlier values, so calling it twice is harmless.
func SetSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", cspValue)
	h.Set("X-Content-Type-Options", nosniffValue)
	h.Set("X-Xss-Protection", xssValue)
	h.Set("X-Frame-Options", frameValue)
	h.Set("Referrer-Policy", referrerValue)
}

// startResponse is the one place every response of the handler passes, so
// the security headers and the mount's headers cannot be forgotten on some
// status. m is nil for an answer no mount gives.
func (h *Handler) startResponse(w http.ResponseWriter, m *Mount) http.Header {
	hdr := w.Header()
	hdr["Date"] = nil // lws sends none; net/http would add one
	if h.opts.SecurityHeaders {
		SetSecurityHeaders(hdr)
	}
	if m != nil {
		for _, x := range m.Headers {
			hdr.Add(strings.TrimSpace(strings.TrimSuffix(x.Name, ":")), x.Value)
		}
	}
	return hdr
}

// writeStatus answers code with Options.StatusPage's page, as
// lws_return_http_status does (Content-Type text/html and a
// Content-Length). HEAD gets the headers only.
func (h *Handler) writeStatus(w http.ResponseWriter, r *http.Request, m *Mount, code int) {
	var body string
	if h.opts.StatusPage != nil {
		body = h.opts.StatusPage(code)
	}
	hdr := h.startResponse(w, m)
	hdr.Set("Content-Type", "text/html")
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		_, _ = io.WriteString(w, body)
	}
}

// redirect is lws_http_redirect's 301: Location, Content-Type text/html and
// Content-Length 0, no body.
func (h *Handler) redirect(w http.ResponseWriter, location string) {
	hdr := h.startResponse(w, nil)
	hdr.Set("Location", location)
	hdr.Set("Content-Type", "text/html")
	hdr.Set("Content-Length", "0")
	w.WriteHeader(http.StatusMovedPermanently)
}
