package ring

// NextLinearInsertRange returns the free slots that follow the head
// without wrapping, for filling in place (lws_ring_next_linear_insert_range,
// used e.g. to read() straight into a byte ring). Publish what you filled
// with BumpHead. The result is empty (nil) when nothing can be inserted;
// C returns nonzero then.
//
// The range stops at the end of the storage even when more room waits at
// the start, so a caller wanting everything calls it again after
// BumpHead. Its capacity is cut to its length, so append cannot reach
// slots beyond it.
func (r *Ring[T]) NextLinearInsertRange() []T {
	n := r.GetCountFreeElements()
	if n == 0 {
		return nil
	}
	h := int(r.head)
	end := min(h+n, len(r.buf))
	return r.buf[h:end:end]
}

// BumpHead moves the head on by n elements after they were written in
// place (lws_ring_bump_head; C counts bytes, here it is elements). Like
// C, it does not check n against the free space: bumping past the oldest
// tail corrupts the ring. A negative n panics.
func (r *Ring[T]) BumpHead(n int) {
	if n < 0 {
		panic("ring: BumpHead with negative count")
	}
	r.head = r.next(r.head, n%len(r.buf))
}
