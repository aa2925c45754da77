// Command minimal-ws-server is a chat room over WebSocket: whatever any
// browser sends on the lws-minimal protocol is sent to every connected
// browser, the sender included. It is the golws port of lws's
// minimal-ws-server example with the lws_ring fan-out of its sibling
// minimal-ws-server-ring: lines wait in a ring of eight slots, one tail per
// connection, and a connection that falls seven lines behind is dropped.
//
// It serves its page on http://localhost:7681 from the embedded
// mount-origin directory.
//
//	go run ./minimal-examples/ws-server/minimal-ws-server [-d N] [--port N] [--iface ADDR]
//
// C's -s (TLS), -h (strict Host check) and -v (ping / hangup policy) are
// not offered: golws has none of those features.
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

// vhostName is the vhost C's main names.
const vhostName = "localhost"

func main() { exampleutil.Main(run) }

// run is C's main: it serves until a value arrives on interrupt and
// returns the exit code. ready, if not nil, gets the listening port once
// the server is up.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := exampleutil.ParseCommon("minimal-ws-server", "[-d <log mask>] [--port N] [--iface ADDR]", args, stderr)
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
	info := Lws_context_creation_info{
		Port:  o.Port,
		Iface: o.Iface,
		Protocols: []Lws_protocols{
			{Name: "http", Callback: Lws_callback_http_dummy},
			protocolLwsMinimal,
		},
		Mounts:    &mount,
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
