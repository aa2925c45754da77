package main

import (
	"testing"

	"github.com/golws/golws/minimal-examples/http-server/internal/httpexample"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

func TestPages(t *testing.T) {
	host := exampletest.Serve(t, run).Host
	httpexample.CheckPages(t, host, map[string]string{
		"/":                 "text/html",
		"/after-form1.html": "text/html",
	})
	exampletest.CheckMissing404(t, host)
}

func TestHelpAndBadArgs(t *testing.T) {
	exampletest.CheckArgs(t, run, "-303")
}
