// Command test-client is the golws port of libwebsockets-test-client: it
// keeps one dumb-increment-protocol connection open, logging the numbers
// the server counts (-d 1039 shows them), and one lws-mirror-protocol
// connection that floods the server with random circles, and reopens
// either, at most once every two seconds, when it closes.
//
//	go run ./minimal-examples/test-apps/test-client [ws://]<server address>[:port][/path] [--port=<p>] [-d N] [-l] [-j] [-n] [-O]
//
// With --trace (a Go addition, for the differential tests) it instead
// runs a fixed script against the server's dumb-increment-protocol,
// lws-mirror-protocol and lws-status and prints what it observes, one
// "trace: " line per observation; see trace.go.
package main

import (
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"

	. "github.com/golws/golws/include-like"
)

// reconnectSecs is the least time between two connects of one kind.
const reconnectSecs = 2

// client is the program's state, reached from the callbacks through the
// context's user pointer (C keeps it in globals).
type client struct {
	o              options
	forceExit      atomic.Int32 // C's force_exit: the loop runs while it is 0
	wsiDumb        *Lws         // set by ClientConnect, cleared when it closes
	wsiMirror      *Lws
	mirrorLifetime int
}

func main() { exampleutil.Main(run) }

// run is C's main: it runs until a value arrives on interrupt (or, with
// -O, until the mirror connection closes; with --trace, until the script
// ends) and returns the exit code. ready, if not nil, gets 0 once the
// context exists.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := parseArgs(args, stderr)
	if err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	exampleutil.SetLogging(o.logLevel, stderr)
	Lwsl_notice("golws test client, the Go port of libwebsockets-test-client")

	cl := &client{o: o}
	var tr *tracer
	protocols := []Lws_protocols{protocolDumbIncrement, protocolLwsMirror}
	if o.trace {
		tr = newTracer(o, stderr)
		protocols = []Lws_protocols{tr.protocol()}
	}
	info := Lws_context_creation_info{
		Port:      CONTEXT_PORT_NO_LISTEN,
		Protocols: protocols,
		User:      cl,
	}
	context := Lws_create_context(&info)
	if context == nil {
		Lwsl_err("creating the context failed")
		return 1
	}
	if ready != nil {
		ready <- 0
	}

	stopInterrupt := exampleutil.OnInterrupt(context, interrupt, &cl.forceExit)
	var bg sync.WaitGroup
	ret := 0
	if tr != nil {
		bg.Go(func() {
			if !tr.script(context) {
				ret = 1
			}
			cl.forceExit.Store(1)
			Lws_cancel_service(context)
		})
	}

	var rlDumb, rlMirror time.Time
	for cl.forceExit.Load() == 0 {
		if tr == nil {
			cl.connectMissing(context, &rlDumb, &rlMirror)
		}
		// Half a second at most, so a connection that closed is
		// reopened on time even when nothing else happens.
		if Lws_service(context, 500) < 0 {
			break
		}
	}

	stopInterrupt()
	if tr != nil {
		tr.abort()
	}
	bg.Wait()
	Lws_context_destroy(context)
	Lwsl_notice("test client exiting")
	return ret
}

// connectMissing opens the dumb-increment and mirror connections that are
// not open, each at most once every reconnectSecs. It runs on the service
// goroutine, between two Lws_service calls, as in C.
func (cl *client) connectMissing(context *Lws_context, rlDumb, rlMirror *time.Time) {
	i := Lws_client_connect_info{
		Context: context,
		Address: cl.o.address,
		Port:    cl.o.port,
		Path:    cl.o.path,
		Host:    cl.o.address,
		Origin:  cl.o.address,
	}
	if !cl.o.justMirror && cl.wsiDumb == nil && ratelimitConnects(rlDumb, reconnectSecs) {
		Lwsl_notice("dumb: connecting")
		i.Protocol = protocolDumbIncrement.Name
		i.Pwsi = &cl.wsiDumb
		Lws_client_connect_via_info(&i)
	}
	if cl.wsiMirror == nil && ratelimitConnects(rlMirror, reconnectSecs) {
		Lwsl_notice("mirror: connecting")
		i.Protocol = protocolLwsMirror.Name
		i.Pwsi = &cl.wsiMirror
		Lws_client_connect_via_info(&i)
	}
}

// ratelimitConnects reports whether secs have passed since *last, and if
// so makes now the new *last.
func ratelimitConnects(last *time.Time, secs int) bool {
	now := time.Now()
	if !last.IsZero() && now.Sub(*last) < time.Duration(secs)*time.Second {
		return false
	}
	*last = now
	return true
}
