package main

import (
	"context"
	"testing"

	"github.com/coder/websocket"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// With -o the first connection to close ends the run: exit 0 if one of
// its messages was echoed in full, as C reports "Completed OK".
func TestOnceEndsAfterEchoedConnection(t *testing.T) {
	s := exampletest.Serve(t, run, "-o")
	c := dial(t, s, "lws-minimal-server-echo")
	ctx, cancel := context.WithTimeout(context.Background(), exampletest.WaitBound)
	defer cancel()
	if err := c.Write(ctx, websocket.MessageText, []byte("once")); err != nil {
		t.Fatalf("write: %v", err)
	}
	if _, data, err := c.Read(ctx); err != nil || string(data) != "once" {
		t.Fatalf("echo: %q, %v", data, err)
	}
	if err := c.Close(websocket.StatusNormalClosure, ""); err != nil {
		t.Fatalf("close: %v", err)
	}
	if code := s.Wait(t); code != 0 {
		t.Fatalf("exit %d; log:\n%s", code, s.Log)
	}
	s.Log.WaitFor(t, "Completed OK", 1)
}

func TestOnceFailsWithoutEcho(t *testing.T) {
	s := exampletest.Serve(t, run, "-o")
	c := dial(t, s)
	s.Log.WaitFor(t, "LWS_CALLBACK_ESTABLISHED", 1)
	if err := c.Close(websocket.StatusNormalClosure, ""); err != nil {
		t.Fatalf("close: %v", err)
	}
	if code := s.Wait(t); code != 1 {
		t.Fatalf("exit %d, want 1; log:\n%s", code, s.Log)
	}
	s.Log.WaitFor(t, "Completed failed", 1)
}

// Without -o, ^C is a normal end (C would report failure: see run).
func TestInterruptExitsCleanly(t *testing.T) {
	s := exampletest.Serve(t, run)
	c := dial(t, s)
	s.Log.WaitFor(t, "LWS_CALLBACK_ESTABLISHED", 1)
	if code := s.Stop(t); code != 0 {
		t.Fatalf("exit %d after SIGINT", code)
	}
	if _, _, err := c.Read(context.Background()); err == nil {
		t.Fatal("connection still open after the server stopped")
	}
	s.Log.WaitFor(t, "LWS_CALLBACK_CLOSED", 1)
}
