package schema

import (
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
)

func TestColumnDocs(t *testing.T) {
	for id := range numTabSheets {
		infos, err := columnInfos(id)
		if err != nil {
			t.Fatal(err)
		}
		// Chinese headers must be unique within a sheet, or the workbook and
		// the views would have two columns of one name.
		seen := map[string]string{}
		for _, c := range infos {
			if c.desc == "" {
				t.Errorf("sheet %s column %s: no description", tabSheets[id].name, c.name)
			}
			if other, ok := seen[c.header()]; ok {
				t.Errorf("sheet %s: columns %s and %s share the header %s", tabSheets[id].name, other, c.name, c.header())
			}
			seen[c.header()] = c.name
		}
		if sheetZH[id] == "" {
			t.Errorf("sheet %s has no Chinese name", tabSheets[id].name)
		}
	}
	for _, tc := range []struct{ path, want string }{
		{"summary.revenue.total", "收入 › 本年收入合计"},
		{"three_public.vehicles", "三公经费 › 公务用车购置及运行费"},
		{"operating_expenses", "机关运行经费"},
		{"no.such", "no.such"},
	} {
		if got := fieldLabelZH(tc.path); got != tc.want {
			t.Errorf("fieldLabelZH(%s) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// writeSampleSQLite writes sampleDocs and one failed file to a database.
func writeSampleSQLite(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.sqlite")
	w, err := NewSQLiteWriter(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range sampleDocs() {
		if err := w.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.AddError("samples/bad.pdf", "pdf", "extract pdf: encrypted"); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Add(sampleDocs()[0]); err != ErrWriterClosed {
		t.Errorf("Add after Close = %v, want ErrWriterClosed", err)
	}
	return path
}

func TestSQLiteWriter(t *testing.T) {
	path := writeSampleSQLite(t)
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	// Same number of rows as the workbook's sheets.
	want := map[string]int{
		"documents": 2, "summary": 12, "three_public": 5, "sections": 2, "indicators": 2,
		"assets": 2, "tables": 2, "line_items": 2, "findings": 3, "errors": 1,
	}
	for table, n := range want {
		var got int
		if err := db.QueryRow(`SELECT count(*) FROM ` + quoteIdent(table)).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != n {
			t.Errorf("%s: %d rows, want %d", table, got, n)
		}
	}

	// Amounts: a number and the exact text; the document id ties tables.
	var yuan float64
	var exact string
	var issuer sql.NullString
	err = db.QueryRow(`SELECT s.yuan, s.yuan_exact, d.issuer FROM summary s JOIN documents d ON d.id = s.document_id
		WHERE d.document = 'samples/b.txt' AND s.field = 'summary.revenue.total'`).Scan(&yuan, &exact, &issuer)
	if err != nil {
		t.Fatal(err)
	}
	if yuan != 1234567.89 || exact != "1234567.89" {
		t.Errorf("revenue total = %v / %q, want 1234567.89 both ways", yuan, exact)
	}
	var docExact string
	if err := db.QueryRow(`SELECT revenue_total_exact FROM documents WHERE document = 'samples/b.txt'`).Scan(&docExact); err != nil {
		t.Fatal(err)
	}
	if docExact != "1234567.89" {
		t.Errorf("documents.revenue_total_exact = %q", docExact)
	}

	// Types as declared.
	var typ string
	if err := db.QueryRow(`SELECT typeof(fiscal_year) FROM documents WHERE fiscal_year IS NOT NULL LIMIT 1`).Scan(&typ); err != nil || typ != "integer" {
		t.Errorf("typeof(fiscal_year) = %q, %v", typ, err)
	}

	// The fields table documents every column of every table, in Chinese.
	rows, err := db.Query(`SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sections_fts%' AND m.name NOT LIKE 'sqlite_%' AND m.name != 'fields'`)
	if err != nil {
		t.Fatal(err)
	}
	var cols [][2]string
	for rows.Next() {
		var c [2]string
		if err := rows.Scan(&c[0], &c[1]); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, c)
	}
	rows.Close()
	if len(cols) < 80 {
		t.Fatalf("only %d columns found", len(cols))
	}
	for _, c := range cols {
		var zh string
		if err := db.QueryRow(`SELECT "中文名" FROM fields WHERE table_name = ? AND column_name = ?`, c[0], c[1]).Scan(&zh); err != nil || zh == "" {
			t.Errorf("fields: %s.%s: %q, %v", c[0], c[1], zh, err)
		}
	}
	var unit string
	if err := db.QueryRow(`SELECT "单位" FROM fields WHERE table_name = 'documents' AND column_name = 'revenue_total'`).Scan(&unit); err != nil || unit != "元" {
		t.Errorf("unit of documents.revenue_total = %q, %v", unit, err)
	}

	// The Chinese views.
	var wan float64
	if err := db.QueryRow(`SELECT "本年收入合计（万元）" FROM "文件" WHERE "文件" = 'samples/b.txt'`).Scan(&wan); err != nil || wan != 123.456789 {
		t.Errorf("view 文件: 本年收入合计（万元） = %v, %v", wan, err)
	}

	// Full-text search over the sections.
	var heading string
	if err := db.QueryRow(`SELECT s.heading FROM sections_fts f JOIN sections s ON s.id = f.rowid WHERE sections_fts MATCH ?`,
		firstRunes(sampleDocs()[0].Sections[0].Text, 4)).Scan(&heading); err != nil {
		t.Errorf("full-text search: %v", err)
	} else if heading != sampleDocs()[0].Sections[0].Heading {
		t.Errorf("full-text search found %q", heading)
	}
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

func TestSQLiteRefusesExisting(t *testing.T) {
	path := writeSampleSQLite(t)
	if _, err := NewSQLiteWriter(path); err == nil {
		t.Fatal("NewSQLiteWriter on an existing database: no error")
	}
}

func TestFieldsZH(t *testing.T) {
	f := Fields(LabelsZH)
	i := slices.IndexFunc(f, func(r FieldRow) bool { return r.Table == "文件" && r.Column == "本年收入合计（万元）" })
	if i < 0 {
		t.Fatalf("no 文件/本年收入合计（万元） in %v", f[:30])
	}
	if f[i].Unit != "万元" || f[i].Desc == "" {
		t.Errorf("row = %+v", f[i])
	}
}

func TestSQLiteViewsTranslateCodes(t *testing.T) {
	db, err := sql.Open("sqlite", "file:"+writeSampleSQLite(t)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var kind, sev string
	if err := db.QueryRow(`SELECT "类型" FROM "文件" WHERE "文件" = 'samples/b.txt'`).Scan(&kind); err != nil || kind != "决算" {
		t.Errorf("文件.类型 = %q, %v; want 决算", kind, err)
	}
	if err := db.QueryRow(`SELECT "严重程度" FROM "检查发现" WHERE "规则" = 'summary.revenue_total_equals_parts'`).Scan(&sev); err != nil || sev != "错误" {
		t.Errorf("检查发现.严重程度 = %q, %v; want 错误", sev, err)
	}
}
