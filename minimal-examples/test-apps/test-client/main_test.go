package main

import (
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"github.com/golws/golws/minimal-examples/internal/exampleutil"
	"github.com/golws/golws/minimal-examples/test-apps/protocols"
	"go.uber.org/goleak"

	. "github.com/golws/golws/include-like"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// startGoServer runs our test server's vhost (the protocols package, as
// ../test-server runs it, without the page) in this process on a free
// loopback port, until the test ends. Its log goes to the returned log
// until a run() of the client takes the process-wide log over.
func startGoServer(t *testing.T) (int, *exampletest.Log) {
	t.Helper()
	log := exampletest.NewLog()
	exampleutil.SetLogging(LLL_USER|LLL_ERR|LLL_WARN|LLL_NOTICE, log)
	port := exampletest.ServeContext(t, &Lws_context_creation_info{
		Port:        0,
		Iface:       "lo",
		Protocols:   protocols.ServerProtocols(),
		Pvo:         protocols.ServerPvo(0),
		Options:     protocols.ServerOptions,
		TimeoutSecs: 5,
	}, log)
	return port, log
}

// startClient runs run() on a goroutine; the test's cleanup interrupts it.
func startClient(t *testing.T, args ...string) *exampletest.Example {
	t.Helper()
	return exampletest.Launch(t, run, args...)
}

// waitWithin returns c's exit code, interrupting it if it has not ended
// within bound.
func waitWithin(t *testing.T, c *exampletest.Example, bound time.Duration) int {
	t.Helper()
	select {
	case <-c.Done():
		return c.Wait(t)
	case <-time.After(bound):
		t.Errorf("the client did not finish within %v:\n%s", bound, c.Log)
		return c.Stop(t)
	}
}

func TestArgs(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		addr, path string
		port       int
	}{
		{[]string{"127.0.0.1"}, "127.0.0.1", "/", 7681},
		{[]string{"127.0.0.1", "--port=9000"}, "127.0.0.1", "/", 9000},
		{[]string{"-p", "9001", "localhost"}, "localhost", "/", 9001},
		{[]string{"ws://example.org:81/x/y?mirror=a", "--port=9"}, "example.org", "/x/y?mirror=a", 81},
		{[]string{"[::1]:82/"}, "::1", "/", 82},
	} {
		o, err := parseArgs(tc.args, exampletest.NewLog())
		if err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if o.address != tc.addr || o.path != tc.path || o.port != tc.port {
			t.Errorf("%q: got %s %s %d", tc.args, o.address, o.path, o.port)
		}
	}
	for _, bad := range [][]string{nil, {"a", "b"}, {"wss://x"}, {"x", "--no-such"}} {
		if _, err := parseArgs(bad, exampletest.NewLog()); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	o, _ := parseArgs([]string{"-l", "x", "--justmirror", "-n", "-O", "-d", "15"}, exampletest.NewLog())
	if !o.longlived || !o.justMirror || !o.noMirrorTx || !o.once || o.logLevel != 15 {
		t.Errorf("switches: %+v", o)
	}
	if code := run([]string{"--help"}, exampletest.NewLog(), nil, nil); code != 0 {
		t.Errorf("--help: exit %d", code)
	}
}
