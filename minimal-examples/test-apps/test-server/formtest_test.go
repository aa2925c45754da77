package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/textproto"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golws/golws/minimal-examples/internal/exampletest"
	"github.com/golws/golws/minimal-examples/test-apps/internal/peers"
)

// The differential tests of /formtest run our server and Debian's
// libwebsockets-test-server (lws 4.1.6) side by side and POST the same
// bytes to both. golws follows lws main's POST demo, which differs from
// 4.1.6's in what it shows, so 4.1.6's pages are rewritten as lws main
// would write them before they are compared (asLwsMain); nothing else in a
// body is touched but the upload's file name, which is the server's own.

// c416PostFile is where lws 4.1.6's POST demo writes every upload.
const c416PostFile = "/tmp/post-file"

// formServers are the two servers, and the directory our server's
// uploads go to.
type formServers struct {
	goSrv  *exampletest.Example
	cSrv   *peers.CServer
	tmpDir string
}

// startFormServers starts both servers, ours with INFO logging (its
// upload writes are the signal that an upload reached the disk) and its
// $TMPDIR a directory of the test's own, so that what an upload leaves
// behind can be seen. The file the C server leaves behind is removed if
// the test made it.
func startFormServers(t *testing.T) formServers {
	t.Helper()
	peers.Require(t)
	if _, err := os.Lstat(c416PostFile); errors.Is(err, os.ErrNotExist) {
		t.Cleanup(func() { _ = os.Remove(c416PostFile) })
	}
	s := formServers{tmpDir: t.TempDir()}
	t.Setenv("TMPDIR", s.tmpDir)
	s.goSrv = startGoServer(t, "-d", "1039")
	s.cSrv = peers.StartCServer(t)
	return s
}

// formAnswer is what a client sees of the answer to one request.
type formAnswer struct {
	Closed bool // the server closed the connection without an answer
	Status int
	Header http.Header
	Body   string
}

// exchange sends each request on one connection in turn, each once the
// answer to the one before has been read, and returns the answers; once
// the server closes without answering, it stops.
func exchange(t *testing.T, port int, reqs ...[]byte) []formAnswer {
	t.Helper()
	c, err := net.DialTimeout("tcp", peers.Addr(port), exampletest.WaitBound)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(exampletest.WaitBound))
	br := bufio.NewReader(c)
	var out []formAnswer
	for _, req := range reqs {
		if _, err := c.Write(req); err != nil {
			t.Fatalf("port %d: writing: %v", port, err)
		}
		resp, err := http.ReadResponse(br, nil)
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) {
			return append(out, formAnswer{Closed: true})
		}
		if err != nil {
			t.Fatalf("port %d: reading the answer: %v", port, err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatalf("port %d: reading the body: %v", port, err)
		}
		out = append(out, formAnswer{Status: resp.StatusCode, Header: resp.Header, Body: string(body)})
	}
	return out
}

// formPost is a POST to /formtest with this Content-Type and body.
func formPost(contentType string, body []byte) []byte {
	return postWithLength(contentType, body, len(body))
}

// postWithLength is formPost announcing length bytes, whatever the body
// holds.
func postWithLength(contentType string, body []byte, length int) []byte {
	head := "POST /formtest HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
		"Content-Type: " + contentType + "\r\n" +
		"Content-Length: " + strconv.Itoa(length) + "\r\n\r\n"
	return append([]byte(head), body...)
}

func urlencoded(body string) []byte {
	return formPost("application/x-www-form-urlencoded", []byte(body))
}

// formBoundary is the boundary of the multipart bodies the tests build.
const formBoundary = "golws-formtest-boundary"

const multipartType = "multipart/form-data; boundary=" + formBoundary

// formField is one part of a multipart form: a file if filename is set.
type formField struct{ name, filename, value string }

