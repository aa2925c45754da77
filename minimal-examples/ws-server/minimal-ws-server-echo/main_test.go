package main

import (
	"testing"

	"github.com/coder/websocket"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// dial connects offering the given subprotocols (none: lws picks
// protocol 0, which is the echo protocol too); the connection is dropped at
// the end of the test.
func dial(t *testing.T, s *exampletest.Example, subprotocols ...string) *websocket.Conn {
	t.Helper()
	return exampletest.Dial(t, s.URL, nil, subprotocols...)
}
