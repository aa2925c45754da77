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

// mountOrigin is the site: ours, built into the binary.
var mountOrigin, _ = fs.Sub(embedded, "mount-origin")

// vhostName is lws's name for the vhost a context makes from its info.
const vhostName = "default"

// protocols stands for C's empty list: given none, lws main gives the
// vhost one protocol, "http-only", answered by lws_callback_http_dummy;
// golws wants the list spelled out.
var protocols = []Lws_protocols{
	{Name: "http-only", Callback: Lws_callback_http_dummy},
}

// mimeBz2 is C's pvo_mime: the type of the files whose name ends in
// ".bz2", which the server does not know by itself. It is looked at
// before the server's own table.
var mimeBz2 = map[string]string{
	".bz2": "application/x-bzip2", // file suffix -> mimetype
}

// mount is the default mount: the URL space is served from mountOrigin,
// with mimeBz2 added to the file types.
var mount = Lws_http_mount{
	Mountpoint:     "/",         // mountpoint URL
	FS:             mountOrigin, // serve from the embedded dir
	Def:            "index.html",
	ExtraMimetypes: mimeBz2,
	OriginProtocol: LWSMPRO_FILE, // files in a dir
}

func main() { exampleutil.Main(run) }

// run is C's main: it serves until a value arrives on interrupt and
// returns the exit code. ready, if not nil, gets the listening port once
// the server is up.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := exampleutil.ParseCommon("minimal-http-server-mimetypes", "[-d <log mask>] [--port N] [--iface ADDR]", args, stderr)
	if err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	exampleutil.SetLogging(o.LogLevel, stderr)

	Lwsl_user("LWS minimal http server | visit http://localhost:%d", o.Port)

	info := Lws_context_creation_info{
		Port:             o.Port,
		Iface:            o.Iface,
		Protocols:        protocols,
		Mounts:           &mount,
		ErrorDocument404: "/404.html",
		Options:          LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE,
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
