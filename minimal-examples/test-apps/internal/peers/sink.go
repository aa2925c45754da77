package peers

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// Sink collects what a process or run() writes, for tests to wait on and
// read. It is safe for concurrent use.
type Sink struct {
	mu     sync.Mutex
	buf    strings.Builder
	notify chan struct{}
}

// NewSink returns an empty Sink.
func NewSink() *Sink { return &Sink{notify: make(chan struct{}, 1)} }

// Write appends p; it never fails.
func (s *Sink) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.buf.Write(p)
	s.mu.Unlock()
	select {
	case s.notify <- struct{}{}:
	default:
	}
	return len(p), nil
}

// String returns everything written so far.
func (s *Sink) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// Count returns how many lines contain substr.
func (s *Sink) Count(substr string) int {
	n := 0
	for _, l := range strings.Split(s.String(), "\n") {
		if strings.Contains(l, substr) {
			n++
		}
	}
	return n
}

// WaitFor blocks until at least n lines contain substr, or fails t after
// WaitBound.
func (s *Sink) WaitFor(t testing.TB, substr string, n int) {
	t.Helper()
	deadline := time.NewTimer(WaitBound)
	defer deadline.Stop()
	for s.Count(substr) < n {
		select {
		case <-s.notify:
		case <-deadline.C:
			t.Fatalf("timed out waiting for %d lines with %q; have:\n%s", n, substr, tail(s.String(), 60))
		}
	}
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
