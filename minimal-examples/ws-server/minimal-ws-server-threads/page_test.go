package main

import (
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// The page is served from the embedded mount with lws's strict security
// headers, which is why it has no inline script or style.
func TestPageServedUnderStrictCSP(t *testing.T) {
	host := exampletest.Serve(t, run).Host
	exampletest.CheckStrictPage(t, host)
	exampletest.CheckMissing404(t, host)
}

func TestHelpAndBadArgs(t *testing.T) {
	exampletest.CheckArgs(t, run)
}
