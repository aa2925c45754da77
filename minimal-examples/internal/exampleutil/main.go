package exampleutil

import (
	"io"
	"os"
	"os/signal"
)

// Run is an example's C main in Go: it runs with the command line args
// (without the program name), writes its usage, errors and log to stderr,
// stops when a value arrives on interrupt (the process feeds it SIGINT),
// sends the listening port to ready once the context exists (when ready
// is not nil) and returns the process exit code.
type Run func(args []string, stderr io.Writer, interrupt <-chan os.Signal, ready chan<- int) int

// Main is an example's func main: it runs run on the process's arguments
// and stderr, with SIGINT as the interrupt, and exits with its code.
func Main(run Run) {
	sigint := make(chan os.Signal, 1)
	signal.Notify(sigint, os.Interrupt)
	os.Exit(run(os.Args[1:], os.Stderr, sigint, nil))
}
