// Command minimal-ws-server-threadpool is lws's threadpool example in Go:
// a page on http://localhost:7681 opens eight WebSocket connections, and
// each gets a task on a pool of three workers that sends "pos N" ten
// times, about a second apart.
//
// Usage:
//
//	minimal-ws-server-threadpool [-d <log mask>] [--port N] [--origin DIR] [--iface IF]
//
// SIGINT (or SIGTERM) destroys the context cleanly and exits 0.
package main

import (
	"os"
	"os/signal"
	"syscall"

	minimalthreadpool "github.com/golws/golws/minimal-examples/ws-server/minimal-ws-server-threadpool"
)

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	os.Exit(minimalthreadpool.Main(os.Args[1:], os.Stderr, sigs, nil))
}
