package main

import (
	"context"
	"fmt"
	"net"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// serverProc is a server under test run as a child process on a loopback
// port, its output kept (the tail) to explain a failure.
type serverProc struct {
	cmd  *exec.Cmd
	port int
	out  *tailBuffer
	done chan error // Wait's result, once
}

const (
	readyWait = 15 * time.Second // for the port to accept
	stopWait  = 5 * time.Second  // after SIGINT, before SIGKILL
)

// freePort asks the kernel for a free loopback port. Another process could
// take it before the server binds; the server then fails to start and the
// run reports it, which is good enough for a benchmark.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// startServer runs argv with "--port P" appended and waits until P
// accepts connections.
func startServer(ctx context.Context, argv []string) (*serverProc, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	argv = append(argv[:len(argv):len(argv)], "--port", strconv.Itoa(port))
	s := &serverProc{port: port, out: &tailBuffer{max: 4096}, done: make(chan error, 1)}
	s.cmd = exec.Command(argv[0], argv[1:]...)
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.out
	// If this tool dies without stopping it, the kernel kills the server.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { s.done <- s.cmd.Wait() }()

	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	deadline := time.Now().Add(readyWait)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return s, nil
		}
		select {
		case err := <-s.done:
			s.done <- err
			return nil, fmt.Errorf("%s exited before serving (%v): %s", argv[0], err, s.out.String())
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("%s: port %d not accepting after %v: %s", argv[0], port, readyWait, s.out.String())
		}
	}
}

func (s *serverProc) pid() int { return s.cmd.Process.Pid }

func (s *serverProc) url() string { return fmt.Sprintf("ws://127.0.0.1:%d/", s.port) }

// httpURL is the server's URL for path ("/page?lines=1").
func (s *serverProc) httpURL(path string) string {
	return fmt.Sprintf("http://127.0.0.1:%d%s", s.port, path)
}

// stop interrupts the server, kills it if it lingers, and reaps it.
func (s *serverProc) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-s.done:
		s.done <- err
		return
	case <-time.After(stopWait):
	}
	_ = s.cmd.Process.Kill()
	err := <-s.done
	s.done <- err
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if over := len(t.b) - t.max; over > 0 {
		t.b = append(t.b[:0], t.b[over:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}
