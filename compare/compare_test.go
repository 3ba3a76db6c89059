package compare

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yusuan/yusuan"
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
	var cds []figures
	for _, d := range docs {
		cds = append(cds, summarize(d))
	}
	rows := buildRows(cds)
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

// TestLoadPanicIsFileError: a conversion that panics (a normalizer bug) is
// that file's error, with its stack logged, and the other files are
// compared. Before compare shared batch's runner, the panic ended the
// process.
func TestLoadPanicIsFileError(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"a.txt", "boom.txt", "c.txt"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(name), 0o644)
		paths = append(paths, p)
	}
	var log bytes.Buffer
	res, err := Load(t.Context(), paths, Options{
		Workers: 2,
		Log:     slog.New(slog.NewTextHandler(&log, nil)),
		ConvertFunc: func(ctx context.Context, p string) (*schema.Document, error) {
			if strings.HasSuffix(p, "boom.txt") {
				var d *schema.Document
				_ = d.Meta.Issuer.Name // nil dereference, as a normalizer bug would
			}
			issuer := "甲局" // two departments: one disclosure's files would be one row
			if strings.HasSuffix(p, "c.txt") {
				issuer = "乙局"
			}
			return testDoc(p, issuer, 2024, schema.KindBudget, schema.ScopeDepartment, "100"), nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Documents != 2 || len(res.Rows) != 2 {
		t.Errorf("%d documents, %d rows; want the 2 that converted", res.Documents, len(res.Rows))
	}
	if len(res.Errors) != 1 || !errors.Is(res.Errors[0], yusuan.ErrPanic) || !strings.Contains(res.Errors[0].Error(), "boom.txt") {
		t.Errorf("errors = %v, want one panic error naming boom.txt", res.Errors)
	}
	if !strings.Contains(log.String(), "goroutine") {
		t.Errorf("the stack should be logged:\n%s", log.String())
	}
}

// TestLoadLeavesOutGovernmentReports: a report to the people's congress is
// no department's disclosure and gets no row.
func TestLoadLeavesOutGovernmentReports(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, d := range []*schema.Document{
		testDoc("dept", "甲局", 2025, schema.KindBudget, schema.ScopeDepartment, "1000000"),
		testDoc("gov", "甲市财政局", 2025, schema.KindBudget, schema.ScopeGovernment, ""),
	} {
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, d.Source.Path+".json")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	res, err := Load(t.Context(), paths, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Documents != 1 || len(res.Rows) != 1 || res.Rows[0].issuer != "甲局" {
		t.Errorf("Load = %d documents, rows %+v; want the department's only", res.Documents, res.Rows)
	}
}
