package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/coder/websocket"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// say sends text from one client and waits until every reader holds it as
// its next message. Sending in this lockstep keeps the fast readers up to
// date, so only a client that stopped reading can fall behind.
func say(t *testing.T, from *exampletest.Client, readers []*exampletest.Client, text string) {
	t.Helper()
	had := make([]int, len(readers))
	for i, r := range readers {
		msgs, _ := r.Texts()
		had[i] = len(msgs)
	}
	from.Send(t, text)
	for i, r := range readers {
		if got := r.WaitCount(t, had[i]+1)[had[i]]; got != text {
			t.Fatalf("reader %d, message %d: got %.20q, want %.20q", i, had[i]+1, got, text)
		}
	}
}

func TestEveryoneGetsEveryLineInOneOrder(t *testing.T) {
	s := exampletest.Serve(t, run)
	cls := []*exampletest.Client{dial(t, s), dial(t, s), dial(t, s)}
	for _, c := range cls {
		c.StartReading()
	}
	s.Log.WaitFor(t, "LWS_CALLBACK_ESTABLISHED", len(cls))

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
					if err := c.Conn.Write(context.Background(), websocket.MessageText, []byte(line)); err != nil {
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
			c.WaitCount(t, total)
		}
	}

	want, _ := cls[0].Texts()
	for i, c := range cls[1:] {
		if got, _ := c.Texts(); !slices.Equal(got, want) {
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
	s := exampletest.Serve(t, run)
	a, b := dial(t, s), dial(t, s)
	a.StartReading()
	b.StartReading()
	s.Log.WaitFor(t, "LWS_CALLBACK_ESTABLISHED", 2)
	for i := range 3 {
		say(t, a, []*exampletest.Client{a, b}, fmt.Sprintf("early %d", i))
	}

	late := dial(t, s)
	late.StartReading()
	s.Log.WaitFor(t, "LWS_CALLBACK_ESTABLISHED", 3)
	say(t, b, []*exampletest.Client{a, b, late}, "after")

	got, _ := late.Texts()
	if got[0] != "after" {
		t.Fatalf("late joiner got %q, want only what was sent after it joined", got)
	}
}
