package schema

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := strings.CutPrefix(string(b), utf8BOM)
	if !ok {
		t.Errorf("%s does not start with a UTF-8 BOM", path)
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// TestCSVMatchesXLSX writes the sample documents both ways and checks that
// every sheet has the same rows, numbers compared by value.
func TestCSVMatchesXLSX(t *testing.T) {
	dir := t.TempDir()
	c, err := NewCSVWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range sampleDocs() {
		if err := c.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.AddError("samples/bad.pdf", "pdf", "extract pdf: encrypted"); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.Add(sampleDocs()[0]); err != ErrWriterClosed {
		t.Errorf("Add after Close = %v, want ErrWriterClosed", err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	var want []string
	for _, def := range tabSheets {
		want = append(want, def.name+".csv")
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("files = %v, want %v", names, want)
	}

	f := openWorkbook(t, writeSampleWorkbook(t, 0))
	for _, def := range tabSheets {
		got := readCSV(t, filepath.Join(dir, def.name+".csv"))
		xl, err := f.GetRows(def.name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(xl) {
			t.Errorf("%s: %d CSV rows, %d XLSX rows", def.name, len(got), len(xl))
			continue
		}
		for i := range got {
			if len(got[i]) != len(def.cols) {
				t.Errorf("%s row %d: %d fields, want %d", def.name, i+1, len(got[i]), len(def.cols))
			}
			for j := range got[i] {
				var x string
				if j < len(xl[i]) {
					x = xl[i][j]
				}
				if !sameCell(got[i][j], x) {
					t.Errorf("%s row %d %s: CSV %.40q, XLSX %.40q", def.name, i+1, def.cols[j].name, got[i][j], x)
				}
			}
		}
	}

	// Exact decimals as printed, and untruncated text.
	sum := readCSV(t, filepath.Join(dir, "summary.csv"))
	if !slices.ContainsFunc(sum, func(r []string) bool {
		return r[1] == "summary.revenue.total" && r[2] == "4547000" && r[4] == "454.70"
	}) {
		t.Errorf("summary.csv lacks the exact revenue total row: %v", sum)
	}
	sec := readCSV(t, filepath.Join(dir, "sections.csv"))
	if n := len([]rune(sec[2][6])); n != 40000 {
		t.Errorf("long section text has %d characters in CSV, want 40000", n)
	}
}

// sameCell compares a CSV field with the raw XLSX cell: equal text, equal
// numbers, or equal booleans; XLSX text may be cut at the cell limit.
func sameCell(c, x string) bool {
	if c == x {
		return true
	}
	if a, err := strconv.ParseFloat(c, 64); err == nil {
		b, err := strconv.ParseFloat(x, 64)
		return err == nil && a == b
	}
	if c == "true" && (x == "1" || x == "TRUE") {
		return true
	}
	return len(x) > 0 && truncateUTF16(c, maxCellChars) == x
}

func TestWriteCSVLeavesNoTempFiles(t *testing.T) {
	dir := t.TempDir()
	docs := sampleDocs()
	if err := WriteCSV(dir, slices.Values(docs)); err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(matches) > 0 {
		t.Errorf("temp files left: %v", matches)
	}
	if recs := readCSV(t, filepath.Join(dir, "documents.csv")); len(recs) != 1+len(docs) {
		t.Errorf("documents.csv has %d records, want %d", len(recs), 1+len(docs))
	}

	// A nil document fails the whole write: nothing is renamed into place.
	dir2 := t.TempDir()
	if err := WriteCSV(dir2, slices.Values([]*Document{docs[0], nil})); err == nil {
		t.Fatal("WriteCSV with a nil document: no error")
	}
	if entries, _ := os.ReadDir(dir2); len(entries) != 0 {
		t.Errorf("failed write left files: %v", entries)
	}
}