// multipartBody is a well-formed multipart/form-data body.
func multipartBody(t *testing.T, fields ...formField) []byte {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	if err := w.SetBoundary(formBoundary); err != nil {
		t.Fatal(err)
	}
	for _, f := range fields {
		var pw io.Writer
		var err error
		if f.filename != "" {
			h := textproto.MIMEHeader{}
			h.Set("Content-Disposition", `form-data; name="`+f.name+`"; filename="`+f.filename+`"`)
			h.Set("Content-Type", "application/octet-stream")
			pw, err = w.CreatePart(h)
		} else {
			pw, err = w.CreateFormField(f.name)
		}
		if err == nil {
			_, err = io.WriteString(pw, f.value)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// goOnlyHeaders are the headers only our test server sends: lws's
// "security best practice" headers, which it turns on for its own page
// (C's test server does not, and its page has inline script). Date and
// Server would carry the time and a version; neither server sends them
// here, and they would not be compared if one did.
var goOnlyHeaders = []string{
	"Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options",
	"X-Frame-Options", "X-Xss-Protection", "Date", "Server",
}

// headersThatMatter are an answer's headers less goOnlyHeaders and
// Content-Length, which checkLength checks on its own (an upload's file
// name, and so the length, differs).
func headersThatMatter(h http.Header) http.Header {
	out := h.Clone()
	for _, k := range goOnlyHeaders {
		out.Del(k)
	}
	out.Del("Content-Length")
	return out
}

// checkLength checks that an answer's Content-Length is its body's.
func checkLength(t *testing.T, who string, a formAnswer) {
	t.Helper()
	if got := a.Header.Get("Content-Length"); got != strconv.Itoa(len(a.Body)) {
		t.Errorf("%s: Content-Length %q for a body of %d bytes", who, got, len(a.Body))
	}
}

var (
	// valueRow is one row of the page: name, length, value.
	valueRow = regexp.MustCompile(`<tr><td><b>(\w+)</b></td><td>(\d+)</td><td>(.*?)</td></tr>`)
	// filenameCell is the upload's file name.
	filenameCell = regexp.MustCompile(`<b>filename:</b> (.*?), <b>length</b>`)
)

// asLwsMain rewrites the value cells of a page of lws 4.1.6's POST demo
// as lws main's writes them: 4.1.6 writes a value raw (HTML injection) and
// whole; main escapes <, >, & and " and stops once 250 bytes are out (an
// escape begun before that is finished).
func asLwsMain(page string) string {
	esc := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;", `"`, "&quot;")
	return valueRow.ReplaceAllStringFunc(page, func(row string) string {
		m := valueRow.FindStringSubmatch(row)
		if m[2] == "0" {
			return row // NULL
		}
		var v strings.Builder
		for i := 0; i < len(m[3]) && v.Len() < 250; i++ {
			v.WriteString(esc.Replace(m[3][i : i+1]))
		}
		return "<tr><td><b>" + m[1] + "</b></td><td>" + m[2] + "</td><td>" + v.String() + "</td></tr>"
	})
}

// goUploadName matches the name our server gives an upload.
func (s formServers) goUploadName() *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(s.tmpDir+string(os.PathSeparator)) + `post-file-\d+$`)
}

// compareAnswers checks that ours answered as C did: both closed without
// an answer, or the same status, the same headers that matter, each a
// Content-Length that is its body's, and the same page once C's is
// written as lws main would and the upload's file names are set aside:
// C 4.1.6 shows the client's upload name, ours the name of its file in
// $TMPDIR (lws main shows its file's name too).
func (s formServers) compareAnswers(t *testing.T, g, c formAnswer, upload string) {
	t.Helper()
	if g.Closed || c.Closed {
		if g.Closed != c.Closed {
			t.Errorf("closed without an answer: ours %v, C %v; ours:\n%+v\nC:\n%+v", g.Closed, c.Closed, g, c)
		}
		return
	}
	if g.Status != c.Status {
		t.Errorf("status: ours %d, C %d", g.Status, c.Status)
	}
	checkLength(t, "ours", g)
	checkLength(t, "C", c)
	if gh, ch := headersThatMatter(g.Header), headersThatMatter(c.Header); !sameHeaders(gh, ch) {
		t.Errorf("headers: ours %v, C %v", gh, ch)
	}
	gb, cb := g.Body, asLwsMain(c.Body)
	if upload != "" {
		gb, cb = s.setUploadNameAside(t, gb, cb, upload)
	}
	if gb != cb {
		t.Errorf("pages differ:\nours: %s\nC:    %s", gb, cb)
	}
}

// setUploadNameAside checks each page's upload name and replaces it with
// a placeholder.
func (s formServers) setUploadNameAside(t *testing.T, g, c, upload string) (string, string) {
	t.Helper()
	gm, cm := filenameCell.FindStringSubmatch(g), filenameCell.FindStringSubmatch(c)
	if gm == nil || cm == nil {
		t.Errorf("no file name: ours %q, C %q", g, c)
		return g, c
	}
	if !s.goUploadName().MatchString(gm[1]) {
		t.Errorf("our upload went to %q, not a post-file in $TMPDIR", gm[1])
	}
	if cm[1] != upload {
		t.Errorf("C 4.1.6 shows the upload as %q, not the client's %q", cm[1], upload)
	}
	const aside = "<b>filename:</b> (upload), <b>length</b>"
	return filenameCell.ReplaceAllString(g, aside), filenameCell.ReplaceAllString(c, aside)
}

// sameHeaders compares header sets, names and values.
func sameHeaders(a, b http.Header) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// postBoth sends the same requests to both servers, on one connection
// each, and compares the answers in turn.
func (s formServers) postBoth(t *testing.T, upload string, reqs ...[]byte) (g, c []formAnswer) {
	t.Helper()
	g = exchange(t, s.goSrv.Port, reqs...)
	c = exchange(t, s.cSrv.Port, reqs...)
	if len(g) != len(c) {
		t.Fatalf("ours gave %d answers, C %d", len(g), len(c))
	}
	for i := range g {
		s.compareAnswers(t, g[i], c[i], upload)
	}
	return g, c
}

// The forms of the test page, and other well-formed ones, get the same
// answers from both servers: 200, text/html, the page listing the four
// fields, the upload's length. Each connection stays open for a second
// request, which is answered as the first.
func TestFormtestAgainstC(t *testing.T) {
	s := startFormServers(t)
	cases := []struct {
		name   string
		req    []byte
		upload string // the client's name for the upload, if any
		want   string // in our page
	}{
		{"urlencoded form", urlencoded("text=hello+from+the+test+page&send=Send"), "",
			"<td><b>text</b></td><td>24</td><td>hello from the test page</td>"},
		{"multipart form with a file", formPost(multipartType, multipartBody(t,
			formField{name: "text", value: "hello from the test page"},
			formField{name: "file", filename: "up.txt", value: "file content\r\nline 2\n"},
			formField{name: "upload", value: "Upload"})), "up.txt",
			"<td><b>upload</b></td><td>6</td><td>Upload</td></tr></table><br><b>filename:</b> "},
		{"empty body", urlencoded(""), "",
			"<td><b>text</b></td><td>0</td><td>NULL</td>"},
		{"markup in the values", urlencoded("text=%3Cscript%3Ealert(1)%3C/script%3E&send=a%26b%22c"), "",
			"<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"},
		{"a NUL in a value", urlencoded("text=ab%00cd"), "",
			"<td><b>text</b></td><td>5</td><td>ab</td>"},
		{"a value as long as the storage holds", urlencoded("send=" + strings.Repeat("v", 1022)), "",
			"<td><b>send</b></td><td>1022</td><td>" + strings.Repeat("v", 250) + "</td>"},
		{"a long value in a multipart form", formPost(multipartType, multipartBody(t,
			formField{name: "upload", value: strings.Repeat(`"`, 300)})), "",
			"<td><b>upload</b></td><td>300</td><td>" + strings.Repeat("&quot;", 42) + "</td>"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, _ := s.postBoth(t, tc.upload, tc.req, tc.req)
			if len(g) != 2 || g[0].Closed || g[1].Closed {
				t.Fatalf("not two answers: %+v", g)
			}
			if g[0].Status != http.StatusOK || g[0].Header.Get("Content-Type") != "text/html" {
				t.Errorf("ours: %d %q", g[0].Status, g[0].Header.Get("Content-Type"))
			}
			if !strings.Contains(g[0].Body, tc.want) {
				t.Errorf("our page lacks %q:\n%s", tc.want, g[0].Body)
			}
		})
	}
	// Every upload's file went with its transaction (the second request on
	// each connection was answered after the first's ended).
	if left, _ := os.ReadDir(s.tmpDir); len(left) != 0 {
		t.Errorf("uploads left in $TMPDIR: %v", left)
	}
}
