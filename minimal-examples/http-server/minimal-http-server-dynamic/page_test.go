package main

import (
	"testing"

	"github.com/golws/golws/minimal-examples/http-server/internal/httpexample"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// Everything but /dyn is the file mount, under lws's strict security
// headers.
func TestStaticPages(t *testing.T) {
	host := exampletest.Serve(t, run).Host
	httpexample.CheckPages(t, host, map[string]string{
		"/":           "text/html",
		"/index.html": "text/html",
		"/" + logo:    "image/svg+xml",
	})
	exampletest.CheckMissing404(t, host)
}

func TestHelpAndBadArgs(t *testing.T) {
	exampletest.CheckArgs(t, run, "-ah1")
}
