// Command gen writes samples/html-jiaoyu-2023-gbk.html: the UTF-8 source
// jiaoyu-2023.src.html encoded as GBK, the way old portals serve pages
// declared <meta charset="gb2312">. Run from the repository root:
//
//	go run ./extract/html/testdata/gen
package main

import (
	"log"
	"os"
	"path/filepath"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const (
	src = "extract/html/testdata/gen/jiaoyu-2023.src.html"
	dst = "samples/html-jiaoyu-2023-gbk.html"
)

func main() {
	text, err := os.ReadFile(src)
	if err != nil {
		log.Fatal(err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(text)
	if err != nil {
		log.Fatalf("encode %s as GBK: %v", src, err)
	}
	if err := os.WriteFile(filepath.FromSlash(dst), gbk, 0o644); err != nil {
		log.Fatal(err)
	}
}
