package main

import (
	"net/http"
	"testing"

	"github.com/golws/golws/minimal-examples/http-server/internal/httpexample"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// The page is a file. A URL the file mount does not have goes to
// protocol 0, which is the "http" protocol here: it gets the DNT answer,
// not a 404, as from lws's build.
func TestPages(t *testing.T) {
	host := exampletest.Serve(t, run).Host
	httpexample.CheckPages(t, host, map[string]string{"/": "text/html"})
	resp, body := exampletest.Get(t, "http://"+host+"/nothing-here")
	if resp.StatusCode != http.StatusOK || body != "callback_http: DNT header not found\n" {
		t.Errorf("missing file: %s %q", resp.Status, body)
	}
}

func TestHelpAndBadArgs(t *testing.T) {
	exampletest.CheckArgs(t, run, "-ah1")
}
