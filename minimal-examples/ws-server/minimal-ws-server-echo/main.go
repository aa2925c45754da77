// Command minimal-ws-server-echo sends back every WebSocket message it
// receives, fragment by fragment, text as text and binary as binary. It is
// the golws port of lws's minimal-ws-server-echo: each connection queues
// received chunks in a ring of 4096, and when the peer sends faster than
// it reads, the server stops reading until the ring has drained.
//
// Connections asking for the lws-minimal-server-echo protocol, or for no
// protocol at all, are echoed. A test page is served on
// http://localhost:7681 from the embedded mount-origin directory.
//
//	go run ./minimal-examples/ws-server/minimal-ws-server-echo [-d N] [--port N] [--iface ADDR] [-o]
package main

import (
	"embed"
	"errors"
	"flag"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"

	. "github.com/golws/golws/include-like"
)

//go:embed mount-origin
var embedded embed.FS

// mountOrigin is the test page: ours, built into the binary.
var mountOrigin, _ = fs.Sub(embedded, "mount-origin")

func main() {
	sigint := make(chan os.Signal, 1)
	signal.Notify(sigint, os.Interrupt)
	os.Exit(run(os.Args[1:], os.Stderr, sigint, nil))
}

// run is C's main: it serves until a value arrives on interrupt (or, with
// -o, until the first connection closes) and returns the exit code. ready,
// if not nil, gets the listening port once the server is up.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := parseArgs(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		_, _ = io.WriteString(stderr, err.Error()+"\n")
		return 1
	}
	setLogging(o.logLevel, stderr)

	Lwsl_user("LWS minimal ws server echo | visit http://localhost:%d", o.port)

	// 1: stop, 2: stop, and -o saw a message echoed.
	var interrupted atomic.Int32
	ctl := &runControl{interrupted: &interrupted}
	if o.once {
		ctl.options |= 1
	}

	mount := Lws_http_mount{
		Mountpoint:     "/",
		FS:             mountOrigin,
		Def:            "index.html",
		OriginProtocol: LWSMPRO_FILE,
	}
	info := Lws_context_creation_info{
		Port:      o.port,
		Iface:     o.iface,
		Protocols: []Lws_protocols{protocolLwsMinimalServerEcho},
		Mounts:    &mount,
		User:      ctl,
		Options: LWS_SERVER_OPTION_VALIDATE_UTF8 |
			LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE,
	}

	context := Lws_create_context(&info)
	if context == nil {
		Lwsl_err("lws init failed")
		return 1
	}
	if ready != nil {
		ready <- Lws_get_vhost_listen_port(Lws_get_vhost_by_name(context, "default"))
	}

	// C's signal handler only sets the flag and the signal ends poll();
	// here a goroutine sets it and wakes the loop.
	stop := make(chan struct{})
	var sig sync.WaitGroup
	sig.Go(func() {
		select {
		case <-interrupt:
			interrupted.CompareAndSwap(0, 1)
			Lws_cancel_service(context)
		case <-stop:
		}
	})

	n := 0
	for n >= 0 && interrupted.Load() == 0 {
		n = Lws_service(context, 0)
	}

	close(stop)
	sig.Wait()
	Lws_context_destroy(context)

	// C always reports, and fails unless -o saw a message echoed; a
	// server stopped with ^C has not failed, so only -o reports here.
	if !o.once {
		return 0
	}
	if interrupted.Load() == 2 {
		Lwsl_user("Completed OK")
		return 0
	}
	Lwsl_user("Completed failed")
	return 1
}
