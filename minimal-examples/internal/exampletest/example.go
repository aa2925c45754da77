package exampletest

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"
)

// Example is an example's run function running on a goroutine, its stderr
// going to Log.
type Example struct {
	Log  *Log
	Port int    // the port it listens on (Serve only)
	Host string // 127.0.0.1:Port (Serve only)
	URL  string // ws://Host/ (Serve only)

	interrupt chan os.Signal
	done      chan struct{} // closed once run returned
	code      int           // run's exit code, once done is closed
}

// Launch runs run with args on a goroutine and returns at once; when the
// test ends the run is stopped as Stop does. The ready channel it is given
// is nil.
func Launch(t testing.TB, run exampleutil.Run, args ...string) *Example {
	t.Helper()
	e := launch(t, run, args, nil)
	t.Cleanup(func() { e.Stop(t) })
	return e
}

// Serve runs a server example's run with "--port 0 --iface 127.0.0.1"
// followed by args (which may override them) and returns once it listens.
// When the test ends it is stopped as Stop does.
func Serve(t testing.TB, run exampleutil.Run, args ...string) *Example {
	t.Helper()
	ready := make(chan int, 1)
	e := launch(t, run, append([]string{"--port", "0", "--iface", "127.0.0.1"}, args...), ready)
	t.Cleanup(func() { e.Stop(t) })
	select {
	case e.Port = <-ready:
		e.Host = fmt.Sprintf("127.0.0.1:%d", e.Port)
		e.URL = "ws://" + e.Host + "/"
	case <-e.done:
		t.Fatalf("run exited early with %d; log:\n%s", e.code, e.Log)
	case <-time.After(WaitBound):
		t.Fatal("server did not start")
	}
	return e
}

func launch(t testing.TB, run exampleutil.Run, args []string, ready chan<- int) *Example {
	t.Helper()
	e := &Example{Log: NewLog(), interrupt: make(chan os.Signal, 1), done: make(chan struct{})}
	go func() {
		e.code = run(args, e.Log, e.interrupt, ready)
		close(e.done)
	}()
	return e
}

// Done is closed once run has returned.
func (e *Example) Done() <-chan struct{} { return e.done }

// Wait waits for run to return and gives its exit code.
func (e *Example) Wait(t testing.TB) int {
	t.Helper()
	select {
	case <-e.done:
		return e.code
	case <-time.After(WaitBound):
		t.Fatalf("run did not return; log:\n%s\ngoroutines:\n%s", e.Log, allStacks())
		return -1
	}
}

// Stop sends SIGINT's stand-in, unless run already returned or has one
// waiting, and waits for run to return: it gives run's exit code.
func (e *Example) Stop(t testing.TB) int {
	t.Helper()
	select {
	case <-e.done:
	case e.interrupt <- os.Interrupt:
	default:
	}
	return e.Wait(t)
}

// allStacks is every goroutine's stack, to show where a run hangs.
func allStacks() []byte {
	buf := make([]byte, 1<<20)
	return buf[:runtime.Stack(buf, true)]
}
