//go:build ignore

// gen copies the dictionaries yusuan's segmentation uses from the gojieba
// module named in go.mod (its module cache copy) and gzips them here:
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
	dir := filepath.Join(strings.TrimSpace(string(out)), "deps", "cppjieba", "dict")
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
