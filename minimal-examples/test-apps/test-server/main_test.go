package main

import (
	"os"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/test-apps/internal/peers"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// goServer is run() on a goroutine, bound to a free loopback port.
type goServer struct {
	port int
	log  *peers.Sink
}

// startGoServer runs the test server with -i lo on a free port; the test's
// cleanup interrupts it and checks it exits 0.
func startGoServer(t *testing.T, extra ...string) *goServer {
	t.Helper()
	s := &goServer{log: peers.NewSink()}
	interrupt := make(chan os.Signal, 1)
	ready := make(chan int, 1)
	exit := make(chan int, 1)
	args := append([]string{"-i", "lo", "--port", "0"}, extra...)
	go func() { exit <- run(args, s.log, interrupt, ready) }()
	select {
	case s.port = <-ready:
	case code := <-exit:
		t.Fatalf("run exited %d before serving:\n%s", code, s.log)
	case <-time.After(peers.WaitBound):
		t.Fatal("server not ready")
	}
	t.Cleanup(func() {
		interrupt <- os.Interrupt
		select {
		case code := <-exit:
			if code != 0 {
				t.Errorf("run exited %d", code)
			}
		case <-time.After(peers.WaitBound):
			t.Error("server did not stop")
		}
	})
	return s
}

func TestHelpAndBadArgs(t *testing.T) {
	sink := peers.NewSink()
	if code := run([]string{"--help"}, sink, nil, nil); code != 0 {
		t.Errorf("--help: exit %d", code)
	}
	if code := run([]string{"--no-such-switch"}, sink, nil, nil); code == 0 {
		t.Error("an unknown switch was accepted")
	}
	if code := run([]string{"stray"}, sink, nil, nil); code == 0 {
		t.Error("a stray argument was accepted")
	}
}

func TestArgs(t *testing.T) {
	o, err := parseArgs([]string{"-d", "1039", "--port=9000", "--interface", "lo", "-n"}, peers.NewSink())
	if err != nil {
		t.Fatal(err)
	}
	if o.logLevel != 1039 || o.port != 9000 || o.iface != "lo" || !o.noDumbSend {
		t.Fatalf("parsed %+v", o)
	}
	o, err = parseArgs(nil, peers.NewSink())
	if err != nil || o.port != 7681 || o.logLevel != 1031 || o.iface != "" {
		t.Fatalf("defaults %+v, %v", o, err)
	}
}
