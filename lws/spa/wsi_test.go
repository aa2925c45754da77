package spa

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/lws"
)

// waitBound bounds every wait in these tests; reaching it is a failure.
const waitBound = 10 * time.Second

// parsed is what a server-side parse showed, sent out of the callback.
type parsed struct {
	process, finalize int
	text1             string
}

// Create takes the body's kind from the request's Content-Type, read from
// a live wsi on a real server, and parses the body as lws's examples feed
// it: created at the first HTTP_BODY, each chunk processed, finalized at
// HTTP_BODY_COMPLETION. The same multipart body parses under its multipart
// type, and fails (as lws: its boundary line is a urlencoded name too
// long) under a urlencoded one.
func TestCreateReadsContentType(t *testing.T) {
	body := part(`name="text1"`, "from the wire") + closing
	facts := make(chan parsed, 4)
	type session struct {
		spa *Spa
		p   parsed
	}
	cb := func(wsi *lws.Wsi, reason lws.CallbackReason, user, in any, n int) int {
		ss, _ := user.(*session)
		switch reason {
		case lws.CallbackHTTP:
			return 0 // the answer waits for the body
		case lws.CallbackHTTPBody:
			if ss.spa == nil {
				ss.spa = Create(wsi, fields, 1024, nil, nil)
			}
			if r := ss.spa.Process(in.([]byte), n); r != 0 {
				ss.p.process = r
			}
			return 0
		case lws.CallbackHTTPBodyCompletion:
			ss.p.finalize = ss.spa.Finalize()
			ss.p.text1 = ss.spa.GetString(0)
			ss.spa.Destroy()
			facts <- ss.p
			if wsi.ReturnHTTPStatus(lws.HTTPStatusOK, "") != 0 || wsi.TransactionCompleted() != 0 {
				return -1
			}
			return 0
		}
		return lws.CallbackHTTPDummy(wsi, reason, user, in, n)
	}
	ctx, err := lws.CreateContext(&lws.ContextCreationInfo{
		Port: 0, Iface: "127.0.0.1",
		Protocols: []lws.Protocol{{Name: "http", Callback: cb, PerSessionData: func() any { return new(session) }}},
	})
	if err != nil {
		t.Fatal(err)
	}
	gctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = ctx.Run(gctx)
		ctx.Destroy()
	}()
	defer func() {
		stop()
		select {
		case <-done:
		case <-time.After(waitBound):
			t.Error("context did not stop")
		}
	}()

	client := &http.Client{Timeout: waitBound, Transport: &http.Transport{DisableKeepAlives: true}}
	url := fmt.Sprintf("http://127.0.0.1:%d/form1", ctx.Vhost().Port())
	for _, c := range []struct {
		ct   string
		want parsed
	}{
		{"multipart/form-data; boundary=XyZ", parsed{0, 0, "from the wire"}},
		{"application/x-www-form-urlencoded", parsed{-1, -1, ""}},
	} {
		resp, err := client.Post(url, c.ct, strings.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", c.ct, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		select {
		case got := <-facts:
			if got != c.want {
				t.Errorf("%s: got %+v, want %+v", c.ct, got, c.want)
			}
		case <-time.After(waitBound):
			t.Fatalf("%s: no HTTP_BODY_COMPLETION", c.ct)
		}
	}
}
