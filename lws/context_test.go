package lws

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coder/websocket"
	"go.uber.org/goleak"
)

type vhostData struct {
	config string
	inits  int
}

func TestProtocolInitPvoAndVhostPriv(t *testing.T) {
	rec := newRecorder()
	var prot *Protocol
	p := Protocol{Name: "p", Callback: func(w *Wsi, reason CallbackReason, user any, in any, n int) int {
		switch reason {
		case CallbackProtocolInit:
			vhd := ProtocolVhPrivZalloc[vhostData](w.Vhost(), w.Protocol())
			prot = w.Protocol()
			if o := PvoSearch(in.(*ProtocolVhostOptions), "config"); o != nil {
				vhd.config = o.Value
			}
			vhd.inits++
		case CallbackEstablished:
			vhd := ProtocolVhPrivGet[vhostData](w.Vhost(), w.Protocol())
			rec.add("established sees config=%s inits=%d", vhd.config, vhd.inits)
		case CallbackProtocolDestroy:
			rec.add("destroy sees %v", ProtocolVhPrivGet[vhostData](w.Vhost(), w.Protocol()) != nil)
		}
		return 0
	}}
	pvo := &ProtocolVhostOptions{Name: "p", Options: &ProtocolVhostOptions{
		Name: "other", Value: "x", Next: &ProtocolVhostOptions{Name: "config", Value: "myconfig"},
	}}
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{p}, Pvo: pvo})
	if ProtocolVhPrivGet[int](s.ctx.Vhost(), prot) != nil {
		t.Fatal("priv of the wrong type was returned")
	}
	c := dial(t, s.url, "p")
	rec.waitEvent(t, "established sees config=myconfig inits=1")
	c.CloseNow()
	s.stop()
	if !contains(rec.snapshot(), "destroy sees true") {
		t.Fatalf("PROTOCOL_DESTROY: %q", rec.snapshot())
	}
}

func TestProtocolInitFailureFailsCreation(t *testing.T) {
	destroyed := 0
	ok := Protocol{Name: "ok", Callback: func(_ *Wsi, r CallbackReason, _ any, _ any, _ int) int {
		if r == CallbackProtocolDestroy {
			destroyed++
		}
		return 0
	}}
	bad := Protocol{Name: "bad", Callback: func(_ *Wsi, r CallbackReason, _ any, _ any, _ int) int {
		if r == CallbackProtocolInit {
			return 1
		}
		return 0
	}}
	c, err := CreateContext(&ContextCreationInfo{Port: 0, Iface: "127.0.0.1", Protocols: []Protocol{ok, bad}})
	if err == nil || c != nil {
		t.Fatalf("creation succeeded: %v", err)
	}
	if destroyed != 1 {
		t.Fatalf("the protocol that did init got %d PROTOCOL_DESTROY, want 1", destroyed)
	}
}

func TestBadCreationInfo(t *testing.T) {
	for name, info := range map[string]*ContextCreationInfo{
		"nil":          nil,
		"no protocols": {Port: ContextPortNoListen},
		"no callback":  {Port: ContextPortNoListen, Protocols: []Protocol{{Name: "x"}}},
		"bad iface":    {Port: 0, Iface: "no-such-if0", Protocols: []Protocol{{Name: "x", Callback: CallbackHTTPDummy}}},
		"cgi mount":    {Port: ContextPortNoListen, Protocols: []Protocol{{Name: "x", Callback: CallbackHTTPDummy}}, Mounts: &HTTPMount{Mountpoint: "/", OriginProtocol: MountProtoCGI}},
		"explicit vhosts": {Port: ContextPortNoListen, Options: ServerOptionExplicitVhosts,
			Protocols: []Protocol{{Name: "x", Callback: CallbackHTTPDummy}}},
	} {
		if c, err := CreateContext(info); err == nil {
			c.Destroy()
			t.Errorf("%s: created", name)
		}
	}
}

