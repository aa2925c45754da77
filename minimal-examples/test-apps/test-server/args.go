package main

import (
	"io"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"
)

// options is what the command line sets, with C's switches: -d (--debug),
// --port (-p), --iface (-i, --interface), -n and -r.
type options struct {
	exampleutil.Common
	noDumbSend   bool   // -n: dumb-increment connections get no numbers
	resourcePath string // -r, --resource-path: serve this directory, not our page
}

// parseArgs reads the command line. For --help it prints the usage and
// returns flag.ErrHelp.
func parseArgs(args []string, stderr io.Writer) (options, error) {
	var o options
	fl := exampleutil.NewFlags("test-server", "[--port=<p>] [-i <iface>] [-d <log bitfield>] [-n] [-r <dir>]", stderr, &o.Common)
	fl.Alias("debug", "d")
	fl.Alias("p", "port")
	fl.Alias("i", "iface")
	fl.Alias("interface", "iface")
	fl.BoolVar(&o.noDumbSend, "n", false, "dumb-increment-protocol sends no numbers")
	fl.StringVar(&o.resourcePath, "r", "", "serve this directory instead of the built-in page")
	fl.Alias("resource-path", "r")
	err := fl.Parse(args)
	return o, err
}
