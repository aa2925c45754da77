package spa

import (
	"strings"
	"testing"
)

// spaCase is one body and everything its parse must show. The table
// feeds the table test, the every-split tests and the fuzz corpus. Cases
// marked "lws:" were run through lws main's lws-spa.c with the same
// arguments and gave the same outcome; "lws differs:" marks a deviation
// (see the package doc).
type spaCase struct {
	name string
	f    form
	body string
	want string // outcome.String()
}

var (
	fields   = []string{"text1", "send"}
	urlForm  = form{names: fields, storage: 1024}
	mpForm   = form{ct: "multipart/form-data; boundary=XyZ", names: fields, storage: 1024, files: true}
	mpNoCB   = form{ct: "multipart/form-data; boundary=XyZ", names: fields, storage: 1024}
	repeatA  = func(n int) string { return strings.Repeat("a", n) }
	lines    = func(l ...string) string { return strings.Join(l, "\n") + "\n" }
	disp     = func(params string) string { return "Content-Disposition: form-data; " + params + "\r\n" }
	part     = func(params, data string) string { return "--XyZ\r\n" + disp(params) + "\r\n" + data + "\r\n" }
	closing  = "--XyZ--\r\n"
	with     = func(f form, edit func(*form)) form { edit(&f); return f }
	storage  = func(n int) func(*form) { return func(f *form) { f.storage = n } }
	failCall = func(n int) func(*form) { return func(f *form) { f.fail = n } }
)

