package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
)

// options is what the command line sets, with C's switches.
//
// C's TLS switches (-s, -S, -C, -K, -A, -R), -v (protocol version), -u
// (deflate-stream), -e (echo), -m (multi), -o (POST) and the http:// and
// raw:// modes are not offered: golws's client speaks plain ws:// and never
// negotiates an extension.
type options struct {
	logLevel   int    // -d: lws log mask, decimal; lws's default 7
	port       int    // -p, --port: used when the address names none
	address    string // the server, from the positional argument
	path       string // its path, "/" unless the argument gives one
	longlived  bool   // -l: the mirror connection lives 500000 writes longer
	justMirror bool   // -j: no dumb-increment connection; mirror forever
	noMirrorTx bool   // -n: the mirror connection sends nothing
	once       bool   // -O: exit when the mirror connection closes
	trace      bool   // --trace (Go addition): run the scripted trace instead
}

// parseArgs reads the command line. Like C's getopt_long, switches may
// come before or after the server address. For --help it prints the usage
// and returns flag.ErrHelp.
func parseArgs(args []string, stderr io.Writer) (options, error) {
	o := options{logLevel: 7, port: 7681}
	fl := flag.NewFlagSet("test-client", flag.ContinueOnError)
	fl.SetOutput(stderr)
	for _, name := range []string{"d", "debug"} {
		fl.IntVar(&o.logLevel, name, o.logLevel, "log mask (decimal), e.g. -d 1039 shows every number received")
	}
	for _, name := range []string{"p", "port"} {
		fl.IntVar(&o.port, name, o.port, "server port, if the address has none")
	}
	for _, f := range []struct {
		v          *bool
		short, lng string
		usage      string
	}{
		{&o.longlived, "l", "longlived", "keep the mirror connection much longer"},
		{&o.justMirror, "j", "justmirror", "only the mirror connection, and it never closes"},
		{&o.noMirrorTx, "n", "nomirror", "the mirror connection sends nothing"},
		{&o.once, "O", "once", "exit when the mirror connection closes"},
	} {
		fl.BoolVar(f.v, f.short, false, f.usage)
		fl.BoolVar(f.v, f.lng, false, f.usage)
	}
	fl.BoolVar(&o.trace, "trace", false, "run the scripted protocol trace (for tests) and exit")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Usage: test-client <server address> [--port=<p>] [-d <log bitfield>] [-l] [-j] [-n] [-O] [--trace]")
		fl.PrintDefaults()
	}

	var positional []string
	for {
		if err := fl.Parse(args); err != nil {
			return o, err
		}
		if fl.NArg() == 0 {
			break
		}
		positional = append(positional, fl.Arg(0))
		args = fl.Args()[1:]
	}
	if len(positional) != 1 {
		fl.Usage()
		return o, errors.New("exactly one server address is needed")
	}
	if err := o.parseURI(positional[0]); err != nil {
		fl.Usage()
		return o, err
	}
	if o.port <= 0 || o.port > 65535 {
		return o, errors.New("port must be 1..65535")
	}
	return o, nil
}

// parseURI reads "[ws://]host[:port][/path]" as lws_parse_uri does.
func (o *options) parseURI(s string) error {
	if scheme, rest, ok := strings.Cut(s, "://"); ok {
		if scheme != "ws" {
			return fmt.Errorf("%s:// is not supported: golws's client speaks plain ws://", scheme)
		}
		s = rest
	}
	hostport, path, _ := strings.Cut(s, "/")
	o.path = "/" + path
	host := hostport
	if h, p, err := net.SplitHostPort(hostport); err == nil {
		n, err := strconv.Atoi(p)
		if err != nil {
			return fmt.Errorf("bad port in %q", s)
		}
		host, o.port = h, n
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "" {
		return fmt.Errorf("no host in %q", s)
	}
	o.address = host
	return nil
}
