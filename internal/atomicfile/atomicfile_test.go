package atomicfile

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := Write(path, func(w *bufio.Writer) error { _, err := w.WriteString("first"); return err }); err != nil {
		t.Fatal(err)
	}
	// A failing writer leaves the earlier file as it was and no temporary file behind.
	boom := errors.New("boom")
	if err := Write(path, func(w *bufio.Writer) error { w.WriteString("partial"); return boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("file = %q, want first", b)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want 0644", st.Mode().Perm())
	}
}

// TestWriteThroughSymlink keeps a link a link and writes its target.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "link.json")
	os.WriteFile(real, []byte("old"), 0o644)
	if err := os.Symlink("real.json", link); err != nil {
		t.Skip(err)
	}
	if err := Write(link, func(w *bufio.Writer) error { _, err := w.WriteString("new"); return err }); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link replaced by a file: %v %v", st.Mode(), err)
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("target = %q, want new", b)
	}
}

// TestCreateRefusesNonFiles refuses a directory, and aborting leaves no
// temporary file and the old content.
func TestCreateRefusesNonFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := Create(dir); !errors.Is(err, ErrNotFile) {
		t.Errorf("Create(dir) = %v, want ErrNotFile", err)
	}
	path := filepath.Join(dir, "out")
	os.WriteFile(path, []byte("good"), 0o644)
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("partial")
	f.Abort()
	f.Abort()
	if b, _ := os.ReadFile(path); string(b) != "good" {
		t.Errorf("file = %q, want good", b)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
}
