package minimalthreadpool

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds Debian's chromium. `make test` installs it; under CI
// its absence is a failure, elsewhere the test is skipped.
func chromiumPath(t *testing.T) string {
	for _, p := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed (make test installs it)")
	}
	t.Skip("chromium is not installed; run `make test` to install it")
	return ""
}

// Headless Chromium loads the page; it opens its eight connections under
// the strict CSP, pos lines appear in the text area, and the console shows
// no error of any kind (CSP violations and script errors included).
func TestBrowserPage(t *testing.T) {
	path := chromiumPath(t)
	e := startExample(t, 10*time.Millisecond)
	page := "http" + strings.TrimPrefix(e.url, "ws")

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	ctx, cancel := context.WithTimeout(bctx, waitBound)
	defer cancel()

	// Subscribe before the page loads so that no message is lost.
	subCtx, endSub := context.WithCancel(ctx)
	messages := chromedp.Console(subCtx)
	var problems []string
	drained := make(chan struct{})
	go func() {
		defer close(drained)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type != chromedp.ConsoleLog && m.Type != chromedp.ConsoleDebug && m.Type != chromedp.ConsoleInfo {
				problems = append(problems, m.String())
			}
		}
	}()

	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatalf("navigate: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("log").value.includes("pos 2000000")`,
		chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		t.Fatalf("waiting for pos lines: %v", err)
	}
	text, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("log")))
	if err != nil {
		t.Fatal(err)
	}
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("status")))
	if err != nil {
		t.Fatal(err)
	}
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
	endSub()
	<-drained
	if len(problems) > 0 {
		t.Errorf("console problems: %q", problems)
	}
}
