package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/yusuan/yusuan/batch"
	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/schema"
)

func amt(yuan string) *schema.Amount { return &schema.Amount{Yuan: decimal.MustParse(yuan)} }

func testDoc(path, issuer string, year int, kind, scope, expenditure string) *schema.Document {
	d := &schema.Document{SchemaVersion: "1", Source: schema.Source{Path: path, SHA256: path},
		Meta: schema.Meta{Issuer: schema.Issuer{Name: issuer}, FiscalYear: year, Kind: kind, Scope: scope}}
	if expenditure != "" {
		d.Summary.Expenditure.Total = amt(expenditure)
	}
	return d
}

// TestCompareSamples converts the txt samples and prints the Markdown
// table, the CSV and the XLSX.
func TestCompareSamples(t *testing.T) {
	if testing.Short() {
		t.Skip("converts the samples; skipped with -short")
	}
	samples, _ := filepath.Glob("../../samples/*.txt")
	if len(samples) < 2 {
		t.Fatal("want the two txt samples")
	}
	var out, errb bytes.Buffer
	if code := runCompare(context.Background(), samples, &out, &errb); code != exitOK {
		t.Fatalf("compare: exit %d\n%s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2+len(samples) {
		t.Fatalf("want header, rule and %d rows:\n%s", len(samples), out.String())
	}
	for _, s := range []string{"青禾县农业农村局", "| 2023 |", "1286.40", "826.40", "42.50"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("table lacks %q:\n%s", s, out.String())
		}
	}

	dir := t.TempDir()
	csvPath := filepath.Join(dir, "c.csv")
	if code := runCompare(context.Background(), append(samples, "-o", csvPath), &out, &errb); code != exitOK {
		t.Fatalf("compare csv: exit %d\n%s", code, errb.String())
	}
	b, _ := os.ReadFile(csvPath)
	if !bytes.HasPrefix(b, []byte("\ufeff部门,年度")) || !bytes.Contains(b, []byte(",1286.40,")) {
		t.Errorf("csv:\n%s", b)
	}

	mdPath := filepath.Join(dir, "c.md")
	stdoutTable := out.String()
	out.Reset()
	if code := runCompare(context.Background(), append(samples, "-o", mdPath), &out, &errb); code != exitOK {
		t.Fatalf("compare md: exit %d\n%s", code, errb.String())
	}
	if b, _ := os.ReadFile(mdPath); !strings.HasPrefix(stdoutTable, string(b)) || len(b) == 0 {
		t.Errorf("-o c.md differs from the table on standard output:\n%s", b)
	}
	if code := runCompare(context.Background(), append(samples, "-o", filepath.Join(dir, "c.parquet")), &out, &errb); code != exitUsage {
		t.Errorf("compare -o c.parquet: exit %d, want %d (usage)", code, exitUsage)
	}

	xlsxPath := filepath.Join(dir, "c.xlsx")
	if code := runCompare(context.Background(), append(samples, "-o", xlsxPath), &out, &errb); code != exitOK {
		t.Fatalf("compare xlsx: exit %d\n%s", code, errb.String())
	}
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("compare")
	if err != nil || len(rows) != 1+len(samples) {
		t.Fatalf("xlsx: %d rows, %v", len(rows), err)
	}
	cell, _ := f.GetCellValue("compare", "E3")
	typ, _ := f.GetCellType("compare", "E3")
	if cell == "" || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("E3 = %q (type %v): amounts must be numbers", cell, typ)
	}
}

// TestCompareBatchOutput reads a batch JSON folder (through index.jsonl),
// the index itself, and JSON documents as yusuan extract prints them.
func TestCompareBatchOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "json")
	writeDoc := func(name string, d *schema.Document) string {
		p := filepath.Join(dir, name)
		b, _ := json.Marshal(d)
		os.WriteFile(p, b, 0o644)
		return p
	}
	a := writeDoc("a.txt", testDoc("a.txt", "甲局", 2023, schema.KindBudget, schema.ScopeDepartment, "10000"))
	bPath := writeDoc("b.txt", testDoc("b.txt", "甲局", 2024, schema.KindBudget, schema.ScopeDepartment, "30000"))
	// A batch whose "conversion" reads the JSON we wrote.
	_, err := batch.Run(context.Background(), []string{a, bPath}, batch.Options{Output: out,
		ConvertFunc: func(ctx context.Context, p string) (*schema.Document, error) {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			var d schema.Document
			return &d, json.Unmarshal(b, &d)
		}})
	if err != nil {
		t.Fatal(err)
	}
	arr := filepath.Join(dir, "docs.json")
	b1, _ := os.ReadFile(a)
	b2, _ := os.ReadFile(bPath)
	os.WriteFile(arr, []byte("["+string(b1)+","+string(b2)+"]"), 0o644)

	for _, in := range []string{out, filepath.Join(out, "index.jsonl"), arr} {
		var buf, errb bytes.Buffer
		if code := runCompare(context.Background(), []string{in}, &buf, &errb); code != exitOK {
			t.Fatalf("%s: exit %d\n%s", in, code, errb.String())
		}
		lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
		if len(lines) != 4 || !strings.Contains(buf.String(), "+2.00 (+200.0%)") {
			t.Errorf("%s: want two rows with the change:\n%s", in, buf.String())
		}
	}
}
