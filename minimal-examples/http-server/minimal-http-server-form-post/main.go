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

// protocols is C's list: "http" answers what the file mount does not
// have, /form1 among it.
var protocols = []Lws_protocols{
	{Name: "http", Callback: callbackHTTP, PerSessionData: func() any { return new(perSessionData) }},
}

// mountForm is not C's. In C, /form1 reaches protocol 0 because the
// file mount has no such file, and the callback claims it by its whole
// URL. golws does not yet hand a request body to a callback after a file
// mount missed (the body never comes), so the form's URL has a callback
// mount of its own, the way C's comment in LWS_CALLBACK_HTTP suggests;
// what goes over the wire is the same. Behind it LWS_CALLBACK_HTTP's in
// is what follows "/form1": formIn.
var mountForm = Lws_http_mount{
	Mountpoint: "/form1",
	// golws finds a callback mount's protocol by Origin; lws main
	// takes Protocol, and Origin without it.
	Protocol:       "http",
	Origin:         "http",
	OriginProtocol: LWSMPRO_CALLBACK,
}

// formIn is LWS_CALLBACK_HTTP's in for the form's URL, "/form1" in C.
const formIn = ""

// mount is the default mount: the URL space is served from mountOrigin.
var mount = Lws_http_mount{
	MountNext:      &mountForm,
	Mountpoint:     "/",         // mountpoint URL
	FS:             mountOrigin, // serve from the embedded dir
	Def:            "index.html",
	OriginProtocol: LWSMPRO_FILE, // files in a dir
}

func main() { exampleutil.Main(run) }

// run is C's main: it serves until a value arrives on interrupt and
// returns the exit code. ready, if not nil, gets the listening port once
// the server is up.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	var o exampleutil.Common
	var with303 bool
	fl := exampleutil.NewFlags("minimal-http-server-form-post", "[-d <log mask>] [--port N] [--iface ADDR] [--303]", stderr, &o)
	fl.BoolVar(&with303, "303", false, "redirect with 303 See Other, not 301")
	if err := fl.Parse(args); err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	exampleutil.SetLogging(o.LogLevel, stderr)

	Lwsl_user("LWS minimal http server POST | visit http://localhost:%d", o.Port)

	info := Lws_context_creation_info{
		Port:      o.Port,
		Iface:     o.Iface,
		Protocols: protocols,
		Mounts:    &mount,
		Options:   LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE,
	}

	use303 = with303
	if use303 {
		Lwsl_user("%s: using 303 redirect", "main")
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
