package minimalthreadpool

import (
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// Headless Chromium loads the page; it opens its eight connections under
// the strict CSP, pos lines appear in the text area, and the console shows
// no error of any kind (CSP violations and script errors included).
func TestBrowserPage(t *testing.T) {
	exampletest.ChromiumPath(t)
	e := startExample(t, 10*time.Millisecond)
	page := exampletest.OpenPage(t, "http"+strings.TrimPrefix(e.URL, "ws"))

	page.Poll(`document.getElementById("log").value.includes("pos 2000000")`)
	text := page.Value("log")
	status := page.Text("status")
	if !strings.Contains(text, "pos 1000000") {
		t.Errorf("text area: %q", text)
	}
	if !strings.HasPrefix(status, "8 open") {
		t.Errorf("status %q: the page should hold 8 connections", status)
	}
	e.mu.Lock()
	enq := e.enqueued
	e.mu.Unlock()
	if enq != 8 {
		t.Errorf("server queued %d tasks for the page, want 8", enq)
	}
	if problems := page.ConsoleProblems(); len(problems) > 0 {
		t.Errorf("console problems: %q", problems)
	}
}
