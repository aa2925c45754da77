package spa

// GetLength returns the length of the value of field n, the ordinal of its
// name in the list given at creation (lws_spa_get_length); 0 when the
// field is absent or n is out of range. A field is present only with a
// non-empty value, so GetLength(n) > 0 exactly when lws_spa_get_string
// would not return NULL.
func (s *Spa) GetLength(n int) int {
	if s == nil || n < 0 || n >= len(s.values) {
		return 0
	}
	return len(s.values[n])
}

// GetString returns the value of field n, decoded (lws_spa_get_string); ""
// where lws returns NULL: the field is absent (it never came, or came
// empty) or n is out of range. Lookup tells absent from present. A value
// may hold NUL bytes (a %00 in a urlencoded body), where C's strlen would
// stop; GetLength counts them.
func (s *Spa) GetString(n int) string {
	v, _ := s.Lookup(n)
	return v
}

// Lookup returns the value of field n and whether it is present, the test
// a C caller makes with lws_spa_get_string(spa, n) != NULL.
func (s *Spa) Lookup(n int) (value string, ok bool) {
	if s == nil || n < 0 || n >= len(s.values) || !s.present[n] {
		return "", false
	}
	return s.values[n], true
}
