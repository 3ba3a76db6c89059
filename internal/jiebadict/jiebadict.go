// Package jiebadict owns the gojieba dictionaries built into yusuan, so that
// a binary copied to another machine segments text without gojieba's module
// cache. The segmentation dictionaries (data/, gzipped copies of gojieba's:
// see data/LICENSE and gen.go) are embedded; the two that only keyword
// extraction reads, which yusuan never calls, are one-line stand-ins, since
// gojieba insists on loading them. Dir unpacks them once per content into a
// cache directory, safely when several processes start at once.
package jiebadict

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

//go:generate go run gen.go

//go:embed data/*.gz
var data embed.FS

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

// Dir returns a directory holding the built-in dictionaries, unpacking them
// on first use into <cache>/yusuan/jieba-<hash of the contents>, where
// <cache> is $YUSUAN_CACHE_DIR, else the user's cache directory, else the
// temporary directory.
func Dir() (string, error) { return dirOnce() }

var dirOnce = sync.OnceValues(func() (string, error) {
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

// contents returns every file's bytes, the embedded ones decompressed.
func contents() (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, name := range Files {
		if s, ok := standIns[name]; ok {
			files[name] = []byte(s)
			continue
		}
		gz, err := data.ReadFile("data/" + name + ".gz")
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
