package inspecthtml_test

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/inspecthtml"
	"github.com/yusuan/yusuan/internal/testcorpus"
)

// benchWrite measures drawing the page alone (conversion done once).
func benchWrite(b *testing.B, path string) {
	d, x, err := yusuan.ConvertFileInspected(context.Background(), path, yusuan.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := inspecthtml.Write(io.Discard, x, d, inspecthtml.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteSamplePDF(b *testing.B) {
	benchWrite(b, filepath.Join(testcorpus.Root(b), "samples", "pdf-disclosure-chromium.pdf"))
}

// BenchmarkWriteLargestCorpusPDF draws the largest PDF of the corpus (240 pages).
func BenchmarkWriteLargestCorpusPDF(b *testing.B) {
	benchWrite(b, testcorpus.Shared(b, "corpus", "raw2", "_adjacent-gov-level", "shandong-jinan", "济南市财政局_2024_预算草案报告.pdf"))
}
