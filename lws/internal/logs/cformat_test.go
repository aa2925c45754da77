package logs

import (
	"fmt"
	"strconv"
	"testing"
)

func TestToGoFormat(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Unchanged: Go and C formats that fmt already understands.
		{"", ""},
		{"plain", "plain"},
		{"%d %s %x %X %o %c %p %f %e %g %%", "%d %s %x %X %o %c %p %f %e %g %%"},
		{"%v %+v %#v %T %t %q %U %b", "%v %+v %#v %T %t %q %U %b"},
		{"%-5d|%05d|%.3s|%*d|%.*s|%[2]d %[1]s", "%-5d|%05d|%.3s|%*d|%.*s|%[2]d %[1]s"},
		{"%t\n%q.", "%t\n%q."}, // Go verbs followed by text, not modifiers
		{"100%", "100%"},
		{"%l", "%l"},
		// Rewritten.
		{"%u", "%d"},
		{"%i", "%d"},
		{"%lu %ld %lx %lld %llu %llx", "%d %d %x %d %d %x"},
		{"%zu %zd %zx %jd %td %hd %hhu %hhx %qd %Zd", "%d %d %x %d %d %d %d %x %d %d"},
		{"%lf %Lf %Lg %lc %ls", "%f %f %g %c %s"},
		{"%-8lu|%08llx|%'d|%.3zu", "%-8d|%08x|%d|%.3d"},
		{"%s: fd %d, len %zu\n", "%s: fd %d, len %d\n"},
		{"a%%u", "a%%u"}, // %% is a literal, u is text
		{"%5%u", "%5%u"}, // "%5%" is one directive, then text
		{"%'", "%"},
	} {
		if got := toGoFormat(tc.in); got != tc.want {
			t.Errorf("toGoFormat(%q) = %q, want %q", tc.in, got, tc.want)
		}
		// A second call goes through the cache and must agree.
		if got := toGoFormat(tc.in); got != tc.want {
			t.Errorf("cached toGoFormat(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestToGoFormatAllocs(t *testing.T) {
	toGoFormat("cached %lu")
	for _, f := range []string{"no verbs", "go %d %s", "cached %lu"} {
		if n := testing.AllocsPerRun(100, func() { toGoFormat(f) }); n != 0 {
			t.Errorf("toGoFormat(%q): %v allocs", f, n)
		}
	}
}

func TestToGoFormatCacheBounded(t *testing.T) {
	// Start empty and put the old cache back afterwards, so the test
	// holds with -count=N and does not affect other tests.
	saved := fmtCache.Swap(nil)
	defer fmtCache.Store(saved)
	for i := range 2 * cacheMax {
		f := "dyn " + strconv.Itoa(i) + " %lu"
		if got, want := toGoFormat(f), "dyn "+strconv.Itoa(i)+" %d"; got != want {
			t.Fatalf("got %q want %q", got, want)
		}
	}
	if n := len(*fmtCache.Load()); n != cacheMax {
		t.Fatalf("cache holds %d entries, want %d", n, cacheMax)
	}
	// Full cache: formats are still rewritten, and the ones cached
	// earlier are still found.
	if got := toGoFormat("late %zu"); got != "late %d" {
		t.Fatalf("got %q", got)
	}
	if got := toGoFormat("dyn 0 %lu"); got != "dyn 0 %d" {
		t.Fatalf("got %q", got)
	}
}

// FuzzToGoFormat checks that rewriting never panics and that formats
// without a '%' come back unchanged.
func FuzzToGoFormat(f *testing.F) {
	for _, s := range []string{"%lu", "%", "%[", "%[1", "%.", "%.*", "%'", "%hh", "%ll", "%5.2Lf", "a%%b%zu"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := rewrite(s)
		if firstRewrite(s) < 0 && g != s {
			t.Fatalf("rewrite(%q) = %q without need", s, g)
		}
		_ = fmt.Sprintf(toGoFormat(s), 1, "x")
	})
}
