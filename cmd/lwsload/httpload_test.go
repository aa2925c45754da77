package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/internal/testbin"
)

// The load against the HTTP baseline: on a kept-alive page every client
// dials once; on a page that closes its connection, once a request. The
// bodies are counted whole.
func TestHTTPLoadKeepAliveAndClose(t *testing.T) {
	for _, closeConn := range []bool{false, true} {
		page := httpPage{Body: bytes.Repeat([]byte("x"), 5000), ContentType: "text/html", Close: closeConn}
		b, err := startHTTPBaseline("127.0.0.1:0", page)
		if err != nil {
			t.Fatal(err)
		}
		url := "http://" + b.ln.Addr().String() + "/p?x=1"
		got, err := fetchPage(testCtx(t), url)
		if err != nil || !bytes.Equal(got.Body, page.Body) || got.Close != closeConn || got.ContentType != "text/html" {
			t.Errorf("close %v: fetched %d bytes, close %v, type %q, %v", closeConn, len(got.Body), got.Close, got.ContentType, err)
		}
		r, err := runHTTP(testCtx(t), httpConfig{url: url, conns: 3, duration: 200 * time.Millisecond, pid: os.Getpid()})
		if cerr := b.close(); cerr != nil {
			t.Error(cerr)
		}
		if err != nil || !r.clean() {
			t.Fatalf("close %v: %v %+v", closeConn, err, r)
		}
		wantDials := uint64(3)
		if closeConn {
			wantDials = r.Requests
		}
		if r.Dials != wantDials || r.MinBody != 5000 || r.MaxBody != 5000 || r.BodyBytes != r.Requests*5000 || r.CPUPerReqUS <= 0 {
			t.Errorf("close %v: %+v", closeConn, r)
		}
	}
}

// Anything but a 200 is an error, reported, and the command exits 1.
func TestHTTPCommandFailsOnErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	var out, errb bytes.Buffer
	code := lwsload(testCtx(t), []string{"http", "--url", srv.URL + "/", "--conns", "2", "--duration", "100ms"}, &out, &errb)
	if code != 1 || !strings.Contains(out.String(), "errors=2") || !strings.Contains(out.String(), `first_error="status 404"`) {
		t.Fatalf("exit %d: %s %s", code, out.String(), errb.String())
	}
	if _, err := fetchPage(testCtx(t), srv.URL+"/"); err == nil || !strings.Contains(err.Error(), "status 404") {
		t.Errorf("fetchPage of a 404: %v", err)
	}
	for _, args := range [][]string{{"http"}, {"http", "--url", "ws://x/"}, {"httpbaseline"}, {"httpmatrix", "--runs", "0"}} {
		if code := lwsload(testCtx(t), args, &out, &errb); code != 2 {
			t.Errorf("lwsload %q = %d, want 2", args, code)
		}
	}
}

// threadpoolExample is golws's threadpool HTTP example, built on first use.
var threadpoolExample = testbin.New(defaultHTTPTargets()[1].pkg)

// A small HTTP matrix end to end: the threadpool example's page against
// the baseline child serving the bytes it served, one clean row a client
// count, and a target that cannot start is a failed row, not a stop.
func TestHTTPMatrixSmall(t *testing.T) {
	bin, err := threadpoolExample.Path()
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(asMainEnv, "1")
	targets := defaultHTTPTargets()
	targets[0].bin = "/nonexistent/golws-server"
	targets[1].bin = bin
	var log bytes.Buffer
	rows, err := runHTTPMatrix(testCtx(t), httpMatrixConfig{
		targets: targets, baseline: []string{self, "httpbaseline"}, conns: []int{1, 2},
		duration: 300 * time.Millisecond, runs: 1, maxTime: 14 * time.Second, log: &log,
	})
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	var table bytes.Buffer
	printHTTPTable(&table, rows)
	t.Logf("\n%s%s", log.String(), table.String())
	if len(rows) != 3 || rows[0].GolwsErr == "" || rows[0].clean() {
		t.Fatalf("want a failed row for the missing binary, then 2 rows: %+v", rows)
	}
	for _, s := range rows[1:] {
		if !s.clean() || s.Golws == nil || s.Base == nil || s.Close || s.Golws.MinBody != int64(s.Page) || s.Base.MinBody != int64(s.Page) {
			t.Errorf("%s: %+v golws %+v baseline %+v", s.Name, s, s.Golws, s.Base)
		}
	}
	if row := fmt.Sprintf("| threadpool page, 16 lines, 2 conns | %d | kept alive |", rows[2].Page); !strings.Contains(table.String(), row) {
		t.Errorf("table lacks the 2-conn row")
	}
}
