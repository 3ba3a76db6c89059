package xlsx

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/internal/testcorpus"
)

// FuzzExtract runs the xlsx extractor on mutated workbooks, seeded with
// the sample and a truncated copy. Layout bugs must panic (they are not
// under the third-party recover); bounded time comes from the limits.
func FuzzExtract(f *testing.F) {
	data, err := os.ReadFile(filepath.Join(testcorpus.Root(f), "samples", "xlsx-qingxi-greening-2026-budget.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)*2/3])
	f.Fuzz(func(t *testing.T, b []byte) {
		start := time.Now()
		doc, err := ExtractXLSX(context.Background(), b, extract.Options{MaxBytes: 8 << 20, MaxPages: 20})
		if d := time.Since(start); d > 3*time.Second {
			t.Fatalf("took %v", d)
		}
		if err == nil {
			checkDoc(t, doc)
		}
	})
}

// FuzzBIFF runs the BIFF8 parser and the layout on mutated Workbook
// streams, seeded with the built test stream (and the Putuo template's
// stream when the corpus is present).
func FuzzBIFF(f *testing.F) {
	f.Add(testStream())
	p := filepath.Join(testcorpus.Root(f), "..", "shared", "corpus", "raw", "shanghai-putuo", "普陀区2026年单位预算模板_budget_template.xls")
	if data, err := os.ReadFile(p); err == nil {
		if s, err := workbookStream(data, 1<<30); err == nil {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, stream []byte) {
		wb, err := parseGlobals(stream)
		if err != nil {
			return
		}
		var sheets []*sheet
		for i, bs := range wb.sheets {
			if i > 20 {
				break
			}
			if s, _, _ := wb.parseSheet(context.Background(), stream, bs, 4096, 256); s != nil {
				sheets = append(sheets, s)
			}
		}
		doc, _ := layoutSheets(&extract.Document{}, sheets)
		checkDoc(t, doc)
	})
}

// checkDoc checks the grid invariants: rectangular rows, spans inside the
// table, covered cells under some span.
func checkDoc(t *testing.T, doc *extract.Document) {
	for _, b := range doc.Blocks {
		if b.Kind != extract.KindTable {
			continue
		}
		tb := b.Table
		w := tb.NumCols()
		for r, row := range tb.Rows {
			if len(row) != w {
				t.Fatalf("row %d has %d cells, want %d", r, len(row), w)
			}
			for c, cell := range row {
				if r+max(cell.RowSpan, 1) > len(tb.Rows) || c+max(cell.ColSpan, 1) > w {
					t.Fatalf("cell (%d,%d) spans %d×%d out of %d×%d", r, c, cell.RowSpan, cell.ColSpan, len(tb.Rows), w)
				}
			}
		}
		if tb.HeaderRows > len(tb.Rows) {
			t.Fatalf("%d header rows of %d", tb.HeaderRows, len(tb.Rows))
		}
	}
}
