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

// mountOrigin is the form and the page after it: ours, built into the
// binary.
var mountOrigin, _ = fs.Sub(embedded, "mount-origin")

// vhostName is lws's name for the vhost a context makes from its info.
const vhostName = "default"

// protocols is C's list. Its one protocol is protocol 0, so it gets every
// request the file mount cannot answer, the form's /form1 among them.
var protocols = []Lws_protocols{
	{Name: "http", Callback: callbackHTTP},
}

// mount serves the pages from mountOrigin, index.html for "/"; what is no
// file there goes on to protocol 0.
var mount = Lws_http_mount{
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
	o, err := exampleutil.ParseCommon("minimal-http-server-form-get", "[-d <log mask>] [--port N] [--iface ADDR]", args, stderr)
	if err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	exampleutil.SetLogging(o.LogLevel, stderr)

	Lwsl_user("LWS minimal http server GET | visit http://localhost:%d", o.Port)

	info := Lws_context_creation_info{
		Port:      o.Port,
		Iface:     o.Iface,
		Protocols: protocols,
		Mounts:    &mount,
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
