package pdf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// TestCorpusTableCounts pins how many tables of each kind every corpus PDF
// yields, and on which pages the tables not found from ruling start:
// text-alignment ("stream") and printout detection must not turn the
// narrative pages of the corpus into tables. testdata/corpus-tables.golden
// is the list; rerun with -update after a reviewed change.
func TestCorpusTableCounts(t *testing.T) {
	paths := corpusPDFs(t)
	root := filepath.Join(corpusDir(t), "raw")
	var b strings.Builder
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Read(context.Background(), data, extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		doc, meta := layoutMeta(f, true)
		counts := map[tableKind]int{}
		var other []string
		for _, bl := range doc.Blocks {
			if bl.Kind != extract.KindTable {
				continue
			}
			m := meta[bl.Table]
			if m == nil {
				t.Errorf("%s: table on page %d without page metadata", path, bl.At.Page)
				continue
			}
			counts[m.kind]++
			if m.kind != kindRuled {
				other = append(other, fmt.Sprintf("%s@p%d(%dx%d)", m.kind, bl.At.Page, len(bl.Table.Rows), bl.Table.NumCols()))
			}
		}
		rel, _ := filepath.Rel(root, path)
		fmt.Fprintf(&b, "%s\truled=%d stream=%d printout=%d", filepath.ToSlash(rel), counts[kindRuled], counts[kindStream], counts[kindPrintout])
		if len(other) > 0 {
			fmt.Fprintf(&b, "\t%s", strings.Join(other, " "))
		}
		b.WriteByte('\n')
	}
	golden := filepath.Join("testdata", "corpus-tables.golden")
	got := b.String()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (rerun with -update to create it)", err)
	}
	if got != string(want) {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
		for i := 0; i < max(len(wl), len(gl)); i++ {
			var w, g string
			if i < len(wl) {
				w = wl[i]
			}
			if i < len(gl) {
				g = gl[i]
			}
			if w != g {
				t.Errorf("table counts differ:\n got %s\nwant %s", g, w)
			}
		}
	}
}
