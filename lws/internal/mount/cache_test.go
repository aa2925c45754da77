package mount

import "testing"

// lws's cache-control for each combination of a mount's cache_* fields.
func TestCacheControl(t *testing.T) {
	for _, c := range []struct {
		c    Cache
		want string
	}{
		{Cache{}, "no-store"},
		{Cache{MaxAge: 60}, "no-store"},
		{Cache{Reusable: true}, "no-store"},
		{Cache{MaxAge: 60, Reusable: true}, "private, max-age=60"},
		{Cache{MaxAge: 60, Reusable: true, Intermediaries: true}, "public, max-age=60"},
		{Cache{MaxAge: 60, Reusable: true, Revalidate: true}, "must-revalidate, private, max-age=60"},
		{Cache{MaxAge: 60, Reusable: true, Revalidate: true, Intermediaries: true}, "must-revalidate, public, max-age=60"},
		{Cache{No: true}, "no-cache"},
		{Cache{MaxAge: 60, Reusable: true, No: true}, "no-cache"},
		{Cache{MaxAge: -1, Reusable: true}, "private, max-age=4294967295"}, // lws's %u
	} {
		if got := c.c.control(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.c, got, c.want)
		}
	}
}
