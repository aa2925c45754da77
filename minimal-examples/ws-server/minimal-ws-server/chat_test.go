package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/coder/websocket"
)

// say sends text from one client and waits until every reader holds it as
// its next message. Sending in this lockstep keeps the fast readers up to
// date, so only a client that stopped reading can fall behind.
func say(t *testing.T, from *client, readers []*client, text string) {
	t.Helper()
	had := make([]int, len(readers))
	for i, r := range readers {
		msgs, _ := r.received()
		had[i] = len(msgs)
	}
	from.send(t, text)
	for i, r := range readers {
		if got := r.waitCount(t, had[i]+1)[had[i]]; got != text {
			t.Fatalf("reader %d, message %d: got %.20q, want %.20q", i, had[i]+1, got, text)
		}
	}
}

func TestEveryoneGetsEveryLineInOneOrder(t *testing.T) {
	s := startServer(t)
	cls := []*client{dial(t, s), dial(t, s), dial(t, s)}
	for _, c := range cls {
		c.startReading()
	}
	s.log.waitFor(t, "LWS_CALLBACK_ESTABLISHED", len(cls))

	// Each round every client sends two lines at once. Six lines in
	// flight stay below the ring's seven, so nobody is culled.
	const rounds, perRound = 5, 2
	total := 0
	for r := range rounds {
		var wg sync.WaitGroup
		errs := make(chan error, len(cls))
		for i, c := range cls {
			wg.Go(func() {
				for k := range perRound {
					line := fmt.Sprintf("c%d r%d k%d", i, r, k)
					if err := c.conn.Write(context.Background(), websocket.MessageText, []byte(line)); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("write: %v", err)
		}
		total += len(cls) * perRound
		for _, c := range cls {
			c.waitCount(t, total)
		}
	}

	want, _ := cls[0].received()
	for i, c := range cls[1:] {
		if got, _ := c.received(); !slices.Equal(got, want) {
			t.Fatalf("client %d saw another order:\n got %q\nwant %q", i+1, got, want)
		}
	}
	if len(want) != total {
		t.Fatalf("%d lines, want %d: %q", len(want), total, want)
	}
	// Every sender's lines keep the order it sent them in.
	for i := range cls {
		var mine []string
		for _, m := range want {
			if strings.HasPrefix(m, fmt.Sprintf("c%d ", i)) {
				mine = append(mine, m)
			}
		}
		var sent []string
		for r := range rounds {
			for k := range perRound {
				sent = append(sent, fmt.Sprintf("c%d r%d k%d", i, r, k))
			}
		}
		if !slices.Equal(mine, sent) {
			t.Fatalf("client %d's lines arrived as %q, sent %q", i, mine, sent)
		}
	}
}

func TestLateJoinerGetsNoHistory(t *testing.T) {
	s := startServer(t)
	a, b := dial(t, s), dial(t, s)
	a.startReading()
	b.startReading()
	s.log.waitFor(t, "LWS_CALLBACK_ESTABLISHED", 2)
	for i := range 3 {
		say(t, a, []*client{a, b}, fmt.Sprintf("early %d", i))
	}

	late := dial(t, s)
	late.startReading()
	s.log.waitFor(t, "LWS_CALLBACK_ESTABLISHED", 3)
	say(t, b, []*client{a, b, late}, "after")

	got, _ := late.received()
	if got[0] != "after" {
		t.Fatalf("late joiner got %q, want only what was sent after it joined", got)
	}
}