var cases = []spaCase{
	// urlencoded
	{"form-post", urlForm, "text1=hello+world%21&send=Send",
		lines("FINALIZE 0", `V 0 12 "hello world!"`, `V 1 4 "Send"`)}, // lws: same
	{"equals sign in a value", urlForm, "text1=a=b&send=x",
		lines("FINALIZE 0", `V 0 3 "a=b"`, `V 1 1 "x"`)}, // lws: same
	{"empty value is absent", urlForm, "text1=&send=1",
		lines("FINALIZE 0", "V 0 NULL", `V 1 1 "1"`)}, // lws: same
	{"field not asked for", urlForm, "other=zzz&text1=v",
		lines("FINALIZE 0", `V 0 1 "v"`, "V 1 NULL")}, // lws: same
	{"name without value", urlForm, "text1&send=1",
		lines("FINALIZE 0", "V 0 NULL", `V 1 1 "1"`)}, // lws differs: text1 = 5 garbage bytes, send lost
	{"empty pairs", urlForm, "&&text1=v&&",
		lines("FINALIZE 0", `V 0 1 "v"`, "V 1 NULL")}, // lws: same
	{"twice keeps the first", urlForm, "text1=1&text1=22",
		lines("FINALIZE 0", `V 0 1 "1"`, "V 1 NULL")}, // lws differs: length 3
	{"escape cut by the end", urlForm, "send=x&text1=ab%4",
		lines("FINALIZE -1", "V 0 NULL", `V 1 1 "x"`)}, // lws: same values, returns 0
	{"bad escape", urlForm, "text1=ab%zz", lines("FAIL at byte 10")}, // lws: same
	{"name of 31 bytes", form{names: []string{repeatA(31)}}, repeatA(31) + "=1",
		lines("FINALIZE 0", `V 0 1 "1"`)}, // lws: same
	{"name of 32 bytes", urlForm, repeatA(32) + "=1", lines("FAIL at byte 32")}, // lws: same
	{"names are decoded", form{names: []string{"my field", "abc"}}, "my+field=1&a%62c=2",
		lines("FINALIZE 0", `V 0 1 "1"`, `V 1 1 "2"`)}, // lws differs: compares raw names
	{"NUL and UTF-8 in a value", urlForm, "text1=a%00b&send=%e2%82%ac",
		lines("FINALIZE 0", `V 0 3 "a\x00b"`, `V 1 3 "€"`)}, // lws: same (a C caller's strlen stops at the NUL)
	{"other content types read as urlencoded", with(urlForm, func(f *form) { f.ct = "text/plain" }), "text1=v",
		lines("FINALIZE 0", `V 0 1 "v"`, "V 1 NULL")}, // lws: same
	{"multipart/mixed read as urlencoded", with(urlForm, func(f *form) { f.ct = "multipart/mixed; boundary=XyZ" }), "text1=v",
		lines("FINALIZE 0", `V 0 1 "v"`, "V 1 NULL")}, // lws: same
	{"empty body", urlForm, "", lines("FINALIZE 0", "V 0 NULL", "V 1 NULL")}, // lws: same
	{"close with the last name", with(urlForm, func(f *form) { f.files = true }), "text1=1&send=2",
		lines(`CB LWS_UFS_CLOSE "send" "" 0 -`, "FINALIZE 0", `V 0 1 "1"`, `V 1 1 "2"`)}, // lws: same

	// storage
	{"1022 bytes of 1024", urlForm, "text1=" + repeatA(1022),
		lines("FINALIZE 0", `V 0 1022 "`+repeatA(1022)+`"`, "V 1 NULL")}, // lws: same
	{"1023 bytes at the end", urlForm, "text1=" + repeatA(1023),
		lines("FINALIZE -1", "V 0 NULL", "V 1 NULL")}, // lws differs: text1 unterminated
	{"1023 bytes, then more", urlForm, "text1=" + repeatA(1023) + "&", lines("FAIL at byte 1030")}, // lws: same
	{"1024 bytes", urlForm, "text1=" + repeatA(1024), lines("FAIL at byte 1030")},                  // lws: same
	{"two values share the storage", with(urlForm, storage(16)), "text1=aaaaaa&send=bbbbbbb",
		lines("FINALIZE 0", `V 0 6 "aaaaaa"`, `V 1 7 "bbbbbbb"`)}, // lws: same
	{"the second no longer fits", with(urlForm, storage(16)), "text1=aaaaaa&send=bbbbbbbb",
		lines("FINALIZE -1", `V 0 6 "aaaaaa"`, "V 1 NULL")}, // lws differs: send present, unterminated
	{"a second copy is charged", with(urlForm, storage(16)), "text1=aaaaaa&text1=bbbbbbb&send=c",
		lines("FINALIZE -1", `V 0 6 "aaaaaa"`, "V 1 NULL")}, // lws differs: length 13
	{"default storage 510", with(urlForm, storage(0)), "text1=" + repeatA(510),
		lines("FINALIZE 0", `V 0 510 "`+repeatA(510)+`"`, "V 1 NULL")}, // lws: same
	{"default storage 511", with(urlForm, storage(0)), "send=x&text1=" + repeatA(509) + "&",
		lines("FAIL at byte 523")}, // lws: same
	{"fields not asked for are unbounded", with(urlForm, storage(16)), "other=" + repeatA(5000) + "&text1=v",
		lines("FINALIZE 0", `V 0 1 "v"`, "V 1 NULL")}, // lws: same
	{"storage 1: nothing fits", with(urlForm, storage(1)), "text1=a&send=",
		lines("FAIL at byte 8")}, // lws differs: cuts the name short, fails nothing, keeps nothing

	// multipart
	{"form with a file", mpForm, "pre\r\n" + part(`name="text1"`, "hello") +
		"--XyZ\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfile\r\ndata\r\n" +
		part(`name="send"`, "Send") + closing + "epilogue",
		lines(`CB LWS_UFS_OPEN "file" "a.txt" 0 -`, `CB LWS_UFS_FINAL_CONTENT "file" "a.txt" 10 "file\r\ndata"`,
			`CB LWS_UFS_CLOSE "" "" 0 -`, "FINALIZE 0", `V 0 5 "hello"`, `V 1 4 "Send"`)}, // lws: same
	{"file chunks fill the room", with(mpForm, storage(8)), part(`name="f"; filename="a.txt"`, "0123456789abcdefghij") + closing,
		lines(`CB LWS_UFS_OPEN "f" "a.txt" 0 -`, `CB LWS_UFS_CONTENT "f" "a.txt" 7 "0123456"`,
			`CB LWS_UFS_CONTENT "f" "a.txt" 7 "789abcd"`, `CB LWS_UFS_CONTENT "f" "a.txt" 6 "efghij"`,
			`CB LWS_UFS_FINAL_CONTENT "f" "a.txt" 0 ""`, `CB LWS_UFS_CLOSE "" "" 0 -`,
			"FINALIZE 0", "V 0 NULL", "V 1 NULL")}, // lws: same
	{"values shrink the room", with(mpForm, storage(12)), part(`name="text1"`, "abc") + part(`name="f"; filename="b"`, "0123456789") + closing,
		lines(`CB LWS_UFS_OPEN "f" "b" 0 -`, `CB LWS_UFS_CONTENT "f" "b" 7 "0123456"`, `CB LWS_UFS_CONTENT "f" "b" 3 "789"`,
			`CB LWS_UFS_FINAL_CONTENT "f" "b" 0 ""`,
			`CB LWS_UFS_CLOSE "" "" 0 -`, "FINALIZE 0", `V 0 3 "abc"`, "V 1 NULL")}, // lws: same
	{"files skipped without a callback", mpNoCB, part(`name="f"; filename="a.txt"`, "data") + part(`name="send"`, "S") + closing,
		lines("FINALIZE 0", "V 0 NULL", `V 1 1 "S"`)}, // lws: same
	{"empty filename makes a field", mpForm, part(`name="text1"; filename=""`, "v") + closing,
		lines(`CB LWS_UFS_CLOSE "" "" 0 -`, "FINALIZE 0", `V 0 1 "v"`, "V 1 NULL")}, // lws: same
	{"a file named like a field", mpForm, part(`name="text1"; filename="t"`, "v") + closing,
		lines(`CB LWS_UFS_OPEN "text1" "t" 0 -`, `CB LWS_UFS_FINAL_CONTENT "text1" "t" 1 "v"`,
			`CB LWS_UFS_CLOSE "" "" 0 -`, "FINALIZE 0", "V 0 NULL", "V 1 NULL")}, // lws: same
	{"body ends inside a file", mpForm, part(`name="f"; filename="a"`, "abc")[:len(part(`name="f"; filename="a"`, "abc"))-2],
		lines(`CB LWS_UFS_OPEN "f" "a" 0 -`, `CB LWS_UFS_CLOSE "f" "a" 0 -`, "FINALIZE -1", "V 0 NULL", "V 1 NULL")}, // lws: same, returns 0
	{"quoted boundary", with(mpForm, func(f *form) { f.ct = `multipart/form-data; boundary="a b"` }),
		"--a b\r\n" + disp(`name="text1"`) + "\r\nv\r\n--a b--",
		lines(`CB LWS_UFS_CLOSE "" "" 0 -`, "FINALIZE 0", `V 0 1 "v"`, "V 1 NULL")}, // lws: same
	{"multipart/related", with(mpNoCB, func(f *form) { f.ct = "multipart/related; boundary=XyZ; type=\"text/plain\"" }),
		part(`name="text1"`, "v") + closing, lines("FINALIZE 0", `V 0 1 "v"`, "V 1 NULL")}, // lws: same
	{"media type in capitals", with(mpNoCB, func(f *form) { f.ct = "Multipart/Form-Data; boundary=XyZ" }),
		part(`name="text1"`, "v") + closing, lines("FINALIZE 0", `V 0 1 "v"`, "V 1 NULL")}, // lws differs: fails
	{"header spelling", mpNoCB, "--XyZ\r\nCONTENT-DISPOSITION :form-data;name=text1\r\n\r\nv\r\n" + closing,
		lines("FINALIZE 0", `V 0 1 "v"`, "V 1 NULL")}, // lws differs: part ignored
	{"quoted semicolon, UTF-8 and RFC 2231 filenames", mpForm,
		part(`name="f"; filename="a;b.txt"`, "1") + part(`name="g"; filename="häß.txt"`, "2") +
			part(`name="h"; filename*=UTF-8''%E2%82%AC.txt`, "3") + closing,
		lines(`CB LWS_UFS_OPEN "f" "a;b.txt" 0 -`, `CB LWS_UFS_FINAL_CONTENT "f" "a;b.txt" 1 "1"`,
			`CB LWS_UFS_OPEN "g" "häß.txt" 0 -`, `CB LWS_UFS_FINAL_CONTENT "g" "häß.txt" 1 "2"`,
			`CB LWS_UFS_OPEN "h" "€.txt" 0 -`, `CB LWS_UFS_FINAL_CONTENT "h" "€.txt" 1 "3"`,
			`CB LWS_UFS_CLOSE "" "" 0 -`, "FINALIZE 0", "V 0 NULL", "V 1 NULL")}, // lws differs: filename "a", and h is no file
	{"Content-Disposition that does not parse", mpNoCB, "--XyZ\r\n" + disp(`name=a b`) + "\r\nv\r\n" + part(`name="send"`, "S") + closing,
		lines("FINALIZE 0", "V 0 NULL", `V 1 1 "S"`)}, // lws: same
	{"two Content-Dispositions", mpNoCB, "--XyZ\r\n" + disp(`name="text1"`) + disp(`name="send"`) + "\r\nv\r\n" + closing,
		lines("FAIL at byte 97")}, // lws differs: merges them
	{"header line too long", mpNoCB, "--XyZ\r\nX-Long: " + repeatA(5000) + "\r\n\r\nv\r\n" + closing,
		lines("FAIL at byte 4104")}, // lws differs: skips it
	{"no boundary", with(mpNoCB, func(f *form) { f.ct = "multipart/form-data" }), part(`name="text1"`, "v") + closing,
		lines("FAIL at byte 0")}, // lws differs: keeps nothing, silently
	{"content type that does not parse", with(mpNoCB, func(f *form) { f.ct = "multipart/form-data; boundary" }), "x",
		lines("FAIL at byte 0")}, // lws differs: keeps nothing, silently
	{"boundary lookalikes are data", mpNoCB, part(`name="text1"`, "a\r\n--XyQ\r\n--Xy\r\n-\r") + closing,
		lines("FINALIZE 0", `V 0 18 "a\r\n--XyQ\r\n--Xy\r\n-\r"`, "V 1 NULL")}, // lws: same
	{"a boundary needs no line end", mpNoCB, part(`name="text1"`, "a") + "--XyZjunk\r\n" + disp(`name="send"`) + "\r\nS\r\n" + closing,
		lines("FINALIZE 0", `V 0 1 "a"`, `V 1 1 "S"`)}, // lws: same
	{"preamble, padding and epilogue", mpNoCB, "x\r\r\n--XyZ  \r\nX-A--B: 1\r\n" + disp(`name="text1"`) + "\r\nv\r\n--XyZ--\r\n" + part(`name="send"`, "late"),
		lines("FINALIZE 0", `V 0 1 "v"`, "V 1 NULL")}, // lws differs: misses the first boundary after CR CR
	{"bare LF headers", mpNoCB, "--XyZ\r\nContent-Disposition: form-data; name=\"text1\"\n\nv\r\n" + closing,
		lines("FINALIZE 0", `V 0 1 "v"`, "V 1 NULL")}, // lws differs: part ignored
	{"value fits only with the boundary begun", with(mpNoCB, storage(8)), part(`name="text1"`, "abcdef") + closing,
		lines("FINALIZE 0", `V 0 6 "abcdef"`, "V 1 NULL")}, // lws: same (stored early)
	{"stored early, then no boundary after all", with(mpNoCB, storage(8)), part(`name="text1"`, "abcdef\r\nX") + closing,
		lines("FAIL at byte 64")}, // lws: same
	{"value past the room", with(mpNoCB, storage(8)), part(`name="text1"`, "abcdefg") + closing,
		lines("FAIL at byte 63")}, // lws: same
	{"no room at all: a boundary lookalike fails", with(mpNoCB, storage(1)), part(`name="zz"`, "a\r\nb") + closing,
		lines("FAIL at byte 56")}, // lws: same
	{"a room of one byte is enough", with(mpNoCB, storage(2)), part(`name="zz"`, "a\r\nb") + closing,
		lines("FINALIZE 0", "V 0 NULL", "V 1 NULL")}, // lws: same
	{"preamble with no room", with(mpNoCB, storage(1)), "pre\r\n" + part(`name="zz"`, "v") + closing,
		lines("FINALIZE 0", "V 0 NULL", "V 1 NULL")}, // lws: same
	{"a lookalike in the preamble with no room", with(mpNoCB, storage(1)), "pre\r\n--Xa\r\n" + part(`name="zz"`, "v") + closing,
		lines("FAIL at byte 9")}, // lws: same
	{"callback fails at open", with(mpForm, failCall(1)), part(`name="f"; filename="a"`, "abc") + part(`name="text1"`, "T") + closing,
		lines(`CB LWS_UFS_OPEN "f" "a" 0 -`, "CBFAIL", `CB LWS_UFS_CLOSE "f" "a" 0 -`, "FAIL at byte 62")}, // lws: same
	{"callback fails at the last chunk", with(mpForm, failCall(2)), part(`name="f"; filename="a"`, "abc") + closing,
		lines(`CB LWS_UFS_OPEN "f" "a" 0 -`, `CB LWS_UFS_FINAL_CONTENT "f" "a" 3 "abc"`, "CBFAIL",
			`CB LWS_UFS_CLOSE "f" "a" 0 -`, "FAIL at byte 75")}, // lws: same
	{"callback fails at close", with(mpForm, failCall(1)), part(`name="text1"`, "T") + closing,
		lines(`CB LWS_UFS_CLOSE "" "" 0 -`, "CBFAIL", "FINALIZE -1", `V 0 1 "T"`, "V 1 NULL")}, // lws: same, returns 0
	{"positive returns are success", with(mpForm, func(f *form) { f.positive = true }), part(`name="f"; filename="a"`, "abc") + closing,
		lines(`CB LWS_UFS_OPEN "f" "a" 0 -`, `CB LWS_UFS_FINAL_CONTENT "f" "a" 3 "abc"`, `CB LWS_UFS_CLOSE "" "" 0 -`,
			"FINALIZE 0", "V 0 NULL", "V 1 NULL")}, // lws: same
	{"empty multipart body", mpForm, "", lines(`CB LWS_UFS_CLOSE "" "" 0 -`, "FINALIZE -1", "V 0 NULL", "V 1 NULL")}, // lws: same, returns 0
}

// Every case, in one piece, gives its outcome.
func TestCases(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, bad := c.f.run([]byte(c.body), nil)
			if got := o.String(); got != c.want {
				t.Errorf("got\n%swant\n%s", got, c.want)
			}
			for _, b := range bad {
				t.Error(b)
			}
		})
	}
}
