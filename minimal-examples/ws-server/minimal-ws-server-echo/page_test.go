package main

import (
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// The page is served from the embedded mount with lws's strict security
// headers, which is why it has no inline script or style. Like the C
// original, the example's only protocol is the echo, which answers no
// HTTP: a file the mount does not have gets no answer, the connection
// closing at lws's 15 s content timeout, so that is not checked here.
func TestPageServedUnderStrictCSP(t *testing.T) {
	exampletest.CheckStrictPage(t, exampletest.Serve(t, run).Host)
}

func TestHelpAndBadArgs(t *testing.T) {
	exampletest.CheckArgs(t, run, "-o")
}
