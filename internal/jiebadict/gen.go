//go:build ignore

// gen copies the dictionaries yusuan's segmentation uses from the gojieba
// module named in go.mod (its module cache copy) and gzips them into data/,
// which is not committed; a portable build embeds them
// (scripts/build-portable.sh):
//
//	go generate ./internal/jiebadict
package main

import (
	"bytes"
	"compress/gzip"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yanyiwu/gojieba").Output()
	if err != nil {
		log.Fatal(err)
	}
	mod := strings.TrimSpace(string(out))
	dir := filepath.Join(mod, "deps", "cppjieba", "dict")
	if err := os.MkdirAll("data", 0o755); err != nil {
		log.Fatal(err)
	}
	// The dictionaries are gojieba's (MIT): a binary that carries them
	// carries its licence too.
	if lic, err := os.ReadFile(filepath.Join(mod, "LICENSE")); err != nil {
		log.Fatal(err)
	} else if err := os.WriteFile(filepath.Join("data", "LICENSE"), lic, 0o644); err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"jieba.dict.utf8", "hmm_model.utf8", "user.dict.utf8"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			log.Fatal(err)
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(data)
		if err := zw.Close(); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("data", name+".gz"), buf.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
