package lws

// URLDecode decodes escaped into buf, %XX as the byte and '+' as a space,
// and writes a NUL after it (lws_urldecode). Like lws it reads escaped as
// a C string, up to a NUL if there is one, and stops after n bytes of
// output; an escape cut short by the end of the input is dropped. It
// returns 0, or -1 on a '%' not followed by two hex digits: buf then holds
// what was decoded before it, with no NUL after.
//
// lws writes n bytes and then the NUL, n+1 in all; golws never writes past
// len(buf), so it decodes at most len(buf)-1 bytes whatever n says, and
// returns -1 for a buf with no room even for the NUL.
func URLDecode(buf []byte, escaped string, n int) int {
	if n < 0 || n > len(buf)-1 {
		n = len(buf) - 1
	}
	if n < 0 {
		return -1
	}
	o, state, sum := 0, 0, 0
	for i := 0; i < len(escaped) && escaped[i] != 0 && n > 0; i++ {
		c := escaped[i]
		switch state {
		case 0:
			switch c {
			case '%':
				state = 1
				continue
			case '+':
				c = ' '
			}
			buf[o] = c
			o++
			n--
		case 1:
			if unhex(c) < 0 {
				return -1
			}
			sum, state = unhex(c)<<4, 2
		case 2:
			if unhex(c) < 0 {
				return -1
			}
			buf[o] = byte(sum | unhex(c))
			o++
			n--
			state = 0
		}
	}
	buf[o] = 0
	return 0
}
