package reliability

import (
	"bufio"
	"fmt"
	"net"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/golws/golws/internal/testbin"
)

// theBinary is the real cmd/minimal-ws-server-threadpool, built on first
// use and removed by TestMain.
var theBinary = testbin.New("github.com/golws/golws/cmd/minimal-ws-server-threadpool")

func buildBinary() (string, error) { return theBinary.Path() }

func removeBinary() { theBinary.Remove() }

// proc is the binary running on a loopback port, its stderr collected.
type proc struct {
	cmd  *exec.Cmd
	addr string
	url  string

	mu      sync.Mutex
	lines   []string
	changed chan struct{}
	done    chan error
}

func freePort(t testing.TB) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func startBinary(t testing.TB, args ...string) *proc {
	t.Helper()
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	cmd := exec.Command(bin, append([]string{"--port", fmt.Sprint(port), "--iface", "127.0.0.1"}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, addr: fmt.Sprintf("127.0.0.1:%d", port), url: fmt.Sprintf("ws://127.0.0.1:%d/", port),
		changed: make(chan struct{}), done: make(chan error, 1)}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			p.mu.Lock()
			p.lines = append(p.lines, sc.Text())
			close(p.changed)
			p.changed = make(chan struct{})
			p.mu.Unlock()
		}
		p.done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-p.done
		}
	})
	// The process has no readiness signal outside its log, and the banner
	// comes before the listener: retry the connection briefly.
	if !pollUntil(waitBound, 10*time.Millisecond, func() bool {
		nc, err := net.Dial("tcp", p.addr)
		if err == nil {
			nc.Close()
		}
		return err == nil
	}) {
		t.Fatalf("binary never listened on %s", p.addr)
	}
	return p
}

// lineCount is how many stderr lines have come so far.
func (p *proc) lineCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.lines)
}

// waitLine blocks until a stderr line contains text.
func (p *proc) waitLine(t testing.TB, text string) { p.waitLineAfter(t, 0, text) }

// waitLineAfter blocks until a stderr line after the first skip contains
// text.
func (p *proc) waitLineAfter(t testing.TB, skip int, text string) {
	t.Helper()
	deadline := time.NewTimer(waitBound)
	defer deadline.Stop()
	for {
		p.mu.Lock()
		ch := p.changed
		found := false
		for _, l := range p.lines[min(skip, len(p.lines)):] {
			if strings.Contains(l, text) {
				found = true
				break
			}
		}
		lines := append([]string(nil), p.lines...)
		p.mu.Unlock()
		if found {
			return
		}
		select {
		case <-ch:
		case <-deadline.C:
			t.Fatalf("no stderr line with %q in:\n%s", text, strings.Join(lines, "\n"))
		}
	}
}

// sigint sends SIGINT and checks exit status 0 within exitBound, without
// Destroy giving up on a connection, the last line being "main: exiting
// cleanly...".
func (p *proc) sigint(t testing.TB) time.Duration {
	t.Helper()
	start := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	var err error
	select {
	case err = <-p.done:
	case <-time.After(waitBound):
		t.Fatalf("no exit %v after SIGINT", waitBound)
	}
	took := time.Since(start)
	if err != nil {
		t.Errorf("exit after SIGINT: %v", err)
	}
	checkExitTime(t, "the binary's exit after SIGINT", took)
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.lines); n == 0 || !strings.HasSuffix(p.lines[n-1], "] U: main: exiting cleanly...") {
		t.Errorf("last lines: %q", p.lines[max(0, len(p.lines)-3):])
	}
	for _, l := range p.lines {
		for _, d := range drainLines {
			if strings.Contains(l, d) {
				t.Errorf("Destroy waited out its bound: %q", l)
			}
		}
	}
	return took
}
