// Package exampletest is the test harness the examples' tests share: it
// runs an example in-process, talks to it over real sockets and reads
// what it logs, with every wait bounded by [WaitBound] and no sleeping in
// place of a signal. Only _test.go files import it.
//
// Every example's tests used to carry their own copy of the same few
// hundred lines; the copies are here once, so that a test file holds what
// that example's tests check.
//
//   - [Serve] runs an example's run function (an [exampleutil.Run]) on a
//     goroutine on 127.0.0.1 and a free port, waits until it listens and
//     stops it when the test ends; [Launch] runs one that does not listen
//     (a client). [Example.Stop] plays SIGINT, [Example.Wait] waits for
//     the exit code.
//   - [Log] collects what the example logs, for tests to count and wait on.
//   - [ServeContext] runs a context built by the test itself.
//   - [Dial] and [DialClient] connect with github.com/coder/websocket;
//     a [Client] keeps what it reads, for bounded waits on it.
//   - [Get], [CheckStrictPage] and [CheckArgs] are the HTTP and command
//     line checks the examples have in common.
//   - [Await] and [Notify] are the bounded wait on a condition, woken by a
//     channel, that all of the above use, for a test's own hooks.
//   - [ChromiumPath] and [OpenPage] load a page in headless Chromium
//     (chromedp) and report what its console says.
//
// Hooks a test installs into an example are package state of the
// example, so tests using this package do not run in parallel with each
// other; each package keeps its TestMain with goleak, which every helper
// here leaves nothing behind for.
//
// [exampleutil.Run]: github.com/golws/golws/minimal-examples/internal/exampleutil.Run
package exampletest

import "time"

// WaitBound bounds every wait; reaching it fails the test.
const WaitBound = 10 * time.Second
