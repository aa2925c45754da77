package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	. "github.com/golws/golws/include-like"
)

// options is what the command line sets.
//
// C's -s (TLS), -h (strict Host check) and -v (ping / hangup policy) are
// not offered: golws has none of those features.
type options struct {
	logLevel int    // -d: lws log mask, decimal
	port     int    // --port: 7681 unless told; 0 lets the kernel choose
	iface    string // --iface: address or interface to bind; "" is all

	// interval (--interval, a Go addition) is the time between TIMER
	// callbacks, C's 20 s unless told. It must stay below the 60 s
	// timeout each TIMER pushes back, or connections are dropped.
	interval time.Duration
}

// parseArgs reads the command line. For --help it prints the usage and
// returns flag.ErrHelp.
func parseArgs(args []string, stderr io.Writer) (options, error) {
	o := options{logLevel: LLL_USER | LLL_ERR | LLL_WARN | LLL_NOTICE, port: 7681, interval: 20 * time.Second}
	fl := flag.NewFlagSet("minimal-ws-server-timer", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.IntVar(&o.logLevel, "d", o.logLevel, "Debug logs (e.g. -d 15)")
	fl.IntVar(&o.port, "port", o.port, "port to listen on")
	fl.StringVar(&o.iface, "iface", "", "address or interface to bind (default: all)")
	fl.DurationVar(&o.interval, "interval", o.interval, "time between timer callbacks (under 60s)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Usage: minimal-ws-server-timer [-d <log mask>] [--port N] [--iface ADDR] [--interval D]")
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
		return o, errors.New("--port must be 0..65535")
	}
	if o.interval < time.Millisecond || o.interval >= keepaliveSecs*time.Second {
		return o, fmt.Errorf("--interval must be at least 1ms and under %ds", keepaliveSecs)
	}
	return o, nil
}
