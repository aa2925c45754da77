package protocols

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// With the "options" pvo bit 0 (the server's -n) a connection gets no
// numbers, but its commands still work.
func TestDumbIncrementNoSend(t *testing.T) {
	url, _ := serve(t, dumbOptionNoSend)
	c := dial(t, url, DumbIncrementName)

	// Nothing signals "no number": four periods of silence must do.
	ctx, cancel := context.WithTimeout(context.Background(), 4*dumbPeriodUs*time.Microsecond)
	_, msg, err := c.Read(ctx)
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("read %q, %v; wanted silence", msg, err)
	}
	// A timed-out Read closed c; a new connection checks closeme.
	c = dial(t, url, DumbIncrementName)
	ctx, cancel = context.WithTimeout(context.Background(), exampletest.WaitBound)
	defer cancel()
	if err := c.Write(ctx, websocket.MessageText, []byte("closeme\n")); err != nil {
		t.Fatal(err)
	}
	_, msg, err = c.Read(ctx)
	if websocket.CloseStatus(err) != websocket.StatusGoingAway {
		t.Fatalf("read %q, %v; wanted close 1001", msg, err)
	}
	var ce websocket.CloseError
	if errors.As(err, &ce); ce.Reason != "seeya" {
		t.Errorf("close reason %q", ce.Reason)
	}
}

// Messages shorter than six bytes are ignored; a message is looked at only
// by its first ten-byte chunk, so "reset\n" followed by anything resets.
func TestDumbIncrementCommands(t *testing.T) {
	url, _ := serve(t, 0)
	c := dial(t, url, DumbIncrementName)
	ctx, cancel := context.WithTimeout(context.Background(), exampletest.WaitBound)
	defer cancel()
	next := func() string {
		t.Helper()
		_, m, err := c.Read(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return string(m)
	}
	for want := range 3 {
		if got := next(); got != strconv.Itoa(want) {
			t.Fatalf("number %d is %q", want, got)
		}
	}
	if err := c.Write(ctx, websocket.MessageText, []byte("reset\nand a long tail after it")); err != nil {
		t.Fatal(err)
	}
	for i := 0; next() != "0"; i++ {
		if i > 20 {
			t.Fatal("no reset")
		}
	}
}
