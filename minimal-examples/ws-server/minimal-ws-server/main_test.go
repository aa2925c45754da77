package main

import (
	"testing"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// dial connects with subprotocol lws-minimal; the connection is dropped
// at the end of the test.
func dial(t *testing.T, s *exampletest.Example) *exampletest.Client {
	t.Helper()
	return exampletest.DialClient(t, s.URL, nil, "lws-minimal")
}

// dialSlow is dial with a tiny kernel receive buffer, so that a client
// that stops reading backs up into the server after a few messages.
func dialSlow(t *testing.T, s *exampletest.Example) *exampletest.Client {
	t.Helper()
	return exampletest.DialClient(t, s.URL, exampletest.SmallBuffers(t, 4096, 0), "lws-minimal")
}
