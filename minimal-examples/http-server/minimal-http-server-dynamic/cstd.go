package main

import (
	"strconv"
	"time"
)

// The few C library calls the callback makes.

// atoi is C's atoi: the number its leading digits spell, 0 if none.
func atoi(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, _ := strconv.Atoi(s[:i])
	return n
}

// afterFirst is C's (char *)in + 1: in without its first byte ("/3" is
// "3"). C would read past the end of an empty in; here it is "".
func afterFirst(in string) string {
	if in == "" {
		return ""
	}
	return in[1:]
}

// ctime is ctime_r's text for t: "Sat Nov 28 04:22:02 2026\n".
func ctime(t time.Time) string { return t.Format(time.ANSIC) + "\n" }