func TestCancelServiceCoalescesAndReachesEveryProtocol(t *testing.T) {
	rec := newRecorder()
	s := startServer(t, ContextCreationInfo{Protocols: twoProtocols(rec)})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				s.ctx.CancelService()
			}
		}()
	}
	wg.Wait()
	ev := rec.waitFor(t, "wait-cancelled on all", func(ev []string) bool {
		return count(ev, "b LWS_CALLBACK_EVENT_WAIT_CANCELLED") >= 1
	})
	for _, p := range []string{"http-only", "a", "b"} {
		n := count(ev, p+" LWS_CALLBACK_EVENT_WAIT_CANCELLED")
		if n < 1 || n > 800/2 {
			t.Fatalf("%s got %d EVENT_WAIT_CANCELLED for 800 cancels", p, n)
		}
	}
}

// A C-style loop: Service until a flag set from another goroutine, woken
// by CancelService as a signal handler would.
func TestCStyleServiceLoop(t *testing.T) {
	rec := newRecorder()
	c, err := CreateContext(&ContextCreationInfo{Port: 0, Iface: "127.0.0.1",
		Protocols: []Protocol{recordingProtocol("p", rec, echoHandlers())}})
	if err != nil {
		t.Fatal(err)
	}
	var interrupted atomic.Bool
	loopDone := make(chan struct{})
	go func() {
		defer close(loopDone)
		n := 0
		for n >= 0 && !interrupted.Load() {
			n = c.Service(0)
		}
		c.Destroy()
	}()
	url := "ws://127.0.0.1:" + strconv.Itoa(c.Vhost().Port())
	conn := dial(t, url, "p")
	writeText(t, conn, "hi")
	if got := readText(t, conn); got != "hi" {
		t.Fatalf("got %q", got)
	}
	interrupted.Store(true)
	c.CancelService()
	select {
	case <-loopDone:
	case <-time.After(waitBound):
		t.Fatal("service loop did not end")
	}
	rec.waitEvent(t, "p LWS_CALLBACK_PROTOCOL_DESTROY")
	if c.Service(0) != -1 {
		t.Fatal("Service after Destroy must return -1")
	}
}

func TestDestroyClosesConnectionsAndLeavesNoGoroutine(t *testing.T) {
	before := goleak.IgnoreCurrent()
	rec := newRecorder()
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{recordingProtocol("p", rec, echoHandlers())}})
	var conns []*websocket.Conn
	for i := 0; i < 5; i++ {
		conns = append(conns, dial(t, s.url, "p"))
	}
	rec.waitFor(t, "5 established", func(ev []string) bool { return count(ev, "p LWS_CALLBACK_ESTABLISHED") == 5 })
	logs := captureLogs(t, LogDefault)
	start := time.Now()
	s.stop()
	d := time.Since(start)
	t.Logf("destroy took %v", d)
	// Destroy gives up on connections that never report after a bound and
	// says so; it must not have had to.
	for _, gaveUp := range []string{"did not report their end", "net/http still has connections"} {
		if logs.has("E", gaveUp) || logs.has("W", gaveUp) {
			t.Fatalf("destroy logged %q", gaveUp)
		}
	}
	if d > 2500*time.Millisecond {
		t.Fatalf("destroy took %v", d)
	}
	ev := rec.snapshot()
	for _, r := range []string{"LWS_CALLBACK_WS_SERVER_DROP_PROTOCOL", "LWS_CALLBACK_CLOSED", "LWS_CALLBACK_WSI_DESTROY"} {
		if n := count(ev, "p "+r); n != 5 {
			t.Fatalf("%s delivered %d times, want 5", r, n)
		}
	}
	if ev[len(ev)-1] != "p LWS_CALLBACK_PROTOCOL_DESTROY" {
		t.Fatalf("PROTOCOL_DESTROY is not last: %q", ev)
	}
	for _, c := range conns {
		ctx, cancel := context.WithTimeout(context.Background(), waitBound)
		if _, _, err := c.Read(ctx); err == nil {
			t.Fatal("connection survived destroy")
		}
		cancel()
		c.CloseNow()
	}
	goleak.VerifyNone(t, before)
}

