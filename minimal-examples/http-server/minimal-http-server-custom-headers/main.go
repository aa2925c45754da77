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

// mountOrigin holds the site's one page, golws's own, built into the
// binary.
var mountOrigin, _ = fs.Sub(embedded, "mount-origin")

// vhostName is the name C's main gives its http vhost.
const vhostName = "http"

// protocols is C's list. Its one protocol is protocol 0 and the /dyn
// mount's as well, so it answers /dyn and whatever the file mount does
// not have, the same way.
var protocols = []Lws_protocols{
	{Name: "http", Callback: callbackHTTP, PerSessionData: func() any { return new(perSessionData) }},
}

// mountDyn gives /dyn and what is under it to the "http" protocol, named
// in Protocol as C does.
var mountDyn = Lws_http_mount{
	Mountpoint:     "/dyn",
	Protocol:       "http",
	OriginProtocol: LWSMPRO_CALLBACK,
}

// mount answers every other URL with a file from mountOrigin, index.html
// for "/". mountDyn is chained after it: lws takes the longest mountpoint
// that matches, whatever the order.
var mount = Lws_http_mount{
	MountNext:      &mountDyn,
	Mountpoint:     "/",
	FS:             mountOrigin,
	Def:            "index.html",
	OriginProtocol: LWSMPRO_FILE,
}

func main() { exampleutil.Main(run) }

// run is C's main: it serves until a value arrives on interrupt and
// returns the exit code. ready, if not nil, gets the listening port once
// the server is up.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	var o exampleutil.Common
	var ah1 bool
	fl := exampleutil.NewFlags("minimal-http-server-custom-headers", "[-d <log mask>] [--port N] [--iface ADDR] [--ah1]", stderr, &o)
	fl.BoolVar(&ah1, "ah1", false, "one request header table for the whole server (tests lws's queue for them)")
	if err := fl.Parse(args); err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	exampleutil.SetLogging(o.LogLevel, stderr)

	Lwsl_user("LWS minimal http server custom headers | visit http://localhost:%d", o.Port)

	info := Lws_context_creation_info{
		Port:      o.Port,
		Iface:     o.Iface,
		Protocols: protocols,
		Mounts:    &mount,
		VhostName: vhostName,
		Options:   LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE,
	}

	// One header table for all connections makes a second client wait
	// in lws's queue for it: a way to exercise the queue, not a setting
	// for a real server.
	if ah1 {
		info.MaxHTTPHeaderPool = 1
	}

	// C makes the context with no vhost, then this one (http on 7681)
	// and an https one on 7682; golws makes one vhost per context, and
	// has no TLS yet.
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
