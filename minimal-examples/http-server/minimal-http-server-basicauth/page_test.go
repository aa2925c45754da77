package main

import (
	"io/fs"
	"testing"

	"github.com/golws/golws/minimal-examples/http-server/internal/httpexample"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// file returns one of the embedded files.
func file(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(embedded, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The open page is a file under lws's strict security headers, and what
// the open mount does not have gets lws's 404 from protocol 0.
func TestPages(t *testing.T) {
	host := exampletest.Serve(t, run).Host
	httpexample.CheckPages(t, host, map[string]string{"/": "text/html", "/index.html": "text/html"})
	exampletest.CheckMissing404(t, host)
}

func TestHelpAndBadArgs(t *testing.T) {
	exampletest.CheckArgs(t, run)
}
