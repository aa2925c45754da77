// Package httpexample is what the tests of the http-server examples share,
// on top of ../../../internal/exampletest: raw HTTP/1.1 connections that
// show what goes over the wire (a response, then whether the connection
// is kept or closed), the headers lws adds under its security option, the
// strict-page check for each example's mount-origin, and a recorder that
// wraps a protocol callback to see which callbacks ran. Only _test.go
// files import it, and every wait in it is bounded by
// exampletest.WaitBound.
package httpexample
