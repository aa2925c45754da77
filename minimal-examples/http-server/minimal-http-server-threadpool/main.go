// Command minimal-http-server-threadpool serves a page that a threadpool
// task makes: each request to /page gets a task on a pool of three
// workers, which makes the page a line at a time and SYNCs after each;
// the connection's HTTP_WRITEABLE sends the line and lets the task go on.
// It is golws's own example, not a port: the shape of lws's gitohashi,
// which makes git pages on a threadpool the same way, and of libyimmo's
// worker threads handing a response to the event loop in pieces.
//
//	go run ./minimal-examples/http-server/minimal-http-server-threadpool [-d N] [--port N] [--iface ADDR]
//
// /page?lines=N&delay=MS makes N lines (default 100), MS milliseconds
// apart (default 20). What it shows:
//
//   - streaming: each line goes out as soon as it is made;
//   - backpressure: a line is made only once the connection can take the
//     previous one, so a client that stops reading stalls its task and
//     costs no memory beyond a send buffer;
//   - a client that goes away stops its task at the task's next check-in,
//     and the task's cleanup runs once;
//   - the page has a content-length, so a kept-alive connection carries
//     the next request, whose task is another's: a task can never write
//     into the next response.
//
// When the pool's eight queue places are taken, /page answers 503.
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

var mountOrigin, _ = fs.Sub(embedded, "mount-origin")

const vhostName = "localhost"

func main() { exampleutil.Main(run) }

// run serves until a value arrives on interrupt and returns the exit code;
// ready, if not nil, gets the listening port once the server is up.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := exampleutil.ParseCommon("minimal-http-server-threadpool", "[-d <log mask>] [--port N] [--iface ADDR]", args, stderr)
	if err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	exampleutil.SetLogging(o.LogLevel, stderr)

	Lwsl_user("LWS minimal http server threadpool | visit http://localhost:%d", o.Port)

	page := Lws_http_mount{
		Mountpoint:     "/page",
		Origin:         "lws-threadpool-http",
		OriginProtocol: LWSMPRO_CALLBACK,
	}
	mount := Lws_http_mount{
		MountNext:      &page,
		Mountpoint:     "/",
		FS:             mountOrigin,
		Def:            "index.html",
		OriginProtocol: LWSMPRO_FILE,
	}
	info := Lws_context_creation_info{
		Port:      o.Port,
		Iface:     o.Iface,
		Protocols: protocols(),
		Mounts:    &mount,
		VhostName: vhostName,
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
