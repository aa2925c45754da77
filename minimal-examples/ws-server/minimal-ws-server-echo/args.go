package main

import (
	"io"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"
)

// options is what the command line sets: -d, --port (or C's -p),
// --iface and -o.
//
// C's -n (no permessage-deflate) is not offered: golws never negotiates
// the extension, so that is always the case.
type options struct {
	exampleutil.Common
	once bool // -o: finish after the first connection
}

// parseArgs reads the command line. For --help it prints the usage and
// returns flag.ErrHelp.
func parseArgs(args []string, stderr io.Writer) (options, error) {
	var o options
	fl := exampleutil.NewFlags("minimal-ws-server-echo", "[-d <log mask>] [--port N] [--iface ADDR] [-o]", stderr, &o.Common)
	fl.Alias("p", "port")
	fl.BoolVar(&o.once, "o", false, "finish after one connection; exit 0 only if it had a message echoed")
	err := fl.Parse(args)
	return o, err
}
