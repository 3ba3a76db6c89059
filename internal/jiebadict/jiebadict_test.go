package jiebadict

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestUnpackConcurrent unpacks from several goroutines at once (as several
// processes starting together would) and again into a damaged directory.
func TestUnpackConcurrent(t *testing.T) {
	files := map[string][]byte{}
	for i, name := range Files {
		files[name] = []byte(strings.Repeat("预算 3 n\n", 1000*(i+1)))
	}
	parent := t.TempDir()
	dirs := make([]string, 8)
	errs := make([]error, 8)
	var wg sync.WaitGroup
	for i := range dirs {
		wg.Go(func() { dirs[i], errs[i] = unpack(parent, files) })
	}
	wg.Wait()
	for i := range dirs {
		if errs[i] != nil || dirs[i] != dirs[0] {
			t.Fatalf("unpack %d: %s, %v; want %s", i, dirs[i], errs[i], dirs[0])
		}
	}
	if !complete(dirs[0], files) {
		t.Fatal("incomplete directory")
	}
	if left, _ := filepath.Glob(filepath.Join(parent, ".jieba-*")); len(left) != 0 {
		t.Errorf("temporary directories left: %v", left)
	}
	os.Remove(filepath.Join(dirs[0], "hmm_model.utf8"))
	if dir, err := unpack(parent, files); err != nil || !complete(dir, files) {
		t.Errorf("repairing a damaged directory: %s, %v", dir, err)
	}
}

// TestSameAsModule checks the embedded dictionaries are gojieba's, byte for
// byte, when its module is in the cache (it is wherever yusuan builds).
func TestSameAsModule(t *testing.T) {
	if !Embedded() {
		t.Skip("an ordinary build embeds no dictionaries (scripts/build-portable.sh makes one that does)")
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yanyiwu/gojieba").Output()
	mod := strings.TrimSpace(string(out))
	if err != nil || mod == "" {
		t.Skip("gojieba's module is not available")
	}
	files, err := contents()
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if _, standIn := standIns[name]; standIn {
			continue
		}
		want, err := os.ReadFile(filepath.Join(mod, "deps", "cppjieba", "dict", name))
		if err != nil {
			t.Skip(err)
		}
		if string(b) != string(want) {
			t.Errorf("%s differs from gojieba's: run go generate ./internal/jiebadict", name)
		}
	}
}

// TestDirOrdinaryBuild: without embedded dictionaries, Dir is gojieba's own
// directory when it is there, and a clear error when it is not.
func TestDirOrdinaryBuild(t *testing.T) {
	if Embedded() {
		t.Skip("this build embeds the dictionaries")
	}
	dir, err := Dir()
	if moduleDictOK() {
		if err != nil || !complete(dir, sizes(t, dir)) {
			t.Fatalf("Dir() = %q, %v; want gojieba's dictionary directory", dir, err)
		}
		return
	}
	if !errors.Is(err, ErrNotBuiltIn) {
		t.Fatalf("Dir() error = %v; want ErrNotBuiltIn", err)
	}
}

func sizes(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, name := range Files {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = b
	}
	return files
}
