// Package peers starts Debian's libwebsockets test apps (lws 4.1.6, C) for
// the test apps' differential tests, on loopback only, and collects what
// they print. Every process it starts is stopped by the test's cleanup.
package peers

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// ServerBin and ClientBin are Debian's libwebsockets-test-server package.
const (
	ServerBin = "/usr/bin/libwebsockets-test-server"
	ClientBin = "/usr/bin/libwebsockets-test-client"
)

// Require skips t when the C test apps are not installed, or fails it
// when the environment variable CI is set: there they must be.
func Require(t testing.TB) {
	t.Helper()
	for _, bin := range []string{ServerBin, ClientBin} {
		if _, err := os.Stat(bin); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing (install Debian's libwebsockets-test-server): %v", bin, err)
			}
			t.Skipf("%s is missing (install Debian's libwebsockets-test-server)", bin)
		}
	}
}

// FreePort returns a loopback TCP port nothing listens on right now.
func FreePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// WaitPort polls until something accepts on 127.0.0.1:port: a C process
// has no other way to say it is listening.
func WaitPort(t testing.TB, port int) {
	t.Helper()
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	deadline := time.Now().Add(exampletest.WaitBound)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing listens on %s after %v: %v", addr, exampletest.WaitBound, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// CServer is a running libwebsockets-test-server.
type CServer struct {
	Port int
	Log  *exampletest.Log // its stdout and stderr
}

// StartCServer runs libwebsockets-test-server bound to loopback on a free
// port, with extra arguments, and stops it (SIGINT, then SIGKILL) when the
// test ends.
func StartCServer(t testing.TB, extra ...string) *CServer {
	t.Helper()
	Require(t)
	s := &CServer{Port: FreePort(t), Log: exampletest.NewLog()}
	args := append([]string{"-i", "lo", "--port=" + strconv.Itoa(s.Port)}, extra...)
	cmd := exec.Command(ServerBin, args...)
	cmd.Stdout, cmd.Stderr = s.Log, s.Log
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", ServerBin, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(3 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	WaitPort(t, s.Port)
	return s
}

// ClientRun is what one run of libwebsockets-test-client left behind.
type ClientRun struct {
	Output   string // stdout and stderr, interleaved
	ExitCode int
}

// RunCClient runs libwebsockets-test-client with args for secs seconds
// under timeout(1), which then sends SIGINT so that the client exits as
// it does on ^C (and SIGKILL 2 s later if it does not); the exit code is
// the client's own.
func RunCClient(t testing.TB, secs int, args ...string) ClientRun {
	t.Helper()
	Require(t)
	// A backstop in case timeout(1) itself hangs.
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(secs+5)*time.Second)
	defer cancel()
	full := append([]string{"--preserve-status", "-s", "INT", "-k", "2", strconv.Itoa(secs), ClientBin}, args...)
	cmd := exec.CommandContext(ctx, "timeout", full...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	run := ClientRun{Output: out.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		run.ExitCode = ee.ExitCode()
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			run.ExitCode = 128 + int(ws.Signal())
		}
	default:
		t.Fatalf("running %s: %v", ClientBin, err)
	}
	return run
}

// ErrorLines returns the lines logged at ERR ("] E: ") other than those
// in allowed.
func ErrorLines(log string, allowed ...string) []string {
	var bad []string
next:
	for _, l := range strings.Split(log, "\n") {
		if !strings.Contains(l, "] E: ") {
			continue
		}
		for _, a := range allowed {
			if strings.HasSuffix(strings.TrimSpace(l), a) {
				continue next
			}
		}
		bad = append(bad, l)
	}
	return bad
}

// Addr is 127.0.0.1:port.
func Addr(port int) string { return fmt.Sprintf("127.0.0.1:%d", port) }
