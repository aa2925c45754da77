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
// its own rather than inline. URLs the page does not have get 404 from the
// http-only protocol 0, as in C.
//
//	go run ./minimal-examples/test-apps/test-server [-d N] [--port N] [-i IFACE] [-n] [-r DIR]
//
// C's TLS switches, --closetest, daemonizing, libev, unix sockets, uid/gid
// and the SIGUSR1 dynamic vhost have no golws counterpart and are not
// offered; nor is the POST demo (golws has no HTTP body callbacks).
package main

import (
	"embed"
	"errors"
	"flag"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"

	"github.com/golws/golws/minimal-examples/test-apps/protocols"

	. "github.com/golws/golws/include-like"
)

//go:embed mount-origin
var embedded embed.FS

// mountOrigin is the test page: ours, built into the binary.
var mountOrigin, _ = fs.Sub(embedded, "mount-origin")

func main() {
	sigint := make(chan os.Signal, 1)
	signal.Notify(sigint, os.Interrupt)
	os.Exit(run(os.Args[1:], os.Stderr, sigint, nil))
}

// run is C's main: it serves until a value arrives on interrupt and
// returns the exit code. ready, if not nil, gets the listening port once
// the server is up.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := parseArgs(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		_, _ = io.WriteString(stderr, err.Error()+"\n")
		return 1
	}
	setLogging(o.logLevel, stderr)
	Lwsl_notice("golws test server, the Go port of libwebsockets-test-server")

	mount := Lws_http_mount{
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
		Port:        o.port,
		Iface:       o.iface,
		Protocols:   protocols.ServerProtocols(),
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

	// C's signal handler sets force_exit and cancels the service; here a
	// goroutine does both when interrupt fires.
	var forceExit atomic.Bool
	stop := make(chan struct{})
	var sig sync.WaitGroup
	sig.Go(func() {
		select {
		case <-interrupt:
			forceExit.Store(true)
			Lws_cancel_service(context)
		case <-stop:
		}
	})

	n := 0
	for n >= 0 && !forceExit.Load() {
		n = Lws_service(context, 0)
	}

	close(stop)
	sig.Wait()
	Lws_context_destroy(context)
	Lwsl_notice("test server exited cleanly")
	return 0
}
