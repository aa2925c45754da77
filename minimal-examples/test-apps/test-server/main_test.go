package main

import (
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// startGoServer runs the test server with -i lo on a free port; the test's
// cleanup interrupts it and checks it exits 0.
func startGoServer(t *testing.T, extra ...string) *exampletest.Example {
	t.Helper()
	s := exampletest.Serve(t, run, append([]string{"-i", "lo"}, extra...)...)
	t.Cleanup(func() {
		if code := s.Stop(t); code != 0 {
			t.Errorf("run exited %d", code)
		}
	})
	return s
}

func TestHelpAndBadArgs(t *testing.T) {
	exampletest.CheckArgs(t, run, "-i", "-interface", "-debug", "-n", "-r", "-resource-path")
}

func TestArgs(t *testing.T) {
	o, err := parseArgs([]string{"-d", "1039", "--port=9000", "--interface", "lo", "-n"}, exampletest.NewLog())
	if err != nil {
		t.Fatal(err)
	}
	if o.LogLevel != 1039 || o.Port != 9000 || o.Iface != "lo" || !o.noDumbSend {
		t.Fatalf("parsed %+v", o)
	}
	o, err = parseArgs(nil, exampletest.NewLog())
	if err != nil || o.Port != 7681 || o.LogLevel != 1031 || o.Iface != "" {
		t.Fatalf("defaults %+v, %v", o, err)
	}
}
