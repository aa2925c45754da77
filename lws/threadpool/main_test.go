package threadpool

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws"
	"github.com/golws/golws/lws/internal/logs"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// waitBound bounds every wait in these tests; reaching it is a failure.
const waitBound = 10 * time.Second

const protoName = "tp-test"

// harness is a context serviced by its own goroutine through Run, with one
// protocol whose callbacks the test supplies, and usually one pool.
type harness struct {
	ctx  *lws.Context
	tp   *Threadpool
	url  string
	stop func()

	// Set before start; called on the service goroutine.
	onEstablished func(w *lws.Wsi) int
	onWriteable   func(w *lws.Wsi) int
	onDrop        func(w *lws.Wsi)
	onClosed      func(w *lws.Wsi)
	onDestroy     func() // PROTOCOL_DESTROY

	// writable, if set, replaces the pool's WRITEABLE request (for the
	// benchmarks, which have no connection); set before start.
	writable func(*lws.Wsi)
	// standIn is the connection-less wsi PROTOCOL_INIT got.
	standIn *lws.Wsi

	wsis        chan *lws.Wsi // every ESTABLISHED wsi, in order
	closedWsis  chan *lws.Wsi // every CLOSED wsi
	serviceGoid atomic.Int64

	jobsMu sync.Mutex
	jobs   []func()
}

func newHarness() *harness {
	return &harness{wsis: make(chan *lws.Wsi, 256), closedWsis: make(chan *lws.Wsi, 256)}
}

func (h *harness) callback(w *lws.Wsi, reason lws.CallbackReason, user any, in any, n int) int {
	switch reason {
	case lws.CallbackProtocolInit:
		h.standIn = w
	case lws.CallbackEstablished:
		h.wsis <- w
		if h.onEstablished != nil {
			return h.onEstablished(w)
		}
	case lws.CallbackServerWriteable:
		if h.onWriteable != nil {
			return h.onWriteable(w)
		}
	case lws.CallbackWSServerDropProtocol:
		if h.onDrop != nil {
			h.onDrop(w)
		}
	case lws.CallbackClosed:
		h.closedWsis <- w
		if h.onClosed != nil {
			h.onClosed(w)
		}
	case lws.CallbackProtocolDestroy:
		if h.onDestroy != nil {
			h.onDestroy()
		}
	case lws.CallbackEventWaitCancelled:
		h.jobsMu.Lock()
		jobs := h.jobs
		h.jobs = nil
		h.jobsMu.Unlock()
		for _, j := range jobs {
			j()
		}
	}
	return 0
}

// start creates the context (listening on loopback when listen is set)
// and, when args is not nil, a pool on it, then services it on its own
// goroutine until the test ends or stop is called.
func (h *harness) start(t testing.TB, listen bool, args *CreateArgs) *harness {
	t.Helper()
	info := &lws.ContextCreationInfo{
		Port:      lws.ContextPortNoListen,
		Protocols: []lws.Protocol{{Name: protoName, Callback: h.callback}},
	}
	if listen {
		info.Port = 0
		info.Iface = "127.0.0.1"
	}
	ctx, err := lws.CreateContext(info)
	if err != nil {
		t.Fatalf("CreateContext: %v", err)
	}
	h.ctx = ctx
	if listen {
		h.url = fmt.Sprintf("ws://127.0.0.1:%d", ctx.Vhost().Port())
	}
	if args != nil {
		// Before Run: this goroutine is the service goroutine for now.
		h.tp = Create(ctx, args, "tp-%s", "test")
		if h.tp == nil {
			t.Fatal("Create returned nil")
		}
		if h.writable != nil {
			h.tp.writable = h.writable
		}
	}
	gctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.serviceGoid.Store(goid())
		_ = ctx.Run(gctx)
		ctx.Destroy()
	}()
	var once sync.Once
	h.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case <-done:
			case <-time.After(waitBound):
				t.Errorf("context did not stop")
			}
		})
	}
	t.Cleanup(h.stop)
	return h
}

// onService runs fn on the service goroutine and waits for it.
func (h *harness) onService(t testing.TB, fn func()) {
	t.Helper()
	ran := make(chan struct{})
	h.jobsMu.Lock()
	h.jobs = append(h.jobs, func() { fn(); close(ran) })
	h.jobsMu.Unlock()
	h.ctx.CancelService()
	select {
	case <-ran:
	case <-time.After(waitBound):
		t.Fatal("job never ran on the service goroutine")
	}
}

// dial opens a client connection and returns it with its server-side wsi.
func (h *harness) dial(t testing.TB) (*websocket.Conn, *lws.Wsi) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	c, resp, err := websocket.Dial(ctx, h.url, &websocket.DialOptions{Subprotocols: []string{protoName}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	if resp.Body != nil {
		resp.Body.Close()
	}
	t.Cleanup(func() { c.CloseNow() })
	return c, recv(t, h.wsis, "ESTABLISHED")
}

// closeClient closes c and waits for its wsi's CLOSED callback.
func (h *harness) closeClient(t testing.TB, c *websocket.Conn, w *lws.Wsi) {
	t.Helper()
	c.CloseNow()
	deadline := time.After(waitBound)
	for {
		select {
		case cw := <-h.closedWsis:
			if cw == w {
				return
			}
		case <-deadline:
			t.Fatal("wsi never closed")
		}
	}
}

// recv receives one value from ch within waitBound.
func recv[T any](t testing.TB, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(waitBound):
		t.Fatalf("timed out waiting for %s", what)
	}
	var zero T
	return zero
}

