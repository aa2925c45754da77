package main

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
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
func lastFree(t *testing.T, log *exampletest.Log) int {
	t.Helper()
	line, ok := log.Last(freeSpaceRE.MatchString)
	if !ok {
		t.Fatal("no line was received")
	}
	n, _ := strconv.Atoi(freeSpaceRE.FindStringSubmatch(line)[1])
	return n
}

// chat is one sender whose lines are all kept, in order.
type chat struct {
	t    *testing.T
	s    *exampletest.Example
	from *exampletest.Client
	sent []string
}

// say sends the next line in lockstep with readers.
func (c *chat) say(readers ...*exampletest.Client) {
	c.t.Helper()
	if len(c.sent) == maxLines {
		c.t.Fatalf("sent %d lines without getting there", maxLines)
	}
	line := bigLine(len(c.sent))
	say(c.t, c.from, readers, line)
	c.sent = append(c.sent, line)
}

// sayUntil sends lines until done holds after one.
func (c *chat) sayUntil(done func() bool, readers ...*exampletest.Client) {
	c.t.Helper()
	for {
		c.say(readers...)
		if done() {
			return
		}
	}
}

func TestLaggingClientIsCulled(t *testing.T) {
	s := exampletest.Serve(t, run)
	a, b := dial(t, s), dial(t, s)
	a.StartReading()
	b.StartReading()
	slow := dialSlow(t, s) // never reads until the end
	s.Log.WaitFor(t, "LWS_CALLBACK_ESTABLISHED", 3)

	// The others get every line at once while the silent client falls
	// behind, until it holds all seven slots: the next line culls it.
	c := &chat{t: t, s: s, from: a}
	c.sayUntil(func() bool { return s.Log.Count("Killing lagging client") > 0 }, a, b)
	s.Log.WaitFor(t, "cull_lagging_clients: shrunk ring from 7 to 0", 1)
	s.Log.WaitFor(t, "LWS_CALLBACK_CLOSED", 1)
	if s.Log.Count("free space 1") == 0 {
		t.Fatalf("culled before the ring was full; log:\n%s", s.Log)
	}

	// With the ring emptied, the room goes on.
	for range 10 {
		c.say(a, b)
		if f := lastFree(t, s.Log); f != ringDepth-1 {
			t.Fatalf("free space %d after the cull, want %d", f, ringDepth-1)
		}
	}
	for i, r := range []*exampletest.Client{a, b} {
		if got, _ := r.Texts(); !slices.Equal(got, c.sent) {
			t.Fatalf("reader %d got %d lines, sent %d", i, len(got), len(c.sent))
		}
	}
	if n := s.Log.Count("dropping!"); n != 0 {
		t.Fatalf("%d lines dropped", n)
	}

	// The culled client gets what the kernel held for it, in order, and
	// then the connection ends.
	slow.StartReading()
	msgs, err := slow.WaitEnd(t)
	got := exampletest.Texts(msgs)
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
	s := exampletest.Serve(t, run)
	a := dial(t, s)
	a.StartReading()
	dialSlow(t, s) // never reads
	s.Log.WaitFor(t, "LWS_CALLBACK_ESTABLISHED", 2)
	c := &chat{t: t, s: s, from: a}

	for attempt := 1; ; attempt++ {
		// Four lines behind at most, so the two of them stay clear
		// of a cull.
		c.sayUntil(func() bool { return lastFree(t, s.Log) <= 4 }, a)

		late := dial(t, s)
		late.StartReading()
		s.Log.WaitFor(t, "LWS_CALLBACK_ESTABLISHED", 2+attempt)
		c.say(a)

		// The newcomer sits at the oldest tail until it writes, so the
		// free space logged for this line says what it was owed.
		backlog := ringDepth - 1 - lastFree(t, s.Log)
		want := c.sent[len(c.sent)-1-backlog:]
		if got := late.WaitCount(t, len(want)); !slices.Equal(got, want) {
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
		late.Close(t)
	}
}

// DEVIATION from C (see releaseTail): a client that leaves normally while
// furthest behind must not jam the ring.
func TestLaggingLeaverFreesRing(t *testing.T) {
	s := exampletest.Serve(t, run, "-d", "1039") // INFO shows what the leaver held
	a := dial(t, s)
	a.StartReading()
	c := &chat{t: t, s: s, from: a}

	for attempt := 1; ; attempt++ {
		slow := dialSlow(t, s)
		s.Log.WaitFor(t, "LWS_CALLBACK_ESTABLISHED", 1+attempt)
		c.sayUntil(func() bool { return lastFree(t, s.Log) <= 4 }, a)
		slow.Close(t)
		s.Log.WaitFor(t, "LWS_CALLBACK_CLOSED", attempt)
		c.say(a) // runs after CLOSED is done
		if s.Log.Count("release_tail: client") == 1 {
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
		if f := lastFree(t, s.Log); f != ringDepth-1 {
			t.Fatalf("free space %d after the leaver went, want %d", f, ringDepth-1)
		}
	}
	if got, _ := a.Texts(); !slices.Equal(got, c.sent) {
		t.Fatalf("sender got %d lines back, sent %d", len(got), len(c.sent))
	}
	if n := s.Log.Count("Killing lagging client") + s.Log.Count("dropping!"); n != 0 {
		t.Fatalf("lines were dropped or clients culled; log:\n%s", s.Log)
	}
}
