package main

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/http-server/internal/httpexample"
	"github.com/golws/golws/minimal-examples/internal/exampletest"

	. "github.com/golws/golws/include-like"
)

// openStream asks for /sse/name and checks the head lws's build sends: 200,
// text/event-stream, the security headers, and "connection: close" with
// no length and no chunking, so the events run until the connection ends.
func openStream(t *testing.T, s *exampletest.Example, name string) *httpexample.Conn {
	t.Helper()
	c := httpexample.Dial(t, s.Host)
	c.Send(httpexample.Get("/sse/" + name))
	resp := c.Header(http.MethodGet)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("%s, Content-Type %q", resp.Status, resp.Header.Get("Content-Type"))
	}
	if !resp.Close || resp.ContentLength != -1 || resp.TransferEncoding != nil {
		t.Errorf("close %v, length %d, transfer encoding %v: want connection: close and no framing",
			resp.Close, resp.ContentLength, resp.TransferEncoding)
	}
	httpexample.CheckSecurityHeaders(t, "/sse/"+name, resp.Header)
	return c
}

// event reads the next event, "data: N\r\n\r\n" with N one digit, within
// bound, and returns N and when it came.
func event(t *testing.T, c *httpexample.Conn, bound time.Duration) (int, time.Time) {
	t.Helper()
	b := string(c.ReadFull(len("data: 0\r\n\r\n"), bound))
	at := time.Now()
	digits, ok := strings.CutPrefix(b, "data: ")
	digits, ok2 := strings.CutSuffix(digits, "\r\n\r\n")
	n, err := strconv.Atoi(digits)
	if !ok || !ok2 || err != nil {
		t.Fatalf("event %q", b)
	}
	return n, at
}

// What lws's README describes and its build does: the first event at
// once, then one every SECS_REPORT seconds, each "data: N" with N the
// seconds since the stream began; every connection has its own stream;
// a client that goes away is cleaned up at once, not at its next event.
// The period is fixed in C (no switch), so this test takes one period.
func TestEvents(t *testing.T) {
	rec := httpexample.Record(t, &protocols[1].Callback)
	s := exampletest.Serve(t, run)

	a := openStream(t, s, "a")
	// At once: well inside the period, whatever the machine's load.
	n, first := event(t, a, SECS_REPORT*time.Second-500*time.Millisecond)
	if n != 0 {
		t.Fatalf("first event data: %d, want 0", n)
	}

	// A second stream starts its own count.
	b := openStream(t, s, "b")
	if n, _ := event(t, b, SECS_REPORT*time.Second-500*time.Millisecond); n != 0 {
		t.Errorf("second stream's first event data: %d, want 0", n)
	}
	// b leaves; its wsi is closed at once: no TIMER comes for it first.
	b.Close()
	evs := rec.WaitFor(t, "the second stream's close", func(evs []httpexample.Event) bool {
		return httpexample.Count(evs, LWS_CALLBACK_CLOSED_HTTP) == 1
	})
	closed, _ := httpexample.First(evs, LWS_CALLBACK_CLOSED_HTTP)
	bEvents := httpexample.Of(evs, closed.Wsi)
	if http1, _ := httpexample.First(bEvents, LWS_CALLBACK_HTTP); http1.In != "/b" {
		t.Fatalf("the stream closed is not b's: %v", bEvents)
	}
	if n := httpexample.Count(bEvents, LWS_CALLBACK_TIMER); n != 0 {
		t.Errorf("the stream that left had %d TIMERs before its close: %v", n, bEvents)
	}

	// a's next event, one period on; generous bounds on the spacing.
	n, second := event(t, a, exampletest.WaitBound)
	gap := second.Sub(first)
	if gap < SECS_REPORT*time.Second-500*time.Millisecond || gap > 2*SECS_REPORT*time.Second {
		t.Errorf("events %v apart, want about %ds", gap, SECS_REPORT)
	}
	// Whole seconds between two instants at least 3 s apart: 3, or
	// more if the event was late.
	if n < SECS_REPORT || n > SECS_REPORT+int(gap/time.Second) {
		t.Errorf("second event data: %d after %v", n, gap)
	}
	for _, line := range []string{"callback_sse: LWS_CALLBACK_HTTP: '/a'", "callback_sse: LWS_CALLBACK_TIMER"} {
		s.Log.WaitFor(t, "N: "+line, 1)
	}
	if n := s.Log.Count("N: callback_sse: LWS_CALLBACK_HTTP_WRITEABLE"); n != 3 {
		t.Errorf("%d WRITEABLEs logged for 3 events", n)
	}
}
