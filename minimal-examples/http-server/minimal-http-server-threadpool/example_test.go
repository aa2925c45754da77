package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const bound = 10 * time.Second

// tasks follows what the tasks do through the test hooks: lines made and
// cleanups run, each with a signal for Await.
type tasks struct {
	lines, cleanups atomic.Int64
	mu              sync.Mutex
	cleaned         map[*taskData]int
	changed         chan struct{}
}

func watchTasks(t *testing.T) *tasks {
	tk := &tasks{cleaned: map[*taskData]int{}, changed: make(chan struct{}, 1)}
	onLine = func(*taskData) { tk.lines.Add(1); exampletest.Notify(tk.changed) }
	onCleanup = func(p *taskData) {
		tk.mu.Lock()
		tk.cleaned[p]++
		tk.mu.Unlock()
		tk.cleanups.Add(1)
		exampletest.Notify(tk.changed)
	}
	t.Cleanup(func() { onLine, onCleanup = nil, nil })
	return tk
}

func (tk *tasks) await(t *testing.T, what string, cond func() bool) {
	t.Helper()
	if !exampletest.Await(tk.changed, bound, cond) {
		t.Fatalf("timed out waiting for %s: %d lines made, %d cleanups", what, tk.lines.Load(), tk.cleanups.Load())
	}
}

// onceEach checks that every task's cleanup ran exactly once.
func (tk *tasks) onceEach(t *testing.T) {
	t.Helper()
	tk.mu.Lock()
	defer tk.mu.Unlock()
	for p, n := range tk.cleaned {
		if n != 1 {
			t.Errorf("cleanup of the task making %d lines ran %d times", p.lines, n)
		}
	}
}

func serve(t *testing.T) string {
	return exampletest.Serve(t, run).Host
}

// The first lines arrive while the task is still making the rest.
func TestStreamsBeforeTheTaskFinishes(t *testing.T) {
	tk := watchTasks(t)
	host := serve(t)
	resp, err := (&http.Client{Timeout: bound}).Get("http://" + host + "/page?lines=50&delay=50")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || resp.ContentLength != int64(pageHeadLen+50*lineWidth+pageFootLen) {
		t.Fatalf("got %d, length %d", resp.StatusCode, resp.ContentLength)
	}
	br := bufio.NewReader(resp.Body)
	br.ReadString('\n')
	br.ReadString('\n') // the page's head
	first, err := br.ReadString('\n')
	if err != nil || !strings.HasPrefix(first, "line 1 of 50,") {
		t.Fatalf("first line %q, %v", first, err)
	}
	if made := tk.lines.Load(); made >= 50 {
		t.Fatalf("the first line came after the task made all %d", made)
	}
	rest, err := io.ReadAll(br)
	if err != nil || !strings.HasSuffix(string(rest), pageFoot) || !strings.Contains(string(rest), "\nline 50 of 50, ") {
		t.Fatalf("rest of the page: %v, ends %q", err, exampletest.Tail(string(rest), 2))
	}
	tk.await(t, "the task's cleanup", func() bool { return tk.cleanups.Load() == 1 })
	tk.onceEach(t)
}

// A client that stops reading stalls its task: the task makes a line only
// when the connection can take the one before, so the server holds no
// more than a send buffer of the page.
func TestBackpressureStallsTheTask(t *testing.T) {
	tk := watchTasks(t)
	host := serve(t)
	nc, err := exampletest.SmallBufferDialer(4<<10, 0).Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	io.WriteString(nc, "GET /page?lines=1000000&delay=0 HTTP/1.1\r\nHost: x\r\n\r\n")
	// Stalled: the count of lines made stops moving. Nothing signals an
	// absence, so poll for it.
	last, still := int64(-1), 0
	deadline := time.Now().Add(bound)
	for still < 5 {
		if time.Now().After(deadline) {
			t.Fatalf("the task never stalled: %d lines made", tk.lines.Load())
		}
		n := tk.lines.Load()
		if n == last && n > 0 {
			still++
		} else {
			still = 0
		}
		last = n
		<-time.After(50 * time.Millisecond)
	}
	if last*lineWidth > 32<<20 {
		t.Fatalf("%d lines (%d MB) made for a client that reads nothing", last, last*lineWidth>>20)
	}
	runtime.GC()
	var during runtime.MemStats
	runtime.ReadMemStats(&during)
	t.Logf("stalled after %d lines (%d kB); heap in use %+d kB", last, last*lineWidth>>10, (int64(during.HeapInuse)-int64(before.HeapInuse))>>10)
	if growth := int64(during.HeapInuse) - int64(before.HeapInuse); growth > 8<<20 {
		t.Fatalf("heap grew %d kB behind a client that reads nothing", growth>>10)
	}
	nc.Close()
	tk.await(t, "the stalled task's cleanup", func() bool { return tk.cleanups.Load() == 1 })
	tk.onceEach(t)
}

// A client that goes away mid-page stops its task at its next check-in;
// its cleanup runs once.
func TestClientGoneStopsTheTask(t *testing.T) {
	tk := watchTasks(t)
	host := serve(t)
	nc, err := net.DialTimeout("tcp", host, bound)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(nc, "GET /page?lines=1000&delay=20 HTTP/1.1\r\nHost: x\r\n\r\n")
	tk.await(t, "a few lines", func() bool { return tk.lines.Load() >= 3 })
	nc.Close()
	tk.await(t, "the task's cleanup", func() bool { return tk.cleanups.Load() == 1 })
	if made := tk.lines.Load(); made >= 1000 {
		t.Fatalf("the task made all %d lines for a client that left", made)
	}
	tk.onceEach(t)
}

// A kept-alive connection carries the next page after the first, made by
// another task.
func TestKeepAliveCarriesTheNextPage(t *testing.T) {
	tk := watchTasks(t)
	host := serve(t)
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	cl := &http.Client{Transport: tr, Timeout: bound}
	var reused []bool
	for i := 0; i < 3; i++ {
		ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
			GotConn: func(info httptrace.GotConnInfo) { reused = append(reused, info.Reused) },
		})
		req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+host+"/page?lines=5&delay=1", nil)
		resp, err := cl.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || !strings.Contains(string(b), "line 5 of 5,") || resp.Close {
			t.Fatalf("page %d: %v, %d bytes, close %v", i, err, len(b), resp.Close)
		}
	}
	if len(reused) != 3 || !reused[1] || !reused[2] {
		t.Fatalf("connections reused: %v", reused)
	}
	tk.await(t, "three cleanups", func() bool { return tk.cleanups.Load() == 3 })
	tk.onceEach(t)
}

func TestIndexPageAndArgs(t *testing.T) {
	host := serve(t)
	if resp, body := exampletest.Get(t, "http://"+host+"/"); resp.StatusCode != 200 || !strings.Contains(body, `href="/page"`) {
		t.Fatalf("index: %d", resp.StatusCode)
	}
	exampletest.CheckArgs(t, run)
}
