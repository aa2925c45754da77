// Command minimal-ws-server-threads shows how goroutines outside the
// service loop feed WebSocket connections safely. Two producers each make
// a message ten times a second while anybody is connected and put it in a
// mutex-guarded ring; lws_cancel_service wakes the loop, which asks every
// connection for a WRITEABLE and sends what it has not seen yet. It is the
// golws port of lws's minimal-ws-server-threads example.
//
// Its page is served on http://localhost:7681 from the embedded
// mount-origin directory.
//
//	go run ./minimal-examples/ws-server/minimal-ws-server-threads [-d N] [--port N] [--iface ADDR]
package main

import (
	"embed"
	"io"
	"io/fs"
	"os"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"

	. "github.com/golws/golws/include-like"
)

//go:embed mount-origin
var embedded embed.FS

// mountOrigin is the page: ours, built into the binary.
var mountOrigin, _ = fs.Sub(embedded, "mount-origin")

func main() { exampleutil.Main(run) }

// run is C's main: it serves until a value arrives on interrupt and
// returns the exit code. ready, if not nil, gets the listening port once
// the server is up.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := exampleutil.ParseCommon("minimal-ws-server-threads", "[-d <log mask>] [--port N] [--iface ADDR]", args, stderr)
	if err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	exampleutil.SetLogging(o.LogLevel, stderr)

	Lwsl_user("LWS minimal ws server + threads | visit http://localhost:%d", o.Port)

	mount := Lws_http_mount{
		Mountpoint:     "/",
		FS:             mountOrigin,
		Def:            "index.html",
		OriginProtocol: LWSMPRO_FILE,
	}

	// Configuration for lws-minimal on this vhost travels as a pvo and
	// reaches its PROTOCOL_INIT.
	pvoOps := Lws_protocol_vhost_options{Name: "config", Value: "myconfig"}
	pvo := Lws_protocol_vhost_options{Options: &pvoOps, Name: "lws-minimal"}

	info := Lws_context_creation_info{
		Port:  o.Port,
		Iface: o.Iface,
		Protocols: []Lws_protocols{
			{Name: "http", Callback: Lws_callback_http_dummy},
			protocolLwsMinimal,
		},
		Mounts:  &mount,
		Pvo:     &pvo,
		Options: LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE,
	}

	// The producers start in PROTOCOL_INIT, inside this call.
	context := Lws_create_context(&info)
	if context == nil {
		Lwsl_err("lws init failed")
		return 1
	}
	exampleutil.Ready(ready, context, "default")

	exampleutil.ServiceLoop(context, interrupt)
	// PROTOCOL_DESTROY stops and joins the producers.
	Lws_context_destroy(context)

	return 0
}
