package reliability

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/golws/golws/lws"
)

// The lock-out: with the server's open-file limit lowered, more idle
// kept-alive connections than it can hold used to lock a normal client
// out for good. lws frees them KeepaliveTimeout after their last
// response, so the normal client is served again from then on. The server
// runs in a subprocess (this test binary, run as lockoutServer) so that
// its limit is its own.

const (
	lockoutEnv   = "GOLWS_LOCKOUT_SERVER"
	lockoutLimit = 256 // the server's RLIMIT_NOFILE
	lockoutIdle  = 320 // idle kept-alive connections, more than it can hold
)

func TestLockoutUnderFDLimit(t *testing.T) {
	if os.Getenv(lockoutEnv) != "" {
		t.Skip("this is the server process")
	}
	noLeaks(t)
	srv := exec.Command(os.Args[0], "-test.run=^TestLockoutServer$", "-test.count=1")
	srv.Env = append(os.Environ(), lockoutEnv+"=1")
	srv.Stderr = os.Stderr
	stdin, err := srv.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	// The server's first line is its address; after it, stdout is only
	// drained until the process exits.
	lines := make(chan string, 1)
	exited := make(chan error, 1)
	go func() {
		br := bufio.NewReader(stdout)
		line, _ := br.ReadString('\n')
		lines <- line
		io.Copy(io.Discard, br)
		exited <- srv.Wait()
	}()
	defer func() {
		stdin.Close() // the server's signal to stop
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("server process: %v", err)
			}
		case <-time.After(waitBound):
			srv.Process.Kill()
			<-exited
			t.Error("server process did not exit")
		}
	}()
	var addr string
	select {
	case line := <-lines:
		if _, err := fmt.Sscanf(line, "addr %s", &addr); err != nil {
			t.Fatalf("no address from the server process: %q %v", line, err)
		}
	case <-time.After(waitBound):
		t.Fatal("the server process printed no address")
	}

	// The crowd: each sends a request and then idles, unread answer and
	// all, keeping its connection.
	for i := 0; i < lockoutIdle; i++ {
		c := rawDial(t, addr, 3*waitBound)
		if err := c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
			t.Fatalf("idle client %d: %v", i, err)
		}
	}
	start := time.Now()
	if err := getOK(addr, 2*waitBound); err != nil {
		t.Fatalf("a normal client was locked out for %v: %v", time.Since(start).Round(time.Millisecond), err)
	}
	t.Logf("a normal client was served after %v", time.Since(start).Round(time.Millisecond))
}

// TestLockoutServer is the server process of TestLockoutUnderFDLimit: a
// file server with a 1 s keep-alive timeout under an open-file limit of
// lockoutLimit. It prints its address and serves until its stdin closes.
func TestLockoutServer(t *testing.T) {
	if os.Getenv(lockoutEnv) == "" {
		t.Skip("run by TestLockoutUnderFDLimit")
	}
	rl := syscall.Rlimit{Cur: lockoutLimit, Max: lockoutLimit}
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		t.Fatal(err)
	}
	lws.SetLogLevel(0, nil) // accept errors (EMFILE) are expected
	s := startFileServer(t, lws.ContextCreationInfo{KeepaliveTimeout: 1}, smallSite)
	fmt.Printf("addr %s\n", s.addr)
	io.Copy(io.Discard, os.Stdin)
}
