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
	"io"
	"io/fs"
	"os"
	"sync/atomic"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"

	. "github.com/golws/golws/include-like"
)

//go:embed mount-origin
var embedded embed.FS

// mountOrigin is the test page: ours, built into the binary.
var mountOrigin, _ = fs.Sub(embedded, "mount-origin")

func main() { exampleutil.Main(run) }

// run is C's main: it serves until a value arrives on interrupt (or, with
// -o, until the first connection closes) and returns the exit code. ready,
// if not nil, gets the listening port once the server is up.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := parseArgs(args, stderr)
	if err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	exampleutil.SetLogging(o.LogLevel, stderr)

	Lwsl_user("LWS minimal ws server echo | visit http://localhost:%d", o.Port)

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
		Port:      o.Port,
		Iface:     o.Iface,
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
	exampleutil.Ready(ready, context, "default")

	// SIGINT sets interrupted to 1; with -o the protocol sets it too.
	exampleutil.ServiceLoopUntil(context, interrupt, &interrupted)
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
