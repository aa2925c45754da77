package lwsc

import (
	"go/ast"
	"go/build"
	"go/doc"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestEveryExportedNameDocumented fails, listing them, when an exported
// type, function, method, constant or variable of golws's public packages
// has no doc comment: a port looks names up with go doc, and a name without
// one says nothing about its C counterpart. A constant or variable inside a
// documented group counts as documented; struct fields are not checked.
func TestEveryExportedNameDocumented(t *testing.T) {
	pkgs := []struct{ dir, label string }{
		{"../lws", "lws"},
		{"../lws/threadpool", "lws/threadpool"},
		{".", "include-like"},
		{"../lws/service", "lws/service"},
		{"../lws/spa", "lws/spa"},
	}
	var missing []string
	for _, p := range pkgs {
		for _, name := range undocumented(t, p.dir) {
			missing = append(missing, p.label+": "+name)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d exported names have no doc comment:\n\t%s",
			len(missing), strings.Join(missing, "\n\t"))
	}
}

// undocumented returns the exported names of the package in dir that have
// no doc comment, sorted. Files are chosen as the go command would, once
// without and once with the race tag, so that both variants of a file
// pair like owner_race.go / owner_norace.go are checked.
func undocumented(t *testing.T, dir string) []string {
	t.Helper()
	seen := map[string]bool{}
	for _, tags := range [][]string{nil, {"race"}} {
		bctx := build.Default
		bctx.BuildTags = tags
		bp, err := bctx.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		fset := token.NewFileSet()
		var files []*ast.File
		for _, name := range bp.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		p, err := doc.NewFromFiles(fset, files, bp.ImportPath)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, name := range missingIn(p) {
			seen[name] = true
		}
	}
	var out []string
	for name := range seen {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// missingIn lists the undocumented exported names of one package's docs.
func missingIn(p *doc.Package) []string {
	var out []string
	values := func(prefix string, vs []*doc.Value) {
		for _, v := range vs {
			if strings.TrimSpace(v.Doc) != "" {
				continue // a documented group documents every name in it
			}
			for _, s := range v.Decl.Specs {
				vs := s.(*ast.ValueSpec)
				if vs.Doc != nil && strings.TrimSpace(vs.Doc.Text()) != "" {
					continue
				}
				for _, n := range vs.Names {
					if n.IsExported() {
						out = append(out, prefix+n.Name)
					}
				}
			}
		}
	}
	funcs := func(prefix string, fs []*doc.Func) {
		for _, f := range fs {
			if strings.TrimSpace(f.Doc) == "" {
				out = append(out, prefix+f.Name)
			}
		}
	}
	values("", p.Consts)
	values("", p.Vars)
	funcs("", p.Funcs)
	for _, typ := range p.Types {
		if strings.TrimSpace(typ.Doc) == "" {
			out = append(out, typ.Name)
		}
		values("", typ.Consts)
		values("", typ.Vars)
		funcs("", typ.Funcs)
		funcs(typ.Name+".", typ.Methods)
	}
	return out
}
