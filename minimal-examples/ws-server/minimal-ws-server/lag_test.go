package main

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// A client that stops reading only falls behind in the ring once the
// kernel buffers between it and the server are full: some hundreds of
// lines, as the server's send buffer grows to a few MB. Even then the
// kernel may now and then take a little more, so these tests read how far
// behind it is from the server's log instead of assuming it.

// maxLines bounds how many lines a test sends.
const maxLines = 5000

// bigLine is a numbered line that fits one receive chunk (4096 bytes), so
// each is exactly one ring element, and fills kernel buffers quickly.
func bigLine(i int) string {
	return fmt.Sprintf("line %05d ", i) + strings.Repeat("x", 4000)
}

var freeSpaceRE = regexp.MustCompile(`LWS_CALLBACK_RECEIVE: free space (\d+)`)

// lastFree is the ring's free space the server logged for the last line it
// received. A line equal to the one before it may be swallowed by lws's
// log, but then it says the same.
func (s *logSink) lastFree(t *testing.T) int {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.lines) - 1; i >= 0; i-- {
		if m := freeSpaceRE.FindStringSubmatch(s.lines[i]); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
	}
	t.Fatal("no line was received")
	return 0
}

// chat is one sender whose lines are all kept, in order.
type chat struct {
	t    *testing.T
	s    *server
	from *client
	sent []string
}

// say sends the next line in lockstep with readers.
func (c *chat) say(readers ...*client) {
	c.t.Helper()
	if len(c.sent) == maxLines {
		c.t.Fatalf("sent %d lines without getting there", maxLines)
	}
	line := bigLine(len(c.sent))
	say(c.t, c.from, readers, line)
	c.sent = append(c.sent, line)
}

// sayUntil sends lines until done holds after one.
func (c *chat) sayUntil(done func() bool, readers ...*client) {
	c.t.Helper()
	for {
		c.say(readers...)
		if done() {
			return
		}
	}
}

func TestLaggingClientIsCulled(t *testing.T) {
	s := startServer(t)
	a, b := dial(t, s), dial(t, s)
	a.startReading()
	b.startReading()
	slow := dial(t, s, smallRcvBuf) // never reads until the end
	s.log.waitFor(t, "LWS_CALLBACK_ESTABLISHED", 3)

	// The others get every line at once while the silent client falls
	// behind, until it holds all seven slots: the next line culls it.
	c := &chat{t: t, s: s, from: a}
	c.sayUntil(func() bool { return s.log.count("Killing lagging client") > 0 }, a, b)
	s.log.waitFor(t, "cull_lagging_clients: shrunk ring from 7 to 0", 1)
	s.log.waitFor(t, "LWS_CALLBACK_CLOSED", 1)
	if s.log.count("free space 1") == 0 {
		t.Fatalf("culled before the ring was full; log:\n%s", s.log)
	}

	// With the ring emptied, the room goes on.
	for range 10 {
		c.say(a, b)
		if f := s.log.lastFree(t); f != ringDepth-1 {
			t.Fatalf("free space %d after the cull, want %d", f, ringDepth-1)
		}
	}
	for i, r := range []*client{a, b} {
		if got, _ := r.received(); !slices.Equal(got, c.sent) {
			t.Fatalf("reader %d got %d lines, sent %d", i, len(got), len(c.sent))
		}
	}
	if n := s.log.count("dropping!"); n != 0 {
		t.Fatalf("%d lines dropped", n)
	}

	// The culled client gets what the kernel held for it, in order, and
	// then the connection ends.
	slow.startReading()
	got, err := slow.waitEnd(t)
	if err == nil {
		t.Fatal("culled connection did not end")
	}
	if len(got) == 0 || len(got) >= len(c.sent) || !slices.Equal(got, c.sent[:len(got)]) {
		t.Fatalf("culled client got %d lines, not a proper prefix of the %d sent", len(got), len(c.sent))
	}
	t.Logf("%d lines sent; the culled client took %d", len(c.sent), len(got))
}

// A newcomer's tail is the oldest one, as in C: while someone lags, it is
// sent the lines the slowest reader is still waiting for.
func TestNewcomerStartsAtSlowestReader(t *testing.T) {
	s := startServer(t)
	a := dial(t, s)
	a.startReading()
	dial(t, s, smallRcvBuf) // never reads
	s.log.waitFor(t, "LWS_CALLBACK_ESTABLISHED", 2)
	c := &chat{t: t, s: s, from: a}

	for attempt := 1; ; attempt++ {
		// Four lines behind at most, so the two of them stay clear
		// of a cull.
		c.sayUntil(func() bool { return s.log.lastFree(t) <= 4 }, a)

		late := dial(t, s)
		late.startReading()
		s.log.waitFor(t, "LWS_CALLBACK_ESTABLISHED", 2+attempt)
		c.say(a)

		// The newcomer sits at the oldest tail until it writes, so the
		// free space logged for this line says what it was owed.
		backlog := ringDepth - 1 - s.log.lastFree(t)
		want := c.sent[len(c.sent)-1-backlog:]
		if got := late.waitCount(t, len(want)); !slices.Equal(got, want) {
			t.Fatalf("newcomer got %d lines, want the last %d sent", len(got), len(want))
		}
		if backlog > 0 {
			t.Logf("attempt %d: the newcomer was owed %d lines", attempt, backlog)
			return
		}
		// The silent client caught up before the newcomer came.
		if attempt == 20 {
			t.Fatal("the silent client never stayed behind")
		}
		late.stop(t)
	}
}

// DEVIATION from C (see releaseTail): a client that leaves normally while
// furthest behind must not jam the ring.
func TestLaggingLeaverFreesRing(t *testing.T) {
	s := startServer(t, "-d", "1039") // INFO shows what the leaver held
	a := dial(t, s)
	a.startReading()
	c := &chat{t: t, s: s, from: a}

	for attempt := 1; ; attempt++ {
		slow := dial(t, s, smallRcvBuf)
		s.log.waitFor(t, "LWS_CALLBACK_ESTABLISHED", 1+attempt)
		c.sayUntil(func() bool { return s.log.lastFree(t) <= 4 }, a)
		slow.stop(t)
		s.log.waitFor(t, "LWS_CALLBACK_CLOSED", attempt)
		c.say(a) // runs after CLOSED is done
		if s.log.count("release_tail: client") == 1 {
			break
		}
		// It caught up before its close was seen.
		if attempt == 20 {
			t.Fatal("the silent client never left while behind")
		}
	}

	// In C the oldest tail would stay where the leaver was: the ring
	// would fill within a few lines and drop all that follow.
	for range ringDepth * 2 {
		c.say(a)
		if f := s.log.lastFree(t); f != ringDepth-1 {
			t.Fatalf("free space %d after the leaver went, want %d", f, ringDepth-1)
		}
	}
	if got, _ := a.received(); !slices.Equal(got, c.sent) {
		t.Fatalf("sender got %d lines back, sent %d", len(got), len(c.sent))
	}
	if n := s.log.count("Killing lagging client") + s.log.count("dropping!"); n != 0 {
		t.Fatalf("lines were dropped or clients culled; log:\n%s", s.log)
	}
}
