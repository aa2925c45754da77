package main

import (
	"testing"

	"github.com/golws/golws/minimal-examples/http-server/internal/httpexample"
)

// C has no mount for /form1: the file mount misses it and protocol 0
// gets the request whole, unbound, body and all.
func TestFormReachesProtocol0(t *testing.T) {
	rec := httpexample.Record(t, &protocols[0].Callback)
	s, _ := serve(t)
	upload(t, s, httpexample.Part{Name: "file", Filename: "a.txt", Value: "abc"})
	httpexample.CheckPostAfterFileMiss(t, rec, "/form1")
}
