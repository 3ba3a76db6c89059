// Package jiebadict owns where gojieba's dictionaries come from, so that a
// binary copied to another machine can still segment text.
//
// The dictionaries are gojieba's data, not ours, so the repository does not
// carry them. A portable build copies them in at build time
// (scripts/build-portable.sh: `go generate ./internal/jiebadict`, then
// `go build -tags yusuan_embeddict`); such a binary embeds them and Dir
// unpacks them once per content into a cache directory, safely when several
// processes start at once. An ordinary build reads them from gojieba's
// module directory recorded at build time, as gojieba itself does. The two
// files only keyword extraction reads, which yusuan never calls, are
// one-line stand-ins in an embedded build, since cppjieba insists on
// loading them.
package jiebadict

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/yanyiwu/gojieba"
)

//go:generate go run gen.go

// Files are the dictionary files gojieba loads, in NewJieba's order.
var Files = []string{"jieba.dict.utf8", "hmm_model.utf8", "user.dict.utf8", "idf.utf8", "stop_words.utf8"}

// standIns replace the keyword-extraction dictionaries: cppjieba asserts
// they hold at least one entry.
var standIns = map[string]string{
	"idf.utf8":        "预算 10.0\n",
	"stop_words.utf8": "的\n",
}

// CacheEnv names the environment variable that overrides where the
// dictionaries are unpacked.
const CacheEnv = "YUSUAN_CACHE_DIR"

// ErrNotBuiltIn is returned by Dir when the binary embeds no dictionaries
// and gojieba's module directory is not on this machine.
var ErrNotBuiltIn = errors.New("this build has no built-in dictionaries (build with scripts/build-portable.sh for a binary that does)")

// Embedded reports whether this binary carries the dictionaries.
func Embedded() bool { return embedded != nil }

// Dir returns a directory holding the dictionaries. An embedded build
// unpacks them on first use into <cache>/yusuan/jieba-<hash of the
// contents>, where <cache> is $YUSUAN_CACHE_DIR, else the user's cache
// directory, else the temporary directory; an ordinary build returns
// gojieba's own dictionary directory when it exists.
func Dir() (string, error) { return dirOnce() }

var dirOnce = sync.OnceValues(func() (string, error) {
	if embedded == nil {
		if moduleDictOK() {
			return gojieba.DICT_DIR, nil
		}
		return "", fmt.Errorf("%w; gojieba's dictionaries are not at %s either", ErrNotBuiltIn, gojieba.DICT_DIR)
	}
	files, err := contents()
	if err != nil {
		return "", err
	}
	var lastErr error
	for _, root := range cacheRoots() {
		dir, err := unpack(filepath.Join(root, "yusuan"), files)
		if err == nil {
			return dir, nil
		}
		lastErr = err
	}
	return "", fmt.Errorf("unpacking the built-in dictionaries: %w", lastErr)
})

func cacheRoots() []string {
	var roots []string
	if d := os.Getenv(CacheEnv); d != "" {
		roots = append(roots, d)
	}
	if d, err := os.UserCacheDir(); err == nil {
		roots = append(roots, d)
	}
	return append(roots, os.TempDir())
}

// moduleDictOK reports whether gojieba's module directory recorded at build
// time holds every file.
func moduleDictOK() bool {
	for _, name := range Files {
		if st, err := os.Stat(filepath.Join(gojieba.DICT_DIR, name)); err != nil || !st.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// contents returns every embedded file's bytes, decompressed.
func contents() (map[string][]byte, error) {
	if embedded == nil {
		return nil, ErrNotBuiltIn
	}
	files := map[string][]byte{}
	for _, name := range Files {
		if s, ok := standIns[name]; ok {
			files[name] = []byte(s)
			continue
		}
		gz, err := embedded.ReadFile("data/" + name + ".gz")
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		files[name] = b
	}
	return files, nil
}

// digest names the contents: a new yusuan with other dictionaries unpacks
// beside an old one instead of over it.
func digest(files map[string][]byte) string {
	h := sha256.New()
	for _, name := range Files {
		fmt.Fprintf(h, "%s %d\n", name, len(files[name]))
		h.Write(files[name])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// unpack makes parent/jieba-<digest> hold files. It writes a temporary
// directory beside it and renames it into place, so a directory with the
// final name is always complete; when another process renamed first, its
// directory is used.
func unpack(parent string, files map[string][]byte) (string, error) {
	dir := filepath.Join(parent, "jieba-"+digest(files))
	if complete(dir, files) {
		return dir, nil
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(parent, ".jieba-*.tmp")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp) // gone after a successful rename
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	for _, name := range Files {
		if err := os.WriteFile(filepath.Join(tmp, name), files[name], 0o644); err != nil {
			return "", err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if complete(dir, files) {
			return dir, nil // another process won the race
		}
		// A damaged directory (a file deleted by hand): replace it.
		if rerr := os.RemoveAll(dir); rerr != nil {
			return "", rerr
		}
		if err := os.Rename(tmp, dir); err != nil && !complete(dir, files) {
			return "", err
		}
	}
	return dir, nil
}

// complete reports whether dir holds files with the right sizes (the
// directory's name already says their content).
func complete(dir string, files map[string][]byte) bool {
	for name, b := range files {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(b)) {
			return false
		}
	}
	return true
}
