package lwsc_test

import (
	"fmt"

	. "github.com/golws/golws/include-like"
)

// The HTTP response idiom: a buffer with LWS_PRE bytes of headroom, a
// cursor p advanced by each write into it, end one byte before the end.
func ExampleLws_ptr_to() {
	var buf [LWS_PRE + 128]byte
	start := Lws_ptr_to(buf[:], LWS_PRE)
	p, end := start, Lws_ptr_to(buf[:], len(buf)-1)

	for line := 0; Lws_ptr_diff(end, p) > 40; line++ {
		p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p), "%d: some content... ", line))
	}
	p = p.Add(Lws_snprintf(p, Lws_ptr_diff_size_t(end, p), "<br><br>"))

	// Lws_write(wsi, start, Lws_ptr_diff_size_t(p, start), LWS_WRITE_HTTP)
	// would send it.
	fmt.Printf("%d bytes: %s\n", Lws_ptr_diff(p, start), start.Bytes(Lws_ptr_diff(p, start)))
	// Output:
	// 103 bytes: 0: some content... 1: some content... 2: some content... 3: some content... 4: some content... <br><br>
}
