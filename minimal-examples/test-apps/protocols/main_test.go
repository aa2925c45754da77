package protocols

import (
	"strconv"
	"testing"

	"github.com/coder/websocket"
	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"go.uber.org/goleak"

	. "github.com/golws/golws/include-like"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// serve runs the test server's vhost on a loopback port until the test
// ends; dumbOptions is the dumb-increment "options" pvo. It returns the
// server's URL and its log.
func serve(t *testing.T, dumbOptions uint) (string, *exampletest.Log) {
	t.Helper()
	log := exampletest.NewLog()
	// INFO shows expiring timeouts.
	Lws_set_log_level(LLL_USER|LLL_ERR|LLL_WARN|LLL_NOTICE|LLL_INFO, log.Emit)
	port := exampletest.ServeContext(t, &Lws_context_creation_info{
		Iface:     "127.0.0.1",
		Protocols: ServerProtocols(),
		Pvo:       ServerPvo(dumbOptions),
		Options:   ServerOptions,
	}, log)
	return "ws://127.0.0.1:" + strconv.Itoa(port) + "/", log
}

// dial connects offering protocol; the connection is closed when the test
// ends.
func dial(t *testing.T, url, protocol string) *websocket.Conn {
	t.Helper()
	return exampletest.Dial(t, url, nil, protocol)
}
