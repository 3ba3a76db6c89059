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

func TestWan(t *testing.T) {
	tests := []struct{ yuan, want string }{
		{"4547000", "454.70"},
		{"12345", "1.23"},
		{"12350", "1.24"}, // half away from zero
		{"-12350", "-1.24"},
		{"5", "0.00"},
		{"0", "0.00"},
		{"-125000", "-12.50"},
		{"123456789012.345", "12345678.90"},
		{"0.1", "0.00"},
	}
	for _, tc := range tests {
		d := decimal.MustParse(tc.yuan)
		if got := wan(&d); got != tc.want {
			t.Errorf("wan(%s) = %s, want %s", tc.yuan, got, tc.want)
		}
	}
	if wan(nil) != "" {
		t.Errorf("wan(nil) should be blank")
	}
}

func amt(yuan string) *schema.Amount { return &schema.Amount{Yuan: decimal.MustParse(yuan)} }

func testDoc(path, issuer string, year int, kind, scope, expenditure string) *schema.Document {
	d := &schema.Document{SchemaVersion: "1", Source: schema.Source{Path: path, SHA256: path},
		Meta: schema.Meta{Issuer: schema.Issuer{Name: issuer}, FiscalYear: year, Kind: kind, Scope: scope}}
	if expenditure != "" {
		d.Summary.Expenditure.Total = amt(expenditure)
	}
	return d
}

func TestCompareRows(t *testing.T) {
	B, F, D, U := schema.KindBudget, schema.KindFinalAccount, schema.ScopeDepartment, schema.ScopeUnit
	docs := []*schema.Document{
		testDoc("c23", "甲局", 2023, B, D, "12000000"),
		testDoc("c21", "甲局", 2021, B, D, "10000000"),
		testDoc("c24u", "甲局", 2024, B, U, "5000000"),  // unit: not compared with the department
		testDoc("c22f", "甲局", 2022, F, D, "11000000"), // final account: not compared with budgets
		testDoc("b25a", "乙局", 2025, B, D, "1000000"),
		testDoc("b25b", "乙局", 2025, B, D, "2000000"),
		testDoc("b26", "乙局", 2026, B, D, "3000000"),
		testDoc("z", "", 2025, B, D, "1"),
		testDoc("zero24", "丙局", 2024, B, D, "0"),
		testDoc("zero25", "丙局", 2025, B, D, "100"),
	}
	var cds []compareDoc
	for _, d := range docs {
		cds = append(cds, summarize(d))
	}
	rows := compareRows(cds)
	type want struct {
		prev          int
		change, pct   string
		noteSubstring string
	}
	wants := map[string]want{
		"c21":    {0, "", "", ""},
		"c23":    {2021, "200.00", "20.0", ""}, // 2022 is absent: compared with 2021
		"c24u":   {0, "", "", ""},
		"c22f":   {0, "", "", ""},
		"b25a":   {0, "", "", "2份文件"},
		"b25b":   {0, "", "", "2份文件"},
		"b26":    {0, "", "", "2025年有2份文件"},
		"z":      {0, "", "", "未识别"},
		"zero24": {0, "", "", ""},
		"zero25": {2024, "0.01", "", ""}, // from 0: no percent
	}
	if len(rows) != len(wants) {
		t.Fatalf("%d rows, want %d", len(rows), len(wants))
	}
	for _, r := range rows {
		w := wants[r.path]
		pct := ""
		if r.pct[figExpenditure] != nil {
			pct = fixed(*r.pct[figExpenditure], 1)
		}
		if r.prevYear != w.prev || wan(r.change[figExpenditure]) != w.change || pct != w.pct || !strings.Contains(r.note, w.noteSubstring) {
			t.Errorf("%s: prev %d change %q pct %q note %q; want %+v", r.path, r.prevYear, wan(r.change[figExpenditure]), pct, r.note, w)
		}
	}
	// Rows are grouped by department, then kind, scope and year.
	var order []string
	for _, r := range rows {
		order = append(order, r.path)
	}
	if got, want := strings.Join(order, " "), "z zero24 zero25 b25a b25b b26 c21 c23 c24u c22f"; got != want {
		t.Errorf("row order\n got %s\nwant %s", got, want)
	}
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
