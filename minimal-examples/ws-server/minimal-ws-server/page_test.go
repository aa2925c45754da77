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

func TestInterruptExitsCleanly(t *testing.T) {
	s := exampletest.Serve(t, run)
	cl := dial(t, s)
	cl.StartReading()
	s.Log.WaitFor(t, "LWS_CALLBACK_ESTABLISHED", 1)
	if code := s.Stop(t); code != 0 {
		t.Fatalf("exit %d after SIGINT", code)
	}
	// Destroy closed the connection; its close callback ran.
	if _, err := cl.WaitEnd(t); err == nil {
		t.Fatal("connection still open after the server stopped")
	}
	s.Log.WaitFor(t, "LWS_CALLBACK_CLOSED", 1)
}
