package main

import (
	"errors"
	"net"
	"net/http"
	"strconv"
)

// httpPage is what a server answered to one GET: the bytes the HTTP
// baseline serves to every request, so that both servers send the same.
type httpPage struct {
	Body        []byte
	ContentType string
	Close       bool // the server ended the connection after the answer
}

// httpBaseline is the plain net/http handler golws's HTTP is measured
// against: one Write of the page, its content-length and content-type,
// and "connection: close" when the page was served that way.
type httpBaseline struct {
	ln     net.Listener
	srv    *http.Server
	served chan error
}

func startHTTPBaseline(addr string, page httpPage) (*httpBaseline, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	length := strconv.Itoa(len(page.Body))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hdr := w.Header()
		hdr.Set("Content-Type", page.ContentType)
		hdr.Set("Content-Length", length)
		if page.Close {
			hdr.Set("Connection", "close")
		}
		_, _ = w.Write(page.Body)
	})
	b := &httpBaseline{ln: ln, srv: &http.Server{Handler: h}, served: make(chan error, 1)}
	go func() { b.served <- b.srv.Serve(ln) }()
	return b, nil
}

func (b *httpBaseline) close() error {
	err := b.srv.Close()
	if serr := <-b.served; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}
