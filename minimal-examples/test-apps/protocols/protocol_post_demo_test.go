package protocols

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"

	. "github.com/golws/golws/include-like"
)

// htmlEscape escapes as C's html_escape does into its 256 bytes: it stops
// once 250 bytes are out (an escape begun at 249 still fits) and at a NUL.
func TestPostDemoHTMLEscape(t *testing.T) {
	cases := []struct{ in, want string }{
		{`<a href="x">&`, "&lt;a href=&quot;x&quot;&gt;&amp;"},
		{"ab\x00cd", "ab"},
		{strings.Repeat("a", 250), strings.Repeat("a", 250)},
		{strings.Repeat("a", 251), strings.Repeat("a", 250)},
		{strings.Repeat("a", 249) + `"b`, strings.Repeat("a", 249) + "&quot;"},
		{strings.Repeat("a", 250) + `"`, strings.Repeat("a", 250)},
		{strings.Repeat("&", 100), strings.Repeat("&amp;", 50)},
	}
	for _, c := range cases {
		var out [postDemoEscapedLen]byte
		if got := htmlEscape(c.in, out[:]); got != c.want {
			t.Errorf("htmlEscape(%.20q... %d bytes) = %.40q... (%d bytes), want %d bytes",
				c.in, len(c.in), got, len(got), len(c.want))
		}
	}
}

// An upload goes to a file of its own in $TMPDIR, closed at its end. The
// form's uploads keep their first 100000 bytes between them and count all
// of them, as in C; a second file replaces the first, which goes at once,
// and the last one goes with the session, open or not.
func TestPostDemoUploadFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	pss := new(pssPostDemo)
	up := func(state Lws_spa_fileupload_states, buf []byte) {
		t.Helper()
		if r := fileUploadCB(pss, "file", "../../etc/passwd", buf, len(buf), state); r < 0 {
			t.Fatalf("%v failed the form: %d", state, r)
		}
	}
	onDisk := func(name string, want int64) {
		t.Helper()
		if fi, err := os.Stat(name); err != nil || fi.Size() != want {
			t.Errorf("%s on disk: %v, %v; want %d bytes", name, fi, err, want)
		}
	}

	up(LWS_UFS_OPEN, nil)
	first := pss.filename
	if !strings.HasPrefix(first, dir+string(os.PathSeparator)+"post-file-") {
		t.Fatalf("the upload went to %q, not a post-file in $TMPDIR", first)
	}
	up(LWS_UFS_CONTENT, []byte("small "))
	up(LWS_UFS_FINAL_CONTENT, []byte("file"))
	if pss.fd != nil {
		t.Error("the file is still open after its last chunk")
	}
	onDisk(first, 10)

	up(LWS_UFS_OPEN, nil)
	second := pss.filename
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Errorf("the first file is still there after the second opened: %v", err)
	}
	chunk := make([]byte, 1000)
	for range 150 {
		up(LWS_UFS_CONTENT, chunk)
	}
	up(LWS_UFS_FINAL_CONTENT, chunk[:10])
	if pss.fileLength != 150020 {
		t.Errorf("length %d, want 150020", pss.fileLength)
	}
	// The first file's 10 bytes count: 99 chunks fit under the limit,
	// and the chunk that passes it is not written at all, as in C.
	onDisk(second, 99000)

	// Past the limit the end returns before closing, as in C: the file
	// stays open until the session goes.
	pss.dropFile()
	if pss.fd != nil || pss.filename != "" {
		t.Errorf("the session went and left %q open: %v", pss.filename, pss.fd != nil)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left in $TMPDIR: %v", left)
	}
}

// serveFormtest runs the test protocols with the POST demo on /formtest,
// as the test server mounts it, and returns the server's address.
func serveFormtest(t *testing.T) string {
	t.Helper()
	log := exampletest.NewLog()
	Lws_set_log_level(LLL_USER|LLL_ERR|LLL_WARN|LLL_NOTICE, log.Emit)
	port := exampletest.ServeContext(t, &Lws_context_creation_info{
		Iface:     "127.0.0.1",
		Protocols: append(ServerProtocols(), ProtocolPostDemo),
		Mounts: &Lws_http_mount{
			Mountpoint:     "/formtest",
			Protocol:       PostDemoName,
			OriginProtocol: LWSMPRO_CALLBACK,
		},
		Options: ServerOptions,
	}, log)
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
}

// Two POSTs sent back to back, the second before the first is answered,
// get both their answers, in order, on the one connection. (lws 4.1.6 and
// lws main answer the first and then spin, never answering the second.)
func TestPostDemoPipelined(t *testing.T) {
	addr := serveFormtest(t)
	c, err := net.DialTimeout("tcp", addr, exampletest.WaitBound)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var reqs strings.Builder
	for _, v := range []string{"first", "second"} {
		body := "text=" + v
		reqs.WriteString("POST /formtest HTTP/1.1\r\nHost: x\r\n" +
			"Content-Type: application/x-www-form-urlencoded\r\n" +
			"Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body)
	}
	if _, err := io.WriteString(c, reqs.String()); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Now().Add(exampletest.WaitBound))
	br := bufio.NewReader(c)
	for _, v := range []string{"first", "second"} {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("answer for %s: %v", v, err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("answer for %s: %s, %v", v, resp.Status, err)
		}
		want := "<td><b>text</b></td><td>" + strconv.Itoa(len(v)) + "</td><td>" + v + "</td>"
		if !strings.Contains(string(b), want) {
			t.Errorf("answer for %s lacks %q:\n%s", v, want, b)
		}
	}
}
