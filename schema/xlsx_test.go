package schema

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// writeSampleWorkbook writes sampleDocs and one failed file to a workbook.
func writeSampleWorkbook(t *testing.T, maxRows int) []byte {
	t.Helper()
	var buf bytes.Buffer
	x, err := NewXLSXWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if maxRows > 0 {
		x.maxRows = maxRows
	}
	for _, d := range sampleDocs() {
		if err := x.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.AddError("samples/bad.pdf", "pdf", "extract pdf: encrypted"); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if err := x.Add(sampleDocs()[0]); err != ErrWriterClosed {
		t.Errorf("Add after Close = %v, want ErrWriterClosed", err)
	}
	return buf.Bytes()
}

func openWorkbook(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// findRow returns the first row of sheet whose cell in column col equals v.
func findRow(t *testing.T, f *excelize.File, sheet, col, v string) (int, []string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	c := slices.Index(rows[0], col)
	if c < 0 {
		t.Fatalf("sheet %s has no column %s", sheet, col)
	}
	for i, r := range rows {
		if c < len(r) && r[c] == v {
			return i + 1, r
		}
	}
	t.Fatalf("sheet %s: no row with %s = %q", sheet, col, v)
	return 0, nil
}

func colName(t *testing.T, f *excelize.File, sheet, col string) string {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	n, err := excelize.ColumnNumberToName(slices.Index(rows[0], col) + 1)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestXLSXWriter(t *testing.T) {
	f := openWorkbook(t, writeSampleWorkbook(t, 0))

	var names []string
	for i := range tabSheets {
		names = append(names, tabSheets[i].name)
	}
	if got := f.GetSheetList(); !slices.Equal(got, names) {
		t.Fatalf("sheets = %v, want %v", got, names)
	}

	// Every sheet: header as defined, bold, frozen, widths set, and the
	// expected number of data rows.
	wantRows := map[string]int{
		"documents": 2, "summary": 12, "three_public": 5, "sections": 2, "indicators": 2,
		"assets": 2, "tables": 2, "line_items": 2, "findings": 3, "errors": 1,
	}
	for i, def := range tabSheets {
		rows, err := f.GetRows(def.name)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, c := range def.cols {
			want = append(want, c.name)
		}
		if !slices.Equal(rows[0], want) {
			t.Errorf("%s header = %v, want %v", def.name, rows[0], want)
		}
		if got := len(rows) - 1; got != wantRows[def.name] {
			t.Errorf("%s: %d data rows, want %d", def.name, got, wantRows[def.name])
		}
		for _, r := range rows[1:] {
			if len(r) > len(want) {
				t.Errorf("%s: row wider than header: %v", def.name, r)
			}
		}
		panes, err := f.GetPanes(def.name)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s panes = %+v, want header row frozen", def.name, panes)
		}
		style, _ := f.GetCellStyle(def.name, "A1")
		if s, err := f.GetStyle(style); err != nil || s.Font == nil || !s.Font.Bold {
			t.Errorf("%s header is not bold (style %d)", def.name, style)
		}
		if w, _ := f.GetColWidth(def.name, "A"); w != def.cols[0].width {
			t.Errorf("%s column A width = %v, want %v", def.name, w, def.cols[0].width)
		}
		if i == int(tabSections) {
			if w, _ := f.GetColWidth(def.name, colName(t, f, def.name, "text")); w != 80 {
				t.Errorf("sections text width = %v, want 80", w)
			}
		}
	}

	// Amounts are numeric cells, exact text alongside.
	numeric := []struct {
		sheet, keyCol, key, col string
		want                    string // raw cell value
		money                   bool
	}{
		{"summary", "field", "summary.revenue.total", "yuan", "4547000", true},
		{"summary", "field", "summary.revenue.total", "value", "454.7", false},
		{"summary", "field", "summary.change.total", "yuan", "-123000", true},
		{"summary", "field", "operating_expenses", "yuan", "456700", true},
		{"summary", "field", "assets.total", "yuan", "1205000", true},
		{"three_public", "field", "three_public_budget.total", "yuan", "15000", true},
		{"documents", "document", "samples/b.txt", "revenue_total", "1234567.89", true},
		{"documents", "document", "samples/b.txt", "fiscal_year", "2019", false},
		{"line_items", "column", "基本支出", "yuan", "3005000", true},
		{"assets", "name", "房屋", "quantity", "350.5", false},
		{"indicators", "level3", "服务企业数", "value", "90", false},
	}
	for _, tt := range numeric {
		r, _ := findRow(t, f, tt.sheet, tt.keyCol, tt.key)
		cell := fmt.Sprintf("%s%d", colName(t, f, tt.sheet, tt.col), r)
		typ, err := f.GetCellType(tt.sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		// A numeric cell has no t attribute (CellTypeUnset) or t="n".
		if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s!%s (%s) cell type = %v, want a number", tt.sheet, cell, tt.col, typ)
		}
		raw, _ := f.GetCellValue(tt.sheet, cell, excelize.Options{RawCellValue: true})
		if raw != tt.want {
			t.Errorf("%s!%s (%s) = %q, want %q", tt.sheet, cell, tt.col, raw, tt.want)
		}
		style, _ := f.GetCellStyle(tt.sheet, cell)
		s, _ := f.GetStyle(style)
		if got := s != nil && s.NumFmt == 4; got != tt.money {
			t.Errorf("%s!%s (%s) money format = %v, want %v", tt.sheet, cell, tt.col, got, tt.money)
		}
	}
	// The check above can tell text from numbers.
	if typ, _ := f.GetCellType("summary", "B2"); typ != excelize.CellTypeInlineString {
		t.Errorf("summary!B2 cell type = %v, want inline string", typ)
	}

	text := []struct{ sheet, keyCol, key, col, want string }{
		{"summary", "field", "summary.revenue.total", "yuan_exact", "4547000"},
		{"summary", "field", "summary.revenue.total", "at", "page 4 [72,540,300,552]"},
		{"summary", "field", "summary.revenue.total", "text", "454.70万元"},
		{"documents", "document", "samples/廊坊/科技局2020预算.pdf", "other_names", "广阳区地震局；区科协"},
		{"documents", "document", "samples/廊坊/科技局2020预算.pdf", "status", "errors"},
		{"documents", "document", "samples/廊坊/科技局2020预算.pdf", "findings_warning", "1"},
		{"documents", "document", "samples/b.txt", "status", "ok"},
		{"indicators", "level3", "服务企业数", "comparator", ">="},
		{"indicators", "level3", "服务企业数", "at", "page 4 [72,540,300,552] table 3 r4c2"},
		{"findings", "severity", "error", "at", "page 4 [72,540,300,552]; line 3"},
		{"errors", "document", "samples/bad.pdf", "reason", "extract pdf: encrypted"},
		{"tables", "kind", "F9", "empty", "TRUE"},
		{"sections", "key", SecResponsibilities, "text", "贯彻落实 <科技> & 创新政策。"},
	}
	for _, tt := range text {
		_, row := findRow(t, f, tt.sheet, tt.keyCol, tt.key)
		rows, _ := f.GetRows(tt.sheet)
		c := slices.Index(rows[0], tt.col)
		if got := row[c]; got != tt.want {
			t.Errorf("%s %s=%s: %s = %q, want %q", tt.sheet, tt.keyCol, tt.key, tt.col, got, tt.want)
		}
	}

	// Line items follow the table's column order, blank amounts left out.
	rows, _ := f.GetRows("line_items")
	c := slices.Index(rows[0], "column")
	if got := []string{rows[1][c], rows[2][c]}; !slices.Equal(got, []string{"合计", "基本支出"}) {
		t.Errorf("line item columns = %v, want [合计 基本支出]", got)
	}

	// A section longer than a cell holds is cut at Excel's limit.
	_, row := findRow(t, f, "sections", "heading", "长文")
	if n := utf8.RuneCountInString(row[slices.Index(rows[0], "document")+6]); n != maxCellChars {
		t.Errorf("long section text has %d characters, want %d", n, maxCellChars)
	}
}

// TestXLSXWriterSheetOverflow lowers the row limit so that sheets continue
// on "name (2)", … and checks that no row is lost or duplicated.
func TestXLSXWriterSheetOverflow(t *testing.T) {
	full := openWorkbook(t, writeSampleWorkbook(t, 0))
	f := openWorkbook(t, writeSampleWorkbook(t, 4)) // header + 3 rows per part
	list := f.GetSheetList()
	for _, def := range tabSheets {
		want, _ := full.GetRows(def.name)
		var got [][]string
		parts := 0
		for _, name := range list {
			if name != def.name && !strings.HasPrefix(name, def.name+" (") {
				continue
			}
			parts++
			rows, _ := f.GetRows(name)
			if len(rows) > 4 {
				t.Errorf("%s has %d rows, limit 4", name, len(rows))
			}
			if !slices.Equal(rows[0], want[0]) {
				t.Errorf("%s header = %v", name, rows[0])
			}
			got = append(got, rows[1:]...)
		}
		if wantParts := (len(want) - 1 + 2) / 3; parts != max(wantParts, 1) {
			t.Errorf("%s: %d parts, want %d", def.name, parts, max(wantParts, 1))
		}
		if !slices.EqualFunc(got, want[1:], slices.Equal) {
			t.Errorf("%s: rows across parts differ from the single sheet", def.name)
		}
	}
	if !slices.Contains(list, "summary (4)") {
		t.Errorf("sheets = %v, want summary split into 4 parts", list)
	}
}

func TestTruncateUTF16(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 5, "abc"},
		{"abcdef", 3, "abc"},
		{"预算报告", 2, "预算"},
		{"a😀b", 2, "a"}, // the emoji is two units: not split
		{"a😀b", 3, "a😀"},
		{"", 0, ""},
	}
	for _, tt := range tests {
		if got := truncateUTF16(tt.in, tt.n); got != tt.want {
			t.Errorf("truncateUTF16(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestXLSXOpensInLibreOffice converts the workbook to CSV with LibreOffice,
// when it is installed, to be sure a real spreadsheet program opens it.
func TestXLSXOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil || testing.Short() {
		t.Skip("soffice not installed or -short")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(in, writeSampleWorkbook(t, 0), 0o644); err != nil {
		t.Fatal(err)
	}
	// Filter options: comma, quote, UTF-8, line 1, …, cells as shown (so the
	// money format shows), …, sheet -1 = every sheet to its own file.
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
		"--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "book-summary.csv"))
	if err != nil {
		entries, _ := os.ReadDir(dir)
		t.Fatalf("%v; dir has %v", err, entries)
	}
	// LibreOffice renders the money format: 4547000 → 4,547,000.00.
	if !strings.Contains(string(b), "summary.revenue.total") || !strings.Contains(string(b), "4,547,000.00") {
		t.Errorf("summary.csv from LibreOffice lacks the revenue total:\n%s", b)
	}
}
