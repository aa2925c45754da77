package exampleutil

import (
	"errors"
	"flag"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	. "github.com/golws/golws/include-like"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const waitBound = 10 * time.Second

// newContext is a context that listens nowhere, with one protocol.
func newContext(t *testing.T) *Lws_context {
	t.Helper()
	c := Lws_create_context(&Lws_context_creation_info{
		Port:      CONTEXT_PORT_NO_LISTEN,
		Protocols: []Lws_protocols{{Name: "http", Callback: Lws_callback_http_dummy}},
	})
	if c == nil {
		t.Fatal("no context")
	}
	return c
}

// loop runs f on a goroutine and returns a channel closed when f returns.
func loop(f func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	return done
}

func waitDone(t *testing.T, done <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(waitBound):
		t.Fatalf("%s did not return", what)
	}
}

// SIGINT's stand-in ends the loop; its handler goroutine is gone when
// ServiceLoop returns (TestMain's goleak checks that).
func TestServiceLoopEndsOnInterrupt(t *testing.T) {
	c := newContext(t)
	interrupt := make(chan os.Signal, 1)
	done := loop(func() { ServiceLoop(c, interrupt) })
	interrupt <- os.Interrupt
	waitDone(t, done, "ServiceLoop")
	Lws_context_destroy(c)
}

// A protocol ends the run by setting the flag and cancelling the service;
// SIGINT does not overwrite what it set.
func TestServiceLoopUntilFlag(t *testing.T) {
	c := newContext(t)
	interrupt := make(chan os.Signal, 1)
	var interrupted atomic.Int32
	done := loop(func() { ServiceLoopUntil(c, interrupt, &interrupted) })
	interrupted.Store(2)
	Lws_cancel_service(c)
	waitDone(t, done, "ServiceLoopUntil")
	interrupt <- os.Interrupt // nobody listens any more
	if got := interrupted.Load(); got != 2 {
		t.Fatalf("interrupted %d, want 2", got)
	}
	Lws_context_destroy(c)
}

func TestOnInterruptStopsWithoutSignal(t *testing.T) {
	c := newContext(t)
	var interrupted atomic.Int32
	stop := OnInterrupt(c, make(chan os.Signal), &interrupted)
	stop()
	if interrupted.Load() != 0 {
		t.Fatal("interrupted without a signal")
	}
	Lws_context_destroy(c)
}

func TestFlags(t *testing.T) {
	var out strings.Builder
	var c Common
	var extra bool
	fl := NewFlags("x", "[-d N]", &out, &c)
	fl.Alias("p", "port")
	fl.BoolVar(&extra, "e", false, "extra")
	if err := fl.Parse([]string{"-d", "15", "-p", "9", "--iface", "lo", "-e"}); err != nil {
		t.Fatal(err)
	}
	if c != (Common{LogLevel: 15, Port: 9, Iface: "lo"}) || !extra {
		t.Fatalf("parsed %+v, extra %v", c, extra)
	}

	c, err := ParseCommon("x", "", nil, &out)
	if err != nil || c != (Common{LogLevel: LLL_USER | LLL_ERR | LLL_WARN | LLL_NOTICE, Port: 7681}) {
		t.Fatalf("defaults %+v, %v", c, err)
	}
	for _, args := range [][]string{{"--port", "-1"}, {"--port", "65536"}, {"stray"}, {"--nope"}} {
		if _, err := ParseCommon("x", "", args, &out); err == nil {
			t.Errorf("%q accepted", args)
		} else if UsageExit(err, &out) != 1 {
			t.Errorf("%q: exit not 1", args)
		}
	}

	out.Reset()
	_, err = ParseCommon("x", "[-d N]", []string{"--help"}, &out)
	if !errors.Is(err, flag.ErrHelp) || UsageExit(err, &out) != 0 {
		t.Fatalf("--help: %v", err)
	}
	if !strings.HasPrefix(out.String(), "Usage: x [-d N]\n") {
		t.Fatalf("usage %q", out.String())
	}
}
