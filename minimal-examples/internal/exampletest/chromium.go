package exampletest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// BrowserBound bounds everything a test does with one page, browser start
// included.
const BrowserBound = 30 * time.Second

// ChromiumPath finds Debian's chromium. `make test` installs it; under CI
// (the environment variable CI set) its absence fails t, elsewhere it
// skips t.
func ChromiumPath(t testing.TB) string {
	t.Helper()
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

// Page is a page loaded in headless Chromium, with what its console says
// being collected.
type Page struct {
	// Ctx is the page's tab, bounded by BrowserBound, for chromedp.Run
	// and chromedp.Do.
	Ctx context.Context

	t        testing.TB
	problems []string
	endWatch context.CancelFunc
	drained  chan struct{} // closed when the console watcher ended
}

// OpenPage starts headless Chromium (see ChromiumPath for when there is
// none), starts collecting the console, so that no message is lost, and
// loads url. The browser is closed when the test ends.
func OpenPage(t testing.TB, url string) *Page {
	t.Helper()
	path := ChromiumPath(t)
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
	bctx, cancelBrowser := chromedp.NewContext(actx)
	ctx, cancel := context.WithTimeout(bctx, BrowserBound)
	watchCtx, endWatch := context.WithCancel(ctx)
	p := &Page{Ctx: ctx, t: t, endWatch: endWatch, drained: make(chan struct{})}
	t.Cleanup(func() {
		p.endWatch()
		<-p.drained
		cancel()
		cancelBrowser()
		cancelAlloc()
	})

	messages := chromedp.Console(watchCtx)
	go func() {
		defer close(p.drained)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type != chromedp.ConsoleLog && m.Type != chromedp.ConsoleDebug && m.Type != chromedp.ConsoleInfo {
				p.problems = append(p.problems, m.String())
			}
		}
	}()

	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate: %v", err)
	}
	return p
}

// Poll waits until the JavaScript expression js is true on the page.
func (p *Page) Poll(js string) {
	p.t.Helper()
	run(p, "waiting for "+js, chromedp.Poll[bool](js, chromedp.WithPollingInterval(50*time.Millisecond)))
}

// Value returns the value of the element with the given id (a text area's
// text).
func (p *Page) Value(id string) string {
	p.t.Helper()
	return run(p, "value of #"+id, chromedp.Value(chromedp.ID(id)))
}

// Text returns the text of the element with the given id.
func (p *Page) Text(id string) string {
	p.t.Helper()
	return run(p, "text of #"+id, chromedp.Text(chromedp.ID(id)))
}

// run runs a on the page and returns its result; what names it when it
// fails.
func run[T any](p *Page, what string, a chromedp.Action[T]) T {
	p.t.Helper()
	v, err := chromedp.Run(p.Ctx, a)
	if err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// ConsoleProblems stops collecting the console and returns every message
// it had that is not a log, debug or info one: script errors, warnings and
// CSP violations among them.
func (p *Page) ConsoleProblems() []string {
	p.endWatch()
	<-p.drained
	return p.problems
}
