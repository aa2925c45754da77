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
	"errors"
	"flag"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"strconv"
	"sync"
	"sync/atomic"

	. "github.com/golws/golws/include-like"
)

//go:embed mount-origin
var embedded embed.FS

// mountOrigin is the page: ours, built into the binary.
var mountOrigin, _ = fs.Sub(embedded, "mount-origin")

// vhostName is the vhost C's main names.
const vhostName = "localhost"

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

	Lwsl_user("LWS minimal ws server | visit http://localhost:%d", o.port)

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
		Port:  o.port,
		Iface: o.iface,
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
	if ready != nil {
		ready <- Lws_get_vhost_listen_port(Lws_get_vhost_by_name(context, vhostName))
	}

	// C's signal handler only sets a flag and the signal itself ends
	// poll(); here a goroutine sets the flag and wakes the loop.
	var interrupted atomic.Bool
	stop := make(chan struct{})
	var sig sync.WaitGroup
	sig.Go(func() {
		select {
		case <-interrupt:
			interrupted.Store(true)
			Lws_cancel_service(context)
		case <-stop:
		}
	})

	for !interrupted.Load() {
		if Lws_service(context, 0) != 0 {
			break
		}
	}

	close(stop)
	sig.Wait()
	Lws_context_destroy(context)

	return 0
}
