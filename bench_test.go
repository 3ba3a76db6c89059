package yusuan_test

import (
	"context"
	"os"
	"testing"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/internal/testcorpus"
	"github.com/yusuan/yusuan/normalize"
)

// BenchmarkConvertSeed measures extract + normalize + validate on the seed
// disclosure, after the segmenter has started.
func BenchmarkConvertSeed(b *testing.B) {
	data, err := os.ReadFile(testcorpus.Seed(b))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	conv, err := yusuan.NewConverter(yusuan.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := conv.ConvertBytes(ctx, data, "seed.txt"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSegmenterStartup measures what the first document of a process
// pays once: loading gojieba's dictionaries and the heading lexicon.
func BenchmarkSegmenterStartup(b *testing.B) {
	dir, err := normalize.ResolveDictDir("")
	if err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		seg, err := normalize.NewSegmenter(dir)
		if err != nil {
			b.Fatal(err)
		}
		normalize.New(seg)
	}
}