func TestSul(t *testing.T) {
	rec := newRecorder()
	var a, b, cancelled Sul
	h := handlers{CallbackEstablished: func(w *Wsi, _ any, _ any) int {
		ctx := w.Context()
		ctx.SulSchedule(&b, 20_000, func(*Sul) { rec.add("b") })
		ctx.SulSchedule(&a, 10_000, func(*Sul) { rec.add("a pending=%v", a.Pending()) })
		ctx.SulSchedule(&cancelled, 5_000, func(*Sul) { rec.add("cancelled ran") })
		ctx.SulCancel(&cancelled)
		return 0
	}}
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{recordingProtocol("p", rec, h)}})
	c := dial(t, s.url, "p")
	ev := rec.waitEvent(t, "b")
	i := len(ev) - 2
	if ev[i] != "a pending=false" || contains(ev, "cancelled ran") {
		t.Fatalf("sul order: %q", ev)
	}
	c.CloseNow()
}

func TestHTTPMountsAndDummy(t *testing.T) {
	rec := newRecorder()
	files := fstest.MapFS{
		"index.html": {Data: []byte("<p>hi</p>")},
		"app.js":     {Data: []byte("1")},
		"data.bin":   {Data: []byte{0}},
	}
	s := startServer(t, ContextCreationInfo{
		Options:   ServerOptionHTTPHeadersSecurityBestPracticesEnforce,
		Protocols: []Protocol{recordingProtocol("p", rec, nil)},
		Mounts:    &HTTPMount{Mountpoint: "/", FS: files, Def: "index.html", OriginProtocol: MountProtoFile},
	})
	base := s.httpURL()
	resp := httpGet(t, base+"/", nil)
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || string(body) != "<p>hi</p>" {
		t.Fatalf("GET /: %d %q", resp.StatusCode, body)
	}
	for h, v := range map[string]string{
		"Content-Security-Policy": "default-src 'none'; img-src 'self' data: ; script-src 'self'; font-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none';form-action 'self';",
		"X-Content-Type-Options":  "nosniff",
		"X-Xss-Protection":        "1; mode=block",
		"X-Frame-Options":         "deny",
		"Referrer-Policy":         "no-referrer",
		"Cache-Control":           "no-store",
		"Content-Type":            "text/html",
	} {
		if got := resp.Header.Get(h); got != v {
			t.Errorf("%s: %q, want %q", h, got, v)
		}
	}
	etag := resp.Header.Get("Etag")
	if r := httpGet(t, base+"/", map[string]string{"If-None-Match": etag}); etag == "" || r.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match %q: %d", etag, r.StatusCode)
	}
	// lws main serves a file of no known type as application/octet-stream.
	for path, want := range map[string]int{"/nope.html": 404, "/%2e%2e/etc/passwd": 404, "/data.bin": 200, "/app.js": 200} {
		if r := httpGet(t, base+path, nil); r.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, r.StatusCode, want)
		} else if r.Header.Get("X-Frame-Options") != "deny" {
			t.Errorf("GET %s: no security headers", path)
		}
	}
	// The 101 carries none of the security headers.
	ctx, cancel := context.WithTimeout(context.Background(), waitBound)
	defer cancel()
	c, r101, err := websocket.Dial(ctx, s.url, &websocket.DialOptions{Subprotocols: []string{"p"}})
	if err != nil {
		t.Fatal(err)
	}
	if r101.Header.Get("Content-Security-Policy") != "" {
		t.Error("101 carried security headers")
	}
	c.CloseNow()
}

func TestHTTPCallbackWithoutMounts(t *testing.T) {
	rec := newRecorder()
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{recordingProtocol("p", rec, nil)}})
	r := httpGet(t, s.httpURL()+"/x", nil)
	if r.StatusCode != 404 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("unmounted URL: %d", r.StatusCode)
	}
	rec.waitEvent(t, "p LWS_CALLBACK_HTTP")
}
