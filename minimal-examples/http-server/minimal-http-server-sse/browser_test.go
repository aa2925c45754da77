package main

import (
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// Headless Chromium loads the page under the strict CSP; its EventSource
// opens the stream and the first event, "0", shows in the text area,
// with nothing in the console: no CSP violation, no script error.
func TestBrowserPage(t *testing.T) {
	exampletest.ChromiumPath(t)
	s := exampletest.Serve(t, run)
	page := exampletest.OpenPage(t, "http://"+s.Host+"/")

	page.Poll(`document.getElementById("events").value.startsWith("0\n")`)
	if status := page.Text("status"); status != "open" {
		t.Errorf("status %q", status)
	}
	s.Log.WaitFor(t, "N: callback_sse: LWS_CALLBACK_HTTP: '/page'", 1)
	if problems := page.ConsoleProblems(); len(problems) > 0 {
		t.Errorf("console problems: %q", problems)
	}
}
