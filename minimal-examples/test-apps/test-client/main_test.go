package main

import (
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/test-apps/internal/peers"
	"github.com/golws/golws/minimal-examples/test-apps/protocols"
	"go.uber.org/goleak"

	. "github.com/golws/golws/include-like"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// startGoServer runs our test server's vhost (the protocols package, as
// ../test-server runs it, without the page) in this process on a free
// loopback port, until the test ends. Its log goes to the returned sink
// until a run() of the client takes the process-wide log over.
func startGoServer(t *testing.T) (int, *peers.Sink) {
	t.Helper()
	log := peers.NewSink()
	setLogging(LLL_USER|LLL_ERR|LLL_WARN|LLL_NOTICE, log)
	info := Lws_context_creation_info{
		Port:        0,
		Iface:       "lo",
		Protocols:   protocols.ServerProtocols(),
		Pvo:         protocols.ServerPvo(0),
		Options:     protocols.ServerOptions,
		TimeoutSecs: 5,
	}
	context := Lws_create_context(&info)
	if context == nil {
		t.Fatalf("creating the server context failed:\n%s", log)
	}
	port := Lws_get_vhost_listen_port(Lws_get_vhost_by_name(context, "default"))

	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Go(func() {
		for !stop.Load() && Lws_service(context, 0) >= 0 {
		}
		Lws_context_destroy(context)
	})
	t.Cleanup(func() {
		stop.Store(true)
		Lws_cancel_service(context)
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(peers.WaitBound):
			t.Error("the server did not stop")
		}
	})
	return port, log
}

// clientRun is run() on a goroutine.
type clientRun struct {
	log       *peers.Sink
	interrupt chan os.Signal
	exit      chan int
}

func startClient(t *testing.T, args ...string) *clientRun {
	t.Helper()
	c := &clientRun{log: peers.NewSink(), interrupt: make(chan os.Signal, 1), exit: make(chan int, 1)}
	go func() { c.exit <- run(args, c.log, c.interrupt, nil) }()
	t.Cleanup(func() { c.stop(t) })
	return c
}

// wait returns run's exit code, interrupting it if it has not ended
// within bound.
func (c *clientRun) wait(t *testing.T, bound time.Duration) int {
	t.Helper()
	select {
	case code := <-c.exit:
		c.exit <- code // for stop, and a second wait
		return code
	case <-time.After(bound):
		t.Errorf("the client did not finish within %v:\n%s", bound, c.log)
		return c.stop(t)
	}
}

// stop interrupts run, as ^C does, and returns its exit code.
func (c *clientRun) stop(t *testing.T) int {
	t.Helper()
	select {
	case c.interrupt <- os.Interrupt:
	default:
	}
	select {
	case code := <-c.exit:
		c.exit <- code
		return code
	case <-time.After(peers.WaitBound):
		t.Fatal("the client did not stop")
		return -1
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
		o, err := parseArgs(tc.args, peers.NewSink())
		if err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if o.address != tc.addr || o.path != tc.path || o.port != tc.port {
			t.Errorf("%q: got %s %s %d", tc.args, o.address, o.path, o.port)
		}
	}
	for _, bad := range [][]string{nil, {"a", "b"}, {"wss://x"}, {"x", "--no-such"}} {
		if _, err := parseArgs(bad, peers.NewSink()); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	o, _ := parseArgs([]string{"-l", "x", "--justmirror", "-n", "-O", "-d", "15"}, peers.NewSink())
	if !o.longlived || !o.justMirror || !o.noMirrorTx || !o.once || o.logLevel != 15 {
		t.Errorf("switches: %+v", o)
	}
	if code := run([]string{"--help"}, peers.NewSink(), nil, nil); code != 0 {
		t.Errorf("--help: exit %d", code)
	}
}
