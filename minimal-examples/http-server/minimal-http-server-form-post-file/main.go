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
	{Name: "http", Callback: callbackHTTP, PerSessionData: func() any { return new(perSessionData) }},
}

// mount serves the pages from mountOrigin, index.html for "/". It is the
// only mount, as in C: /form1 is no file, so the request, body and all,
// goes on to protocol 0, which claims it in LWS_CALLBACK_HTTP.
var mount = Lws_http_mount{
	Mountpoint:     "/",
	FS:             mountOrigin,
	Def:            "index.html",
	OriginProtocol: LWSMPRO_FILE,
}

// uploadDirPattern names the directory run makes for the uploads.
const uploadDirPattern = "lws-minimal-http-server-form-post-file-"

func main() { exampleutil.Main(run) }

// run is C's main: it serves until a value arrives on interrupt and
// returns the exit code. ready, if not nil, gets the listening port once
// the server is up.
//
// C saves the uploads in its working directory and leaves them there.
// run makes a directory of its own for them, and deletes it, uploads and
// all, when the server stops. The callbacks reach it through the
// context's user pointer, as an os.Root: no upload can land outside it.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := exampleutil.ParseCommon("minimal-http-server-form-post-file", "[-d <log mask>] [--port N] [--iface ADDR]", args, stderr)
	if err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	exampleutil.SetLogging(o.LogLevel, stderr)

	Lwsl_user("LWS minimal http server POST file | visit http://localhost:%d", o.Port)

	dir, err := os.MkdirTemp("", uploadDirPattern)
	if err != nil {
		Lwsl_err("upload directory: %v", err)
		return 1
	}
	defer removeUploads(dir)
	uploads, err := os.OpenRoot(dir)
	if err != nil {
		Lwsl_err("upload directory: %v", err)
		return 1
	}
	defer uploads.Close()
	Lwsl_user("uploads are saved in %s until the server stops", dir)

	info := Lws_context_creation_info{
		Port:      o.Port,
		Iface:     o.Iface,
		Protocols: protocols,
		Mounts:    &mount,
		Options:   LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE,
		User:      uploads,
	}

	context := Lws_create_context(&info)
	if context == nil {
		Lwsl_err("lws init failed")
		return 1
	}
	exampleutil.Ready(ready, context, vhostName)

	exampleutil.ServiceLoop(context, interrupt)
	// Destroying the context closes the connections, whose callbacks
	// still use the directory; the deferred calls come after.
	Lws_context_destroy(context)

	return 0
}

// removeUploads deletes the upload directory and what it holds.
func removeUploads(dir string) {
	if err := os.RemoveAll(dir); err != nil {
		Lwsl_err("removing %s: %v", dir, err)
		return
	}
	Lwsl_user("removed %s", dir)
}
