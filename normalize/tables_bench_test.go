package normalize_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

// BenchmarkCorpusTables measures what the tables cost on top of PDF
// extraction: the corpus PDFs are extracted once (timed, as a baseline),
// then normalised and validated per iteration; tables/s and the share of
// extraction time are reported.
//
//	go test ./normalize -run '^$' -bench CorpusTables -benchtime 3x
func BenchmarkCorpusTables(b *testing.B) {
	files := corpusPDFs(b)
	conv, err := yusuan.NewConverter(yusuan.Options{})
	if err != nil {
		b.Fatal(err)
	}
	n := conv.Normalizer()
	var docs []*extract.Document
	var names []string
	start := time.Now()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		x, err := conv.InspectBytes(context.Background(), data, f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, x)
		names = append(names, f)
	}
	extractTime := time.Since(start)
	tables := 0
	for _, x := range docs {
		for _, blk := range x.Blocks {
			if blk.Kind == extract.KindTable {
				tables++
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for i, x := range docs {
			d := n.Normalize(x, names[i])
			schema.Validate(d)
		}
	}
	per := b.Elapsed() / time.Duration(max(b.N, 1))
	b.ReportMetric(float64(tables)/per.Seconds(), "tables/s")
	b.ReportMetric(float64(per)/float64(extractTime)*100, "%-of-extract")
}
