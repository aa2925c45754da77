package spa

import (
	"math/rand/v2"
	"testing"
)

// fuzzForms are the parsers FuzzSpa picks from.
var fuzzForms = []form{
	{names: fields, files: true},
	{ct: "multipart/form-data; boundary=XyZ", names: fields, files: true},
	{ct: "multipart/form-data; boundary=XyZ", names: fields},
	{ct: `multipart/form-data; boundary="a b"`, names: []string{"f", "text1"}, files: true},
	{ct: "multipart/form-data", names: fields, files: true},
}

// FuzzSpa: no body makes the parser panic or break its invariants, and
// any cutting of a body gives the outcome of the body in one piece.
func FuzzSpa(f *testing.F) {
	for i, c := range cases {
		f.Add([]byte(c.body), uint8(i), uint16(c.f.storage), uint64(i))
	}
	f.Fuzz(func(t *testing.T, body []byte, kind uint8, storage uint16, seed uint64) {
		fm := fuzzForms[int(kind)%len(fuzzForms)]
		fm.storage = int(storage % 2048)
		if kind >= 128 {
			fm.fail = int(kind%4) + 1
		}
		whole, bad := fm.run(body, nil)
		for _, b := range bad {
			t.Fatal(b)
		}
		rng := rand.New(rand.NewPCG(seed, uint64(len(body))))
		var cuts []int
		for k := 0; k <= len(body); k += rng.IntN(8) {
			cuts = append(cuts, k)
			if len(cuts) > 4096 {
				break
			}
		}
		split, bad := fm.run(body, cuts)
		for _, b := range bad {
			t.Fatal(b)
		}
		if whole.String() != split.String() {
			t.Fatalf("cut at %v:\n%s\nin one piece:\n%s", cuts, split, whole)
		}
	})
}
