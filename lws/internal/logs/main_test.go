package logs

import (
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeClock is a settable clock for the dedupe and format tests.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// capture collects emitted lines.
type capture struct {
	mu     sync.Mutex
	lines  []string
	levels []int
}

func (c *capture) emit(level int, line string) {
	c.mu.Lock()
	c.lines = append(c.lines, line)
	c.levels = append(c.levels, level)
	c.mu.Unlock()
}

func (c *capture) get() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.lines...)
}

// t0 is 2026/11/23 17:05:09.12345 local time.
var t0 = time.Date(2026, 11, 23, 17, 5, 9, 123450000, time.Local)

const prefix0 = "[2026/11/23 17:05:09:1234] "

// setup resets the package, installs a capture emitter and a fake clock
// at t0, and resets again when the test ends.
func setup(t testing.TB, m int) (*capture, *fakeClock) {
	t.Helper()
	ResetForTest()
	t.Cleanup(ResetForTest)
	c := &capture{}
	clk := &fakeClock{t: t0}
	SetLogLevel(m, c.emit)
	setClock(clk.now)
	return c, clk
}

// setClock replaces the clock hook under the lock (logf reads it there).
func setClock(f func() time.Time) {
	state.mu.Lock()
	state.now = f
	state.mu.Unlock()
}
