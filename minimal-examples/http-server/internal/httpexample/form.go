package httpexample

import (
	"bytes"
	"io"
	"mime/multipart"
	"testing"
)

// Part is one part of a multipart form: a field, or a file when Filename
// is set.
type Part struct {
	Name, Filename, Value string
}

// Multipart encodes parts as a multipart/form-data body, as a browser
// sends a form with enctype="multipart/form-data", and returns the
// request's Content-Type and the body.
func Multipart(t testing.TB, parts ...Part) (contentType, body string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for _, p := range parts {
		var err error
		if p.Filename != "" {
			var fw io.Writer
			if fw, err = w.CreateFormFile(p.Name, p.Filename); err == nil {
				_, err = io.WriteString(fw, p.Value)
			}
		} else {
			err = w.WriteField(p.Name, p.Value)
		}
		if err != nil {
			t.Fatalf("multipart: %v", err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatalf("multipart: %v", err)
	}
	return w.FormDataContentType(), b.String()
}