// eventually polls cond until it holds, for states the pool gives no
// signal for (such as a count in Diagnose).
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitBound)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// finishing reports whether Finish or Destroy has begun on tp.
func finishing(tp *Threadpool) bool {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	return tp.finishing
}

// goid returns the calling goroutine's id, to check which goroutine ran a
// Task or a Cleanup.
func goid() int64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = b[len("goroutine "):]
	var id int64
	for _, c := range b {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + int64(c-'0')
	}
	return id
}

// probe is a scripted task: it records the status of every call, returns
// the next value of rets (ReturnFinished once they run out) and, while
// hold is set, waits for a token on step before returning. Cleanup calls
// are counted with the wsi and goroutine they came with.
type probe struct {
	rets []TaskReturn
	then TaskReturn // returned once rets run out
	hold atomic.Bool
	step chan struct{}
	// released ends every hold for good.
	released chan struct{}
	relOnce  sync.Once

	mu       sync.Mutex
	statuses []TaskStatus
	calls    chan TaskStatus

	taskGoid  atomic.Int64
	cleanups  atomic.Int32
	cleanWsi  atomic.Pointer[lws.Wsi]
	cleanGoid atomic.Int64
	cleaned   chan struct{}
	bad       atomic.Value // string: a hold that never ended
}

func newProbe(rets ...TaskReturn) *probe {
	return &probe{
		rets:     rets,
		then:     ReturnFinished,
		step:     make(chan struct{}),
		released: make(chan struct{}),
		calls:    make(chan TaskStatus, 4096),
		cleaned:  make(chan struct{}),
	}
}

// held makes every call wait for a step (or release).
func (p *probe) held() *probe { p.hold.Store(true); return p }

func (p *probe) release() { p.relOnce.Do(func() { close(p.released) }) }

func (p *probe) fn(_ any, s TaskStatus) TaskReturn {
	p.taskGoid.Store(goid())
	p.mu.Lock()
	p.statuses = append(p.statuses, s)
	i := len(p.statuses) - 1
	p.mu.Unlock()
	p.calls <- s
	if p.hold.Load() {
		select {
		case <-p.step:
		case <-p.released:
		case <-time.After(waitBound):
			p.bad.Store("task held past waitBound")
		}
	}
	if i < len(p.rets) {
		return p.rets[i]
	}
	return p.then
}

// looping makes the task return CHECKING_IN once its script ran out.
func (p *probe) looping() *probe { p.then = ReturnCheckingIn; return p }

func (p *probe) cleanup(w *lws.Wsi, _ any) {
	if p.cleanups.Add(1) == 1 {
		p.cleanWsi.Store(w)
		p.cleanGoid.Store(goid())
		close(p.cleaned)
	}
}

func (p *probe) args(w *lws.Wsi) *TaskArgs {
	return &TaskArgs{Wsi: w, User: p, Task: p.fn, Cleanup: p.cleanup}
}

func (p *probe) seen() []TaskStatus {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]TaskStatus(nil), p.statuses...)
}

// next waits for the task's next call and returns the status it got.
func (p *probe) next(t testing.TB) TaskStatus {
	t.Helper()
	return recv(t, p.calls, "a task call")
}

// waitCleaned waits for the first Cleanup call.
func (p *probe) waitCleaned(t testing.TB) {
	t.Helper()
	recv(t, p.cleaned, "cleanup")
}

// check fails unless Cleanup ran exactly once and no hold timed out.
func (p *probe) check(t testing.TB) {
	t.Helper()
	if n := p.cleanups.Load(); n != 1 {
		t.Errorf("cleanup ran %d times, want 1", n)
	}
	if s, _ := p.bad.Load().(string); s != "" {
		t.Error(s)
	}
	for i, s := range p.seen() {
		if s != StatusRunning && s != StatusStopping {
			t.Errorf("call %d saw %s; a task only sees RUNNING or STOPPING", i, s)
		}
	}
}

// logCapture collects log lines while a test runs.
type logCapture struct {
	mu    sync.Mutex
	lines []string
}

func captureLogs(t testing.TB, mask int) *logCapture {
	lc := &logCapture{}
	// Forget the previous line, or a line equal to one an earlier test
	// logged within the last second would be swallowed as a duplicate.
	logs.ResetForTest()
	lws.SetLogLevel(mask, func(level int, line string) {
		lc.mu.Lock()
		lc.lines = append(lc.lines, strings.TrimSuffix(line, "\n"))
		lc.mu.Unlock()
	})
	t.Cleanup(func() { lws.SetLogLevel(lws.LogDefault, nil) })
	return lc
}

// matching returns the text (after "] L: ") of every line with level
// letter letter that contains sub.
func (lc *logCapture) matching(letter, sub string) []string {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	var out []string
	for _, l := range lc.lines {
		i := strings.Index(l, "] "+letter+": ")
		if i < 0 {
			continue
		}
		if text := l[i+len("] "+letter+": "):]; strings.Contains(text, sub) {
			out = append(out, text)
		}
	}
	return out
}
