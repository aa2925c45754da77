// Command minimal-ws-server-timer gives every WebSocket connection its own
// timer: LWS_CALLBACK_TIMER comes every 20 seconds, rearms itself and
// pushes the connection's 60 second timeout back, so a connection stays up
// for as long as its timer runs. It is the golws port of lws's
// minimal-ws-server-timer, which checks that ws timers keep working over
// long runs; this port also sends "tick N" to the browser at each TIMER so
// the schedule can be watched.
//
// Its page is served on http://localhost:7681 from the embedded
// mount-origin directory.
//
//	go run ./minimal-examples/ws-server/minimal-ws-server-timer [-d N] [--port N] [--iface ADDR] [--interval 20s]
package main

import (
	"embed"
	"io"
	"io/fs"
	"os"
	"strconv"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"

	. "github.com/golws/golws/include-like"
)

//go:embed mount-origin
var embedded embed.FS

// mountOrigin is the page: ours, built into the binary.
var mountOrigin, _ = fs.Sub(embedded, "mount-origin")

// vhostName is the vhost C's main names.
const vhostName = "localhost"

func main() { exampleutil.Main(run) }

// run is C's main: it serves until a value arrives on interrupt and
// returns the exit code. ready, if not nil, gets the listening port once
// the server is up.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := parseArgs(args, stderr)
	if err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	exampleutil.SetLogging(o.LogLevel, stderr)

	Lwsl_user("LWS minimal ws server | visit http://localhost:%d", o.Port)

	mount := Lws_http_mount{
		Mountpoint:     "/",
		FS:             mountOrigin,
		Def:            "index.html",
		OriginProtocol: LWSMPRO_FILE,
	}
	// The timer's interval reaches the protocol's PROTOCOL_INIT as a pvo.
	pvoInterval := Lws_protocol_vhost_options{Name: "interval-us", Value: strconv.FormatInt(o.interval.Microseconds(), 10)}
	pvo := Lws_protocol_vhost_options{Options: &pvoInterval, Name: "timer"}

	info := Lws_context_creation_info{
		Port:  o.Port,
		Iface: o.Iface,
		Protocols: []Lws_protocols{
			{Name: "http", Callback: Lws_callback_http_dummy},
			protocolTimer,
		},
		Mounts:    &mount,
		Pvo:       &pvo,
		VhostName: vhostName,
		Options:   LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE,
	}

	context := Lws_create_context(&info)
	if context == nil {
		Lwsl_err("lws init failed")
		return 1
	}
	exampleutil.Ready(ready, context, vhostName)

	exampleutil.ServiceLoop(context, interrupt)
	Lws_context_destroy(context)

	return 0
}
