package reliability

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/golws/golws/lws"
	"go.uber.org/goleak"
)

// TestMain checks, after every test ran, that no goroutine is left. The
// shared fuzz server is destroyed before that check (goleak's Cleanup
// option runs after the check, so the teardown goes into Run), and the
// binary built for the SIGINT tests is removed at the very end.
func TestMain(m *testing.M) {
	lws.SetLogLevel(lws.LogDefault, logSink.emit)
	goleak.VerifyTestMain(runThenTeardown{m}, goleak.Cleanup(func(code int) {
		removeBinary()
		os.Exit(code) // Cleanup replaces goleak's own os.Exit
	}))
}

type runThenTeardown struct{ m *testing.M }

func (r runThenTeardown) Run() int {
	code := r.m.Run()
	stopSharedServer()
	return code
}

// logSink keeps the last lines lws logged (at lws's default mask: ERR,
// WARN, NOTICE, USER) instead of printing them: fuzzing and bad input
// make thousands of NOTICE lines. Tests look lines up with has.
var logSink = &lineSink{}

type lineSink struct {
	mu    sync.Mutex
	lines []string
	total int // lines ever emitted; lines holds the last len(lines)
}

const sinkKeep = 4096

func (s *lineSink) emit(_ int, line string) {
	s.mu.Lock()
	if len(s.lines) >= sinkKeep {
		s.lines = append(s.lines[:0], s.lines[sinkKeep/2:]...)
	}
	s.lines = append(s.lines, strings.TrimSuffix(line, "\n"))
	s.total++
	s.mu.Unlock()
}

// count reports how many kept lines contain text.
func (s *lineSink) count(text string) int { return s.countSince(0, text) }

// mark numbers the next line to come, for countSince.
func (s *lineSink) mark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

// countSince reports how many kept lines from line mark on contain text.
func (s *lineSink) countSince(mark int, text string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	first := max(0, mark-(s.total-len(s.lines)))
	n := 0
	for _, l := range s.lines[min(first, len(s.lines)):] {
		if strings.Contains(l, text) {
			n++
		}
	}
	return n
}
