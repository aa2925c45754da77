package exampletest

import (
	"strings"
	"sync"
	"testing"
)

// Log collects what an example, or a process, writes: lws's log lines
// when it is run's stderr. It is safe for concurrent use.
type Log struct {
	mu      sync.Mutex
	lines   []string // complete lines, without their newline
	partial string   // what came after the last newline
	notify  chan struct{}
}

// NewLog returns an empty Log.
func NewLog() *Log { return &Log{notify: make(chan struct{}, 1)} }

// Write appends p; it never fails.
func (l *Log) Write(p []byte) (int, error) {
	l.mu.Lock()
	lines := strings.Split(l.partial+string(p), "\n")
	l.lines = append(l.lines, lines[:len(lines)-1]...)
	l.partial = lines[len(lines)-1]
	l.mu.Unlock()
	Notify(l.notify)
	return len(p), nil
}

// Emit is l as an lws log emitter (Lws_set_log_level's second argument).
func (l *Log) Emit(_ int, line string) { _, _ = l.Write([]byte(line)) }

// String returns everything written so far.
func (l *Log) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var b strings.Builder
	for _, line := range l.lines {
		b.WriteString(line)
		b.WriteByte('\n')
	}
	b.WriteString(l.partial)
	return b.String()
}

// each calls f on every line, the last one first if backwards, until f
// returns false.
func (l *Log) each(backwards bool, f func(line string) bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	lines := l.lines
	if l.partial != "" {
		lines = append(lines[:len(lines):len(lines)], l.partial)
	}
	for i := range lines {
		if backwards {
			i = len(lines) - 1 - i
		}
		if !f(lines[i]) {
			return
		}
	}
}

// Count returns how many lines contain substr.
func (l *Log) Count(substr string) int {
	n := 0
	l.each(false, func(line string) bool {
		if strings.Contains(line, substr) {
			n++
		}
		return true
	})
	return n
}

// Last returns the last line for which match is true, and false if there
// is none.
func (l *Log) Last(match func(line string) bool) (string, bool) {
	var found string
	ok := false
	l.each(true, func(line string) bool {
		if match(line) {
			found, ok = line, true
		}
		return !ok
	})
	return found, ok
}

// WaitFor blocks until at least n lines contain substr, or fails t after
// WaitBound.
func (l *Log) WaitFor(t testing.TB, substr string, n int) {
	t.Helper()
	if !Await(l.notify, WaitBound, func() bool { return l.Count(substr) >= n }) {
		t.Fatalf("timed out waiting for %d log lines with %q; log (tail):\n%s", n, substr, Tail(l.String(), 60))
	}
}

// Tail returns the last n lines of s.
func Tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
