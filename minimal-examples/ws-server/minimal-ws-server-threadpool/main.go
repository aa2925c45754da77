package minimalthreadpool

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"

	. "github.com/golws/golws/include-like"
)

//go:embed mount-origin
var embedded embed.FS

// Origin is the page and script the example serves: our own, embedded.
var Origin, _ = fs.Sub(embedded, "mount-origin")

// Options is what the command line sets.
type Options struct {
	LogLevel int    // -d: the lws log mask
	Port     int    // --port (Go addition), 7681 by default
	Origin   string // --origin DIR (Go addition): serve DIR instead of the embedded page
	Iface    string // interface to bind; "" binds every address, as C

	// The perf variant (Go additions): Msgs > 0 makes each task send
	// Msgs messages, one per SYNC, without sleeping, on a pool of Threads
	// with a queue deep enough for every connection.
	Msgs    int
	Threads int

	CPUProfile string // --cpuprofile FILE (Go addition): pprof CPU profile of the run
}

// ParseArgs reads lws's switches (-d, --help) and golws's additions
// (--port, --origin). It returns flag.ErrHelp after printing the usage for
// --help, and a usage error for anything else it does not know.
func ParseArgs(args []string, stderr io.Writer) (Options, error) {
	var o Options
	var c exampleutil.Common
	fl := exampleutil.NewFlags("minimal-ws-server-threadpool", "[-d <log mask>] [--port N] [--origin DIR] [--iface IF]", stderr, &c)
	fl.StringVar(&o.Origin, "origin", "", "serve the page from this directory instead of the built-in copy")
	fl.IntVar(&o.Msgs, "msgs", 0, "perf variant: messages per task, one per SYNC, no sleep")
	fl.IntVar(&o.Threads, "threads", 3, "perf variant: threadpool size")
	fl.StringVar(&o.CPUProfile, "cpuprofile", "", "write a CPU profile of the run to this file")
	err := fl.Parse(args)
	o.LogLevel, o.Port, o.Iface = c.LogLevel, c.Port, c.Iface
	if err != nil {
		return o, err
	}
	if o.Msgs < 0 || o.Threads < 1 {
		return o, errors.New("--msgs must be >= 0 and --threads >= 1")
	}
	return o, nil
}

// Main runs the example as the C program's main does, until a value
// arrives on interrupt (the binary feeds it SIGINT), and returns the exit
// code. ready, if not nil, receives the context's listen port once it
// serves.
func Main(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := ParseArgs(args, stderr)
	if err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	if o.CPUProfile != "" {
		stop, err := startCPUProfile(o.CPUProfile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer stop()
	}
	Lws_set_log_level(o.LogLevel, nil)
	Lwsl_user("LWS minimal ws server + threadpool | visit http://localhost:%d", o.Port)

	mount := Lws_http_mount{
		Mountpoint:     "/",          // mountpoint URL
		FS:             Origin,       // the embedded page ...
		Def:            "index.html", // default filename
		OriginProtocol: LWSMPRO_FILE, // files in a dir
	}
	if o.Origin != "" {
		mount.FS, mount.Origin = nil, o.Origin // ... or a directory
	}

	// The pvo "config" reaches PROTOCOL_INIT of lws-minimal on this vhost.
	pvoOps := Lws_protocol_vhost_options{Name: "config", Value: "myconfig"}
	pvo := Lws_protocol_vhost_options{Options: &pvoOps, Name: "lws-minimal"}
	if o.Msgs > 0 {
		pvoOps.Next = &Lws_protocol_vhost_options{Name: "msgs", Value: strconv.Itoa(o.Msgs),
			Next: &Lws_protocol_vhost_options{Name: "threads", Value: strconv.Itoa(o.Threads),
				Next: &Lws_protocol_vhost_options{Name: "max-queue-depth", Value: "100000"}}}
	}

	info := Lws_context_creation_info{
		Port:      o.Port,
		Iface:     o.Iface,
		Mounts:    &mount,
		Protocols: Protocols(),
		Pvo:       &pvo,
		Options:   LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE,
	}
	context := Lws_create_context(&info)
	if context == nil {
		Lwsl_err("lws init failed")
		return 1
	}
	exampleutil.Ready(ready, context, "default")

	exampleutil.ServiceLoop(context, interrupt)
	Lws_context_destroy(context)
	Lwsl_user("%s: exiting cleanly...", "main")
	return 0
}
