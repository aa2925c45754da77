package spa

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"testing"
)

// positions returns the offsets to cut a body of n bytes at: all of them
// for a short body, and for a long one the first and last 300 and a
// stride between, which still crosses every kind of byte.
func positions(n int) []int {
	var out []int
	for k := 0; k <= n; k++ {
		if n <= 1200 || k < 300 || k > n-300 || k%37 == 0 {
			out = append(out, k)
		}
	}
	return out
}

// Every case gives the outcome it gives in one piece however its body is
// cut: in two at every byte (and with an empty piece there), and in
// pieces of every size. A failure falls on the same byte, in the piece
// that holds it (run checks that).
func TestEverySplit(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := []byte(c.body)
			check := func(how string, cuts []int) {
				t.Helper()
				o, bad := c.f.run(body, cuts)
				if got := o.String(); got != c.want {
					t.Fatalf("cut %s: got\n%swant\n%s", how, got, c.want)
				}
				for _, b := range bad {
					t.Fatalf("cut %s: %s", how, b)
				}
			}
			for _, k := range positions(len(body)) {
				check("at "+strconv.Itoa(k), []int{k})
				check("twice at "+strconv.Itoa(k), []int{k, k})
			}
			for _, size := range positions(len(body)) {
				if size == 0 {
					continue
				}
				var cuts []int
				for k := size; k < len(body); k += size {
					cuts = append(cuts, k)
				}
				check("every "+strconv.Itoa(size), cuts)
			}
		})
	}
}

// A large upload arrives whole, in chunks of at most the room, whatever
// the pieces it was sent in.
func TestLargeUpload(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	file := make([]byte, 1<<20)
	for i := range file {
		// Plenty of CRs, LFs and dashes: boundary lookalikes everywhere.
		file[i] = "\r\n-XyZab"[rng.IntN(8)]
	}
	body := []byte("--XyZ\r\n" + disp(`name="f"; filename="big.bin"`) + "\r\n")
	body = append(append(body, file...), "\r\n--XyZ--\r\n"...)

	for _, pieceMax := range []int{1, 7, 1000, 65536, len(body)} {
		var got bytes.Buffer
		maxChunk, finals := 0, 0
		cb := func(data any, name, filename string, buf []byte, n int, st FileUploadState) int {
			switch st {
			case UFSContent, UFSFinalContent:
				got.Write(buf[:n])
				maxChunk = max(maxChunk, n)
				if st == UFSFinalContent {
					finals++
				}
			}
			return 0
		}
		s := newSpa("multipart/form-data; boundary=XyZ", &CreateInfo{OptCB: cb})
		for rest := body; len(rest) > 0; {
			n := min(len(rest), 1+rng.IntN(pieceMax))
			if s.Process(rest, n) != 0 {
				t.Fatalf("pieces up to %d: Process failed", pieceMax)
			}
			rest = rest[n:]
		}
		if s.Finalize() != 0 || finals != 1 || !bytes.Equal(got.Bytes(), file) {
			t.Errorf("pieces up to %d: finals %d, got %d bytes, equal %v", pieceMax, finals, got.Len(), bytes.Equal(got.Bytes(), file))
		}
		if maxChunk > DefaultMaxStorage-1 {
			t.Errorf("pieces up to %d: a chunk of %d bytes, room is %d", pieceMax, maxChunk, DefaultMaxStorage-1)
		}
		s.Destroy()
	}
}
