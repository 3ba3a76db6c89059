package batch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeTree creates files (path → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// rel makes paths relative to dir with forward slashes, for comparison.
func rel(t *testing.T, dir string, paths []string) []string {
	t.Helper()
	var out []string
	for _, p := range paths {
		r, err := filepath.Rel(dir, p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.txt":                 "a",
		"b.pdf":                 "b",
		".hidden.txt":           "h",
		"~$report.docx":         "owner",
		".~lock.report.docx#":   "lock",
		"download.tmp":          "tmp",
		"notes.txt~":            "backup",
		"Thumbs.db":             "sys",
		"sub/c.html":            "c",
		"sub/deeper/d.txt":      "d",
		".git/objects/x":        "git",
		"out/index.jsonl":       "own output",
		"out.xlsx.parts/p.json": "own part",
		"glob/e1.txt":           "e1",
		"glob/e2.txt":           "e2",
		"glob/~$e3.txt":         "owner",
	})
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub", "link-to-a.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	j := func(p string) string { return filepath.Join(dir, p) }

	tests := []struct {
		name    string
		args    []string
		exclude []string
		files   []string
		skipped []string
		missing []string
	}{
		{
			name:    "folder walked, hidden and temp skipped, own output excluded",
			args:    []string{dir},
			exclude: []string{j("out"), j("out.xlsx.parts"), escapeMeta(j("set")) + ".*.csv"},
			files:   []string{"a.txt", "b.pdf", "glob/e1.txt", "glob/e2.txt", "sub/c.html", "sub/deeper/d.txt", "sub/link-to-a.txt"},
			skipped: []string{".git", ".hidden.txt", ".~lock.report.docx#", "Thumbs.db", "download.tmp", "glob/~$e3.txt", "notes.txt~", "sub/loop", "~$report.docx"},
		},
		{
			name:  "explicit hidden file is taken",
			args:  []string{j(".hidden.txt"), j("a.txt")},
			files: []string{".hidden.txt", "a.txt"},
		},
		{
			name:    "glob skips temp matches",
			args:    []string{j("glob/*.txt")},
			files:   []string{"glob/e1.txt", "glob/e2.txt"},
			skipped: []string{"glob/~$e3.txt"},
		},
		{
			name:  "same file twice is listed once",
			args:  []string{j("a.txt"), dir + "/./a.txt", dir + "/sub/../a.txt"},
			files: []string{"a.txt"},
		},
		{
			name:    "missing path and empty glob reported",
			args:    []string{j("nope.pdf"), j("glob/*.pdf"), j("b.pdf")},
			files:   []string{"b.pdf"},
			missing: []string{"glob/*.pdf", "nope.pdf"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Collect(tc.args, tc.exclude)
			if got := rel(t, dir, in.Files); !slices.Equal(got, tc.files) {
				t.Errorf("files\n got %q\nwant %q", got, tc.files)
			}
			var sk []string
			for _, s := range in.Skipped {
				sk = append(sk, s.Path)
			}
			sk = rel(t, dir, sk)
			slices.Sort(sk)
			if !slices.Equal(sk, tc.skipped) {
				t.Errorf("skipped\n got %q\nwant %q", sk, tc.skipped)
			}
			var ms []string
			for _, m := range in.Missing {
				ms = append(ms, m.Path)
			}
			ms = rel(t, dir, ms)
			slices.Sort(ms)
			if !slices.Equal(ms, tc.missing) {
				t.Errorf("missing\n got %q\nwant %q", ms, tc.missing)
			}
		})
	}
}

func TestSkipReason(t *testing.T) {
	tests := []struct {
		name string
		skip bool
	}{
		{"预算.pdf", false},
		{"report.docx", false},
		{"~$预算.xlsx", true},
		{".~lock.预算.xlsx#", true},
		{".DS_Store", true},
		{"x.tmp", true},
		{"X.TMP", true},
		{"x.pdf.crdownload", true},
		{"x.pdf.part", true},
		{"x.txt~", true},
		{"desktop.ini", true},
		{"tmp.pdf", false},
	}
	for _, tc := range tests {
		if got := skipReason(tc.name) != ""; got != tc.skip {
			t.Errorf("skipReason(%q) skips = %v, want %v", tc.name, got, tc.skip)
		}
	}
}

func TestProbeAndDedup(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.txt":      "一、部门职责\n内容",
		"copy-a.txt": "一、部门职责\n内容",
		"b.txt":      "一、部门职责\n别的内容",
		"fake.pdf":   "<html><body>404</body></html>",
		"empty.txt":  "",
		"big.txt":    strings.Repeat("很长", 1000),
		"z-copy.txt": "一、部门职责\n内容",
	})
	paths := Collect([]string{dir}, nil).Files
	ps, err := probeAll(t.Context(), paths, 1000, 3)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]probe{}
	for _, p := range ps {
		byName[filepath.Base(p.Path)] = p
	}
	if p := byName["a.txt"]; p.Format != "txt" || p.Err != nil || len(p.SHA256) != 64 {
		t.Errorf("a.txt: %+v", p)
	}
	if p := byName["fake.pdf"]; p.Err == nil || !strings.Contains(p.Err.Error(), "name says .pdf") {
		t.Errorf("fake.pdf: want a mislabel error, got %+v", p)
	}
	if p := byName["empty.txt"]; p.Err == nil {
		t.Errorf("empty.txt: want an error")
	}
	if p := byName["big.txt"]; p.Err == nil || p.SHA256 != "" {
		t.Errorf("big.txt: want too large without hashing, got %+v", p)
	}
	dups := dedup(ps)
	got := map[string]string{}
	for i, j := range dups {
		got[filepath.Base(ps[i].Path)] = filepath.Base(ps[j].Path)
	}
	// Path order decides which copy is converted: a.txt sorts first.
	want := map[string]string{"copy-a.txt": "a.txt", "z-copy.txt": "a.txt"}
	if len(got) != len(want) {
		t.Fatalf("dups %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("dup %s → %s, want %s", k, got[k], v)
		}
	}
}

func TestSanitizeAndNamer(t *testing.T) {
	tests := []struct{ path, want string }{
		{"a/上海市普陀区财政局2024年度部门决算.pdf", "上海市普陀区财政局2024年度部门决算.json"},
		{`a/x:y*z?.pdf`, "x_y_z_.json"},
		{"a/tab\there.txt", "tab_here.json"},
		{"a/.pdf", "document.json"},
		{"b/上海市普陀区财政局2024年度部门决算.html", "上海市普陀区财政局2024年度部门决算-2.json"},
		{"c/上海市普陀区财政局2024年度部门决算.txt", "上海市普陀区财政局2024年度部门决算-3.json"},
		{"d/X_Y_Z_.txt", "X_Y_Z_-2.json"}, // case-insensitive clash
		{"e/taken.pdf", "taken-2.json"},
		{"f/" + strings.Repeat("预", 100) + ".pdf", strings.Repeat("预", 60) + ".json"},
	}
	n := newNamer()
	n.reserve("taken.json")
	for _, tc := range tests {
		if got := n.name(tc.path); got != tc.want {
			t.Errorf("name(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}
