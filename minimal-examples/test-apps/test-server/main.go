// Command test-server is the golws port of libwebsockets-test-server: one
// vhost speaking lws's three test protocols,
//
//	dumb-increment-protocol  "0", "1", "2" ... every 50 ms; "reset\n" starts
//	                         again, "closeme\n" closes with 1001 "seeya"
//	lws-mirror-protocol      every message goes to every member
//	lws-status               JSON of the live lws-status connections
//
// (the protocols live in ../protocols), and a page of golws's own,
// embedded from mount-origin, on http://localhost:7681. The page is served
// with lws's "security best practice" headers, so its script is a file of
// its own rather than inline. Its two forms POST to /formtest, where lws's
// POST demo (protocol-post-demo) answers with what it received, files
// included. URLs the page does not have get 404 from the http-only
// protocol 0, as in C.
//
//	go run ./minimal-examples/test-apps/test-server [-d N] [--port N] [-i IFACE] [-n] [-r DIR]
//
// C's TLS switches, --closetest, daemonizing, libev, unix sockets, uid/gid
// and the SIGUSR1 dynamic vhost have no golws counterpart and are not
// offered; nor are the /ziptest mounts (files served from inside a zip
// archive, which golws cannot).
package main

import (
	"embed"
	"io"
	"io/fs"
	"os"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"
	"github.com/golws/golws/minimal-examples/test-apps/protocols"

	. "github.com/golws/golws/include-like"
)

//go:embed mount-origin
var embedded embed.FS

// mountOrigin is the test page: ours, built into the binary.
var mountOrigin, _ = fs.Sub(embedded, "mount-origin")

func main() { exampleutil.Main(run) }

// serverProtocols is C's list: the test protocols, then the POST demo.
func serverProtocols() []Lws_protocols {
	return append(protocols.ServerProtocols(), protocols.ProtocolPostDemo)
}

// run is C's main: it serves until a value arrives on interrupt and
// returns the exit code. ready, if not nil, gets the listening port once
// the server is up.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := parseArgs(args, stderr)
	if err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	exampleutil.SetLogging(o.LogLevel, stderr)
	Lwsl_notice("golws test server, the Go port of libwebsockets-test-server")

	// /formtest goes to the POST demo. The mount names it in Protocol,
	// as C's does: a POST goes to LWS_CALLBACK_HTTP straight after
	// CHECK_ACCESS_RIGHTS, another method after the protocol is bound a
	// second time.
	mountPost := Lws_http_mount{
		Mountpoint:     "/formtest",
		Protocol:       protocols.PostDemoName,
		OriginProtocol: LWSMPRO_CALLBACK,
	}
	mount := Lws_http_mount{
		MountNext:      &mountPost,
		Mountpoint:     "/",
		FS:             mountOrigin,
		Def:            "index.html",
		OriginProtocol: LWSMPRO_FILE,
	}
	if o.resourcePath != "" {
		mount.FS, mount.Origin = nil, o.resourcePath
	}
	var dumbOptions uint
	if o.noDumbSend {
		dumbOptions |= 1
	}

	info := Lws_context_creation_info{
		Port:        o.Port,
		Iface:       o.Iface,
		Protocols:   serverProtocols(),
		Pvo:         protocols.ServerPvo(dumbOptions),
		Mounts:      &mount,
		Options:     protocols.ServerOptions,
		TimeoutSecs: 5,
	}
	context := Lws_create_context(&info)
	if context == nil {
		Lwsl_err("libwebsocket init failed")
		return 1
	}
	port := Lws_get_vhost_listen_port(Lws_get_vhost_by_name(context, "default"))
	Lwsl_user("serving on http://localhost:%d", port)
	if ready != nil {
		ready <- port
	}

	// C's signal handler sets force_exit and cancels the service.
	exampleutil.ServiceLoop(context, interrupt)
	Lws_context_destroy(context)
	Lwsl_notice("test server exited cleanly")
	return 0
}
