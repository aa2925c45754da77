package ring

import "testing"

// FuzzRing decodes the input as a ring set-up followed by operations
// (see runBytes and harness.run) and checks each step against the model.
func FuzzRing(f *testing.F) {
	f.Add([]byte{7, 2, 0, 9, 0, 9, 1, 0, 9, 2, 0, 2, 3, 1, 6, 0, 2, 7, 1, 1, 8, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 3*500 {
			data = data[:3*500]
		}
		runBytes(t, data)
	})
}
