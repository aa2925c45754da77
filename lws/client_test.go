package lws

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

// startClientContext runs a listener-less context whose protocol 0 is p,
// and calls connect on its service goroutine.
func startClientContext(t *testing.T, p Protocol, connect func(c *Context)) {
	t.Helper()
	c, err := CreateContext(&ContextCreationInfo{Port: ContextPortNoListen, Protocols: []Protocol{p}})
	if err != nil {
		t.Fatal(err)
	}
	gctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	c.post(func() { connect(c) })
	go func() {
		defer close(done)
		_ = c.Run(gctx)
		c.Destroy()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(waitBound):
			t.Error("client context did not stop")
		}
	})
}

func TestClientAgainstOwnServer(t *testing.T) {
	srec := newRecorder()
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{recordingProtocol("echo", srec, echoHandlers())}})
	port := s.ctx.Vhost().Port()

	rec := newRecorder()
	var pwsi *Wsi
	h := handlers{
		CallbackClientEstablished: func(w *Wsi, _ any, _ any) int {
			rec.add("subprotocol %s", w.Subprotocol())
			w.CallbackOnWritable()
			return 0
		},
		CallbackClientWriteable: func(w *Wsi, _ any, _ any) int {
			w.Write([]byte("hello"), WriteText)
			return 0
		},
		CallbackClientReceive: func(w *Wsi, _ any, _ any) int {
			w.CloseReason(CloseStatusNormal, []byte("done"))
			return -1
		},
		CallbackClientClosed: func(w *Wsi, _ any, _ any) int {
			rec.add("pwsi cleared %v", pwsi == nil)
			return 0
		},
	}
	startClientContext(t, recordingProtocol("echo", rec, h), func(c *Context) {
		ClientConnect(&ClientConnectInfo{Context: c, Address: "127.0.0.1", Port: port, Path: "/",
			Host: "localhost", Origin: "http://localhost", Protocol: "echo", Pwsi: &pwsi})
	})
	ev := rec.waitEvent(t, "echo LWS_CALLBACK_WSI_DESTROY")
	want := []string{
		"echo LWS_CALLBACK_PROTOCOL_INIT",
		"echo LWS_CALLBACK_WSI_CREATE",
		"echo LWS_CALLBACK_CLIENT_ESTABLISHED",
		"subprotocol echo",
		"echo LWS_CALLBACK_CLIENT_WRITEABLE",
		"echo LWS_CALLBACK_CLIENT_RECEIVE",
		"echo LWS_CALLBACK_WS_CLIENT_DROP_PROTOCOL",
		"echo LWS_CALLBACK_CLIENT_CLOSED",
		"pwsi cleared false",
		"echo LWS_CALLBACK_WSI_DESTROY",
	}
	if strings.Join(ev, "\n") != strings.Join(want, "\n") {
		t.Fatalf("client callbacks:\n got %q\nwant %q", ev, want)
	}
	srec.waitEvent(t, `echo LWS_CALLBACK_RECEIVE "hello"`)
	srec.waitEvent(t, "echo LWS_CALLBACK_WS_PEER_INITIATED_CLOSE")
}

func TestClientConnectionError(t *testing.T) {
	// A port nothing listens on: take a free one and close it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()

	rec := newRecorder()
	var pwsi *Wsi
	h := handlers{CallbackClientConnectionError: func(w *Wsi, _ any, in any) int {
		rec.add("error has text %v", in.(string) != "")
		return 0
	}}
	startClientContext(t, recordingProtocol("p", rec, h), func(c *Context) {
		if ClientConnect(&ClientConnectInfo{Context: c, Address: "127.0.0.1", Port: port, Protocol: "p", Pwsi: &pwsi}) == nil {
			rec.add("connect returned nil")
		}
	})
	ev := rec.waitEvent(t, "p LWS_CALLBACK_WSI_DESTROY")
	if !contains(ev, "error has text true") || contains(ev, "p LWS_CALLBACK_CLIENT_CLOSED") {
		t.Fatalf("events %q", ev)
	}
}

// An established client connection belongs to its context like a server
// one: lws_callback_on_writable_all_protocol reaches it, and Destroy
// closes it (CLIENT_CLOSED, WSI_DESTROY) and returns, though the server
// keeps it open.
func TestClientEstablishedEndsWithItsContext(t *testing.T) {
	s := startServer(t, ContextCreationInfo{Protocols: []Protocol{recordingProtocol("echo", newRecorder(), echoHandlers())}})
	port := s.ctx.Vhost().Port()
	rec := newRecorder()
	h := handlers{
		CallbackClientEstablished: func(w *Wsi, _ any, _ any) int {
			w.Context().CallbackOnWritableAllProtocol(w.Protocol())
			return 0
		},
	}
	p := recordingProtocol("echo", rec, h)
	c, err := CreateContext(&ContextCreationInfo{Port: ContextPortNoListen, Protocols: []Protocol{p}})
	if err != nil {
		t.Fatal(err)
	}
	gctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	c.post(func() {
		ClientConnect(&ClientConnectInfo{Context: c, Address: "127.0.0.1", Port: port, Path: "/", Host: "localhost", Protocol: "echo"})
	})
	go func() {
		defer close(done)
		_ = c.Run(gctx)
		c.Destroy()
	}()
	rec.waitEvent(t, "echo LWS_CALLBACK_CLIENT_WRITEABLE")
	cancel()
	select {
	case <-done:
	case <-time.After(waitBound):
		t.Fatal("Destroy did not return with a client connection established")
	}
	rec.waitEvent(t, "echo LWS_CALLBACK_WSI_DESTROY")
}
