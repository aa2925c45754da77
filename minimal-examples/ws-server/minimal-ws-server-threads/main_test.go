package main

import (
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// dial connects with subprotocol lws-minimal and starts reading; the
// connection is dropped at the end of the test.
func dial(t *testing.T, s *exampletest.Example) *exampletest.Client {
	t.Helper()
	return exampletest.DialClient(t, s.URL, nil, "lws-minimal").StartReading()
}
