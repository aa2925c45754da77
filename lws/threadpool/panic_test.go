package threadpool

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golws/golws/lws"
)

// A task that panics: the panic is logged at ERR with its stack, the task
// ends STOPPED and is cleaned up once, its connection is closed with 1011,
// and the pool goes on running other tasks.
func TestTaskPanicRecovered(t *testing.T) {
	var mu sync.Mutex
	var lines []string
	lws.SetLogLevel(lws.LogDefault, func(_ int, l string) { mu.Lock(); lines = append(lines, l); mu.Unlock() })
	t.Cleanup(func() { lws.SetLogLevel(lws.LogDefault, nil); lws.LogToSlog(nil) })

	var tp *Threadpool
	cleanups := make(chan string, 4)
	p := lws.Protocol{Name: "p", PerSessionData: func() any { return new(int) }, Callback: func(w *lws.Wsi, r lws.CallbackReason, user, in any, n int) int {
		switch r {
		case lws.CallbackProtocolInit:
			tp = Create(w.Context(), &CreateArgs{Threads: 1, MaxQueueDepth: 4}, "panicky")
		case lws.CallbackProtocolDestroy:
			tp.Finish()
			tp.Destroy()
		case lws.CallbackEstablished:
			name := "panics"
			if w.Subprotocol() == "" {
				name = "fine"
			}
			tp.Enqueue(&TaskArgs{Wsi: w, User: name,
				Task: func(user any, _ TaskStatus) TaskReturn {
					if user == "panics" {
						panic("task failed")
					}
					return ReturnFinished
				},
				Cleanup: func(_ *lws.Wsi, user any) { cleanups <- user.(string) },
			}, "%s", name)
		case lws.CallbackServerWriteable:
			if task := GetTaskWsi(w); task != nil {
				if st, _ := task.Status(); st == StatusFinished {
					w.Write([]byte("done"), lws.WriteText)
				}
			}
		}
		return 0
	}}
	c, err := lws.CreateContext(&lws.ContextCreationInfo{Port: 0, Iface: "127.0.0.1", Protocols: []lws.Protocol{p}})
	if err != nil {
		t.Fatal(err)
	}
	gctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = c.Run(gctx); c.Destroy() }()
	defer func() { cancel(); <-done }()
	url := "ws://127.0.0.1:" + strconv.Itoa(c.Vhost().Port()) + "/"

	ctx, cancelRead := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancelRead()
	bad, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"p"}})
	if err != nil {
		t.Fatal(err)
	}
	defer bad.CloseNow()
	if _, _, err := bad.Read(ctx); websocket.CloseStatus(err) != websocket.StatusInternalError {
		t.Fatalf("connection of the panicking task: %v, want close 1011", err)
	}
	if got := <-cleanups; got != "panics" {
		t.Fatalf("cleanup of %q", got)
	}
	good, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer good.CloseNow()
	if _, b, err := good.Read(ctx); err != nil || string(b) != "done" {
		t.Fatalf("next task: %q %v", b, err)
	}
	mu.Lock()
	defer mu.Unlock()
	found := false
	for _, l := range lines {
		if strings.Contains(l, "E: lws_threadpool: panicky: panic in task panics: task failed") && strings.Contains(l, "panic_test.go") {
			found = true
		}
	}
	if !found {
		t.Fatalf("no ERR line with stack in %q", lines)
	}
}
