package exampleutil

import (
	"errors"
	"flag"
	"fmt"
	"io"

	. "github.com/golws/golws/include-like"
)

// Common is what the switches every example takes set.
type Common struct {
	LogLevel int    // -d: lws log mask, decimal; USER, ERR, WARN and NOTICE unless told
	Port     int    // --port: 7681 unless told; 0 lets the kernel choose
	Iface    string // --iface: address or interface to bind; "" is all
}

// Flags is an example's command line: a flag.FlagSet that writes to the
// example's stderr and already knows -d, --port and --iface. The example
// adds its own switches to it before calling Parse.
type Flags struct {
	*flag.FlagSet
	port *int
}

// NewFlags returns the command line of the example called name, whose
// usage line is "Usage: name synopsis". It sets c to lws's defaults and
// binds -d, --port and --iface to it.
func NewFlags(name, synopsis string, stderr io.Writer, c *Common) *Flags {
	*c = Common{LogLevel: LLL_USER | LLL_ERR | LLL_WARN | LLL_NOTICE, Port: 7681}
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.IntVar(&c.LogLevel, "d", c.LogLevel, "Debug logs (e.g. -d 15)")
	fl.IntVar(&c.Port, "port", c.Port, "port to listen on")
	fl.StringVar(&c.Iface, "iface", c.Iface, "address or interface to bind (default: all)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Usage: "+name+" "+synopsis)
		fl.PrintDefaults()
	}
	return &Flags{FlagSet: fl, port: &c.Port}
}

// Alias makes alias another name for the switch name (C's short or long
// spelling of it).
func (f *Flags) Alias(alias, name string) {
	f.Var(f.Lookup(name).Value, alias, "same as -"+name)
}

// Parse reads args. For --help it prints the usage and returns
// flag.ErrHelp. An unknown switch, an argument that is not a switch (after
// printing the usage) and a port outside 0..65535 are errors.
func (f *Flags) Parse(args []string) error {
	if err := f.FlagSet.Parse(args); err != nil {
		return err
	}
	if f.NArg() > 0 {
		f.Usage()
		return fmt.Errorf("unexpected argument %q", f.Arg(0))
	}
	if *f.port < 0 || *f.port > 65535 {
		return errors.New("--port must be 0..65535")
	}
	return nil
}

// UsageExit is run's exit code when parsing its command line returned err
// (not nil): 0 after --help, else 1, err having been written to stderr.
func UsageExit(err error, stderr io.Writer) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	_, _ = io.WriteString(stderr, err.Error()+"\n")
	return 1
}

// ParseCommon reads the command line of an example that has no switches
// of its own, as Flags.Parse does.
func ParseCommon(name, synopsis string, args []string, stderr io.Writer) (Common, error) {
	var c Common
	err := NewFlags(name, synopsis, stderr, &c).Parse(args)
	return c, err
}
