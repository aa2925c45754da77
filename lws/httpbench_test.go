package lws

import (
	"context"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// The HTTP path against plain net/http serving the same bytes: a page of
// pageSize bytes written in pieces of 2 KB from HTTP_WRITEABLE, as
// minimal-http-server-dynamic writes its page, fetched over one kept-alive
// connection, or with a new connection per request where the server
// closes it (the Close pairs). One op is one request.
const pageSize = 20 << 10

var pagePiece = []byte(strings.Repeat("x", 2048))

func BenchmarkHTTPDynamicPage(b *testing.B) { benchDynamicPage(b, pageSize) }

// BenchmarkHTTPDynamicPageClose is the page as minimal-http-server-dynamic
// sends it: without a content-length, so the connection closes after it
// and every request is a new connection.
func BenchmarkHTTPDynamicPageClose(b *testing.B) { benchDynamicPage(b, IllegalHTTPContentLen) }

func BenchmarkHTTPPlainHandler(b *testing.B) { benchPlainHandler(b, false) }

func BenchmarkHTTPPlainHandlerClose(b *testing.B) { benchPlainHandler(b, true) }

func benchDynamicPage(b *testing.B, contentLen int64) {
	type pss struct{ left int }
	dyn := Protocol{Name: "dyn", PerSessionData: func() any { return new(pss) },
		Callback: func(w *Wsi, reason CallbackReason, user any, in any, n int) int {
			switch reason {
			case CallbackHTTP:
				if writeHead(w, HTTPStatusOK, "text/html", contentLen) != 0 {
					return 1
				}
				user.(*pss).left = pageSize
				w.CallbackOnWritable()
				return 0
			case CallbackHTTPWriteable:
				ps := user.(*pss)
				proto := WriteHTTP
				if ps.left <= len(pagePiece) {
					proto = WriteHTTPFinal
				}
				piece := pagePiece[:min(ps.left, len(pagePiece))]
				w.Write(piece, proto)
				ps.left -= len(piece)
				if ps.left > 0 {
					w.CallbackOnWritable()
					return 0
				}
				if w.TransactionCompleted() != 0 {
					return -1
				}
				return 0
			}
			return CallbackHTTPDummy(w, reason, user, in, n)
		}}
	c, err := CreateContext(&ContextCreationInfo{Port: 0, Iface: "127.0.0.1",
		Protocols: []Protocol{{Name: "http", Callback: CallbackHTTPDummy}, dyn},
		Mounts:    &HTTPMount{Mountpoint: "/dyn", Origin: "dyn", OriginProtocol: MountProtoCallback}})
	if err != nil {
		b.Fatal(err)
	}
	gctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { c.Run(gctx); c.Destroy(); close(done) }()
	defer func() { cancel(); <-done }()
	benchGets(b, "http://127.0.0.1:"+itoa(c.Vhost().Port())+"/dyn/page")
}

func benchPlainHandler(b *testing.B, closeConn bool) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", itoa(pageSize))
		if closeConn {
			w.Header().Set("Connection", "close")
		}
		for left := pageSize; left > 0; left -= len(pagePiece) {
			w.Write(pagePiece[:min(left, len(pagePiece))])
		}
	})}
	go srv.Serve(ln)
	defer srv.Close()
	benchGets(b, "http://"+ln.Addr().String()+"/dyn/page")
}

func benchGets(b *testing.B, url string) {
	tr := &http.Transport{MaxIdleConnsPerHost: 1}
	defer tr.CloseIdleConnections()
	cl := &http.Client{Transport: tr}
	buf := make([]byte, 32<<10)
	b.SetBytes(pageSize)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resp, err := cl.Get(url)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.CopyBuffer(io.Discard, resp.Body, buf)
		resp.Body.Close()
		if n != pageSize {
			b.Fatalf("got %d bytes", n)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
