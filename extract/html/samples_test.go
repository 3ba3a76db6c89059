package html

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestGBKSampleUpToDate checks that samples/html-jiaoyu-2023-gbk.html is the
// GBK encoding of its UTF-8 source (regenerate with
// go run ./extract/html/testdata/gen from the repository root).
func TestGBKSampleUpToDate(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "gen", "jiaoyu-2023.src.html"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := simplifiedchinese.GBK.NewEncoder().Bytes(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", "samples", "html-jiaoyu-2023-gbk.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("samples/html-jiaoyu-2023-gbk.html is stale: run go run ./extract/html/testdata/gen")
	}
}
