package main

import (
	"embed"
	"io"
	"io/fs"
	"os"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"

	. "github.com/golws/golws/include-like"
)

//go:embed mount-origin mount-secret-origin
var embedded embed.FS

// mountOrigin is the open part of the site, secretOrigin the part behind
// the login: ours, built into the binary.
var (
	mountOrigin, _  = fs.Sub(embedded, "mount-origin")
	secretOrigin, _ = fs.Sub(embedded, "mount-secret-origin")
)

// vhostName is lws's name for the vhost a context makes from its info.
const vhostName = "default"

// protocols stands for C's empty list: given none, lws main gives the
// vhost one protocol, "http-only", answered by lws_callback_http_dummy;
// golws wants the list spelled out.
var protocols = []Lws_protocols{
	{Name: "http-only", Callback: Lws_callback_http_dummy},
}

// mounts is C's pair of mounts: /secret, served from secretOrigin to
// those whose basic credentials are a line of loginFile, in front of the
// default mount, which serves the rest of the URL space from mountOrigin.
// C's are static; here the login file's path is known only at run time.
func mounts(loginFile string) *Lws_http_mount {
	secret := &Lws_http_mount{
		Mountpoint:         "/secret",    // mountpoint URL
		FS:                 secretOrigin, // serve from the embedded dir
		Def:                "index.html",
		OriginProtocol:     LWSMPRO_FILE,
		BasicAuthLoginFile: loginFile,
	}
	return &Lws_http_mount{
		MountNext:      secret,      // linked-list "next"
		Mountpoint:     "/",         // mountpoint URL
		FS:             mountOrigin, // serve from the embedded dir
		Def:            "index.html",
		OriginProtocol: LWSMPRO_FILE, // files in a dir
	}
}

func main() { exampleutil.Main(run) }

// run is C's main: it serves until a value arrives on interrupt and
// returns the exit code. ready, if not nil, gets the listening port once
// the server is up.
func run(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int {
	o, err := exampleutil.ParseCommon("minimal-http-server-basicauth", "[-d <log mask>] [--port N] [--iface ADDR]", args, stderr)
	if err != nil {
		return exampleutil.UsageExit(err, stderr)
	}
	exampleutil.SetLogging(o.LogLevel, stderr)

	Lwsl_user("LWS minimal http server basic auth | visit http://localhost:%d", o.Port)

	loginFile, remove, err := writeLoginFile()
	if err != nil {
		Lwsl_err("writing the login file: %v", err)
		return 1
	}
	defer remove()
	Lwsl_notice("logins for /secret are read from %s", loginFile)

	info := Lws_context_creation_info{
		Port:      o.Port,
		Iface:     o.Iface,
		Protocols: protocols,
		Mounts:    mounts(loginFile),
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
