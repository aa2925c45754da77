package lwsc_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	. "github.com/golws/golws/include-like"
)

// waitBound bounds every wait here; reaching it fails the test.
const waitBound = 10 * time.Second

// serve runs a context made from info on a free loopback port until the
// test ends, and returns the port.
func serve(t *testing.T, info Lws_context_creation_info) int {
	t.Helper()
	info.Port, info.Iface = 0, "127.0.0.1"
	c := Lws_create_context(&info)
	if c == nil {
		t.Fatal("lws init failed")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = c.Run(ctx)
		Lws_context_destroy(c)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(waitBound):
			t.Error("context did not stop")
		}
	})
	return Lws_get_vhost_listen_port(Lws_get_vhost_by_name(c, "default"))
}

// get sends a raw HTTP/1.1 request for path and returns the response with
// its body read.
func get(t *testing.T, port int, path string, headers ...string) (*http.Response, string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), waitBound)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(waitBound))
	req := "GET " + path + " HTTP/1.1\r\nHost: h\r\n" + strings.Join(headers, "") + "\r\n"
	if _, err := io.WriteString(c, req); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: body: %v", path, err)
	}
	return resp, string(body)
}
