package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	. "github.com/golws/golws/include-like"
)

// options is what the command line sets, with C's switches.
type options struct {
	logLevel     int    // -d: lws log mask, decimal; C's default 1031
	port         int    // -p, --port: 7681 unless told; 0 lets the kernel choose
	iface        string // -i, --iface, --interface: interface or address to bind
	noDumbSend   bool   // -n: dumb-increment connections get no numbers
	resourcePath string // -r, --resource-path: serve this directory, not our page
}

// parseArgs reads the command line. For --help it prints the usage and
// returns flag.ErrHelp.
func parseArgs(args []string, stderr io.Writer) (options, error) {
	o := options{logLevel: LLL_USER | LLL_ERR | LLL_WARN | LLL_NOTICE, port: 7681}
	fl := flag.NewFlagSet("test-server", flag.ContinueOnError)
	fl.SetOutput(stderr)
	for _, name := range []string{"d", "debug"} {
		fl.IntVar(&o.logLevel, name, o.logLevel, "log mask (decimal), e.g. -d 1039 adds INFO")
	}
	for _, name := range []string{"p", "port"} {
		fl.IntVar(&o.port, name, o.port, "port to listen on (0: any free port)")
	}
	for _, name := range []string{"i", "iface", "interface"} {
		fl.StringVar(&o.iface, name, "", "interface name or address to bind (default: all), e.g. -i lo")
	}
	fl.BoolVar(&o.noDumbSend, "n", false, "dumb-increment-protocol sends no numbers")
	for _, name := range []string{"r", "resource-path"} {
		fl.StringVar(&o.resourcePath, name, "", "serve this directory instead of the built-in page")
	}
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Usage: test-server [--port=<p>] [-i <iface>] [-d <log bitfield>] [-n] [-r <dir>]")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return o, err
	}
	if fl.NArg() > 0 {
		fl.Usage()
		return o, fmt.Errorf("unexpected argument %q", fl.Arg(0))
	}
	if o.port < 0 || o.port > 65535 {
		return o, errors.New("port must be 0..65535")
	}
	return o, nil
}
