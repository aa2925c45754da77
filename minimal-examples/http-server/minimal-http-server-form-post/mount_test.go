package main

import (
	"net/http"
	"testing"

	"github.com/golws/golws/minimal-examples/http-server/internal/httpexample"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
)

// C has no mount for /form1: the file mount misses it and protocol 0
// gets the request whole, unbound, body and all.
func TestFormReachesProtocol0(t *testing.T) {
	rec := httpexample.Record(t, &protocols[0].Callback)
	s := exampletest.Serve(t, run)
	c := httpexample.Dial(t, s.Host)
	c.Send(httpexample.Post("/form1", urlencoded, "text1=x"))
	resp, body := c.Response(http.MethodPost)
	checkRedirect(t, resp, body, http.StatusMovedPermanently)
	httpexample.CheckPostAfterFileMiss(t, rec, "/form1")
}
