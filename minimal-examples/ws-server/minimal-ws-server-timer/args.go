package main

import (
	"fmt"
	"io"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampleutil"
)

// options is what the command line sets: -d, --port, --iface and
// --interval.
//
// C's -s (TLS), -h (strict Host check) and -v (ping / hangup policy) are
// not offered: golws has none of those features.
type options struct {
	exampleutil.Common

	// interval (--interval, a Go addition) is the time between TIMER
	// callbacks, C's 20 s unless told. It must stay below the 60 s
	// timeout each TIMER pushes back, or connections are dropped.
	interval time.Duration
}

// parseArgs reads the command line. For --help it prints the usage and
// returns flag.ErrHelp.
func parseArgs(args []string, stderr io.Writer) (options, error) {
	var o options
	fl := exampleutil.NewFlags("minimal-ws-server-timer", "[-d <log mask>] [--port N] [--iface ADDR] [--interval D]", stderr, &o.Common)
	fl.DurationVar(&o.interval, "interval", 20*time.Second, "time between timer callbacks (under 60s)")
	if err := fl.Parse(args); err != nil {
		return o, err
	}
	if o.interval < time.Millisecond || o.interval >= keepaliveSecs*time.Second {
		return o, fmt.Errorf("--interval must be at least 1ms and under %ds", keepaliveSecs)
	}
	return o, nil
}
