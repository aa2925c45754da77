package mount

import "strconv"

// Cache is a mount's caching policy, lws_http_mount's cache_* fields.
type Cache struct {
	MaxAge         int  // cache_max_age: seconds a cached copy stays fresh
	Reusable       bool // cache_reusable: a client may reuse its copy
	Revalidate     bool // cache_revalidate: ... after asking whether it is current
	Intermediaries bool // cache_intermediaries: shared caches may keep it too
	No             bool // cache_no: a client must check before every use
}

// control is the cache-control value lws gives the mount's files: no-cache
// with No, the age when the copy is reusable and has one, else no-store.
func (c Cache) control() string {
	switch {
	case c.No:
		return "no-cache"
	case c.MaxAge == 0 || !c.Reusable:
		return "no-store"
	}
	who := "private"
	if c.Intermediaries {
		who = "public"
	}
	// lws prints the int with %u: a negative age reads as its unsigned
	// 32-bit value there, and here.
	v := who + ", max-age=" + strconv.FormatUint(uint64(uint32(c.MaxAge)), 10)
	if c.Revalidate {
		v = "must-revalidate, " + v
	}
	return v
}
