package spa

import (
	"mime"
	"strings"
)

// bodyKind reads the request's Content-Type. multipart/form-data and
// multipart/related (what lws recognises) give a multipart parser for
// their boundary; anything else, no Content-Type included, is read as
// urlencoded, as lws does. A multipart type that does not parse, or has no
// boundary, gives bad: the reason Process will fail with.
func bodyKind(ct string) (m *multipart, bad string) {
	mt, params, err := mime.ParseMediaType(ct)
	switch mt {
	case "multipart/form-data", "multipart/related":
	default:
		if err != nil && strings.HasPrefix(strings.ToLower(strings.TrimSpace(ct)), "multipart/") {
			return nil, "bad multipart content type " + quote(ct) + ": " + err.Error()
		}
		return nil, ""
	}
	if err != nil {
		return nil, "bad multipart content type " + quote(ct) + ": " + err.Error()
	}
	b := params["boundary"]
	if b == "" {
		return nil, "multipart content type without a boundary: " + quote(ct)
	}
	return newMultipart(b), ""
}

func quote(s string) string { return "'" + s + "'" }
