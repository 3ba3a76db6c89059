package schema

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/yusuan/yusuan/decimal"

	_ "modernc.org/sqlite" // pure-Go SQLite driver "sqlite", with FTS5
)

// SQLiteWriter writes documents into one SQLite database: a table per sheet
// of the XLSX output (documents, summary, three_public, sections,
// indicators, assets, tables, line_items, findings, errors) with typed
// columns, documents.id as the key every other table refers to through
// document_id, indexes on the columns people filter by, a fields table (the
// data dictionary, with Chinese names), one view per table with Chinese
// column names, and sections_fts, a full-text index (FTS5, trigram
// tokenizer, which suits Chinese: any run of three or more characters is
// found) over section headings and texts.
//
// Amounts are stored twice: a REAL column for arithmetic and sorting, and
// the exact decimal as TEXT in a column ending in _exact (yuan_exact,
// revenue_total_exact); the fields table says which is which. Empty text is
// stored as NULL, so "not stated" is IS NULL while 0 stays 0.
//
// Everything is written in one transaction; the file at path is meant to be
// a temporary name the caller renames into place after Close.
type SQLiteWriter struct {
	db     *sql.DB
	tx     *sql.Tx
	tables [numTabSheets]*sqliteTable
	docID  int64 // documents.id of the document being added
	closed bool
}

// sqliteTable is the SQL form of one sheet.
type sqliteTable struct {
	id   tabSheet
	name string
	cols []sqliteColumn
	ins  *sql.Stmt
}

// sqliteColumn is one column of a table; src is the index of the sheet cell
// it is filled from (-1: the document id or a primary key), exact whether it
// holds the exact text of the decimal in cell src.
type sqliteColumn struct {
	columnInfo
	src   int
	exact bool
}

// sqliteName renames sheet columns whose names are SQL keywords.
var sqliteName = map[string]string{"table": "table_index"}

// NewSQLiteWriter creates the database at path, which must not exist or be
// empty.
func NewSQLiteWriter(path string) (*SQLiteWriter, error) {
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		return nil, fmt.Errorf("sqlite: %s already exists", path)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)")
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	db.SetMaxOpenConns(1)
	w := &SQLiteWriter{db: db}
	if err := w.init(); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	return w, nil
}

func (w *SQLiteWriter) init() error {
	ctx := context.Background()
	var ddl []string
	for id := range numTabSheets {
		t := newSQLiteTable(id)
		w.tables[id] = t
		ddl = append(ddl, t.createSQL()...)
	}
	ddl = append(ddl, sqliteFieldsDDL, sqliteFTSDDL)
	for _, s := range ddl {
		if _, err := w.db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%w\n%s", err, s)
		}
	}
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	w.tx = tx
	for _, t := range w.tables {
		if t.ins, err = tx.Prepare(t.insertSQL()); err != nil {
			return err
		}
	}
	return nil
}

func newSQLiteTable(id tabSheet) *sqliteTable {
	t := &sqliteTable{id: id, name: tabSheets[id].name}
	key := columnInfo{name: "id", zh: "编号", desc: "本表的行号（主键）。", sql: sqlInteger}
	if id == tabDocuments {
		key.desc = "文件编号（主键）；其他各表的 document_id 指向它。"
	}
	t.cols = append(t.cols, sqliteColumn{columnInfo: key, src: -1})
	if id != tabDocuments && id != tabErrors {
		ref := columnInfo{name: "document_id", zh: "文件编号", desc: "所属文件，documents.id。", sql: sqlInteger}
		t.cols = append(t.cols, sqliteColumn{columnInfo: ref, src: -1})
	}
	for i, c := range mustColumnInfos(id) {
		if n, ok := sqliteName[c.name]; ok {
			c.name = n
		}
		c.wan = false // the database keeps 元; the Chinese views convert
		t.cols = append(t.cols, sqliteColumn{columnInfo: c, src: i})
		if c.sql == sqlReal && c.unit == "元" && id == tabDocuments {
			ex := columnInfo{name: c.name + "_exact", zh: c.zh + "（元，精确值）", unit: "元", sql: sqlText,
				desc: c.name + " 的精确十进制文本，不经浮点。"}
			t.cols = append(t.cols, sqliteColumn{columnInfo: ex, src: i, exact: true})
		}
	}
	return t
}

// sqliteIndexes are the indexed columns of each table besides document_id.
var sqliteIndexes = map[tabSheet][]string{
	tabDocuments:   {"issuer, fiscal_year", "fiscal_year", "sha256", "disclosure_id"},
	tabSummary:     {"field"},
	tabThreePublic: {"field"},
	tabSections:    {"key"},
	tabLineItems:   {"code", "kind"},
	tabTables:      {"kind"},
	tabFindings:    {"severity", "rule"},
	tabErrors:      {"document"},
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// createSQL returns the statements that create the table, its indexes and
// its Chinese view.
func (t *sqliteTable) createSQL() []string {
	var defs, view []string
	for _, c := range t.cols {
		d := quoteIdent(c.name) + " " + c.sql
		switch c.name {
		case "id":
			d += " PRIMARY KEY"
		case "document_id":
			d += " NOT NULL REFERENCES documents(id)"
		}
		defs = append(defs, d)
		expr, head := quoteIdent(c.name), c.header()
		if t.id == tabDocuments && c.sql == sqlReal && c.unit == "元" {
			expr = "round(" + expr + " / 10000.0, 6)"
			head = c.zh + "（万元）"
		}
		if zh := valuesZH[c.name]; zh != nil {
			expr = caseZH(expr, zh)
		}
		view = append(view, expr+" AS "+quoteIdent(head))
	}
	out := []string{"CREATE TABLE " + quoteIdent(t.name) + " (\n  " + strings.Join(defs, ",\n  ") + "\n)"}
	if t.id != tabDocuments && t.id != tabErrors {
		out = append(out, fmt.Sprintf("CREATE INDEX %s ON %s(document_id)", quoteIdent(t.name+"_document_id"), quoteIdent(t.name)))
	}
	for _, ix := range sqliteIndexes[t.id] {
		name := t.name + "_" + strings.NewReplacer(", ", "_").Replace(ix)
		out = append(out, fmt.Sprintf("CREATE INDEX %s ON %s(%s)", quoteIdent(name), quoteIdent(t.name), ix))
	}
	out = append(out, "CREATE VIEW "+quoteIdent(sheetZH[t.id])+" AS SELECT "+strings.Join(view, ", ")+" FROM "+quoteIdent(t.name))
	return out
}

// caseZH translates the coded values of expr for a Chinese view.
func caseZH(expr string, zh map[string]string) string {
	codes := slices.Sorted(maps.Keys(zh))
	var b strings.Builder
	b.WriteString("CASE " + expr)
	for _, c := range codes {
		fmt.Fprintf(&b, " WHEN %s THEN %s", quoteString(c), quoteString(zh[c]))
	}
	b.WriteString(" ELSE " + expr + " END")
	return b.String()
}

func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func (t *sqliteTable) insertSQL() string {
	names := make([]string, len(t.cols))
	marks := make([]string, len(t.cols))
	for i, c := range t.cols {
		names[i], marks[i] = quoteIdent(c.name), "?"
	}
	return "INSERT INTO " + quoteIdent(t.name) + " (" + strings.Join(names, ", ") + ") VALUES (" + strings.Join(marks, ", ") + ")"
}

const sqliteFieldsDDL = `CREATE TABLE fields (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  "中文名" TEXT NOT NULL,
  "说明" TEXT,
  "单位" TEXT,
  sql_type TEXT NOT NULL,
  PRIMARY KEY (table_name, column_name)
)`

// sqliteFTSDDL indexes sections (heading, text) for full-text search; the
// index is filled at Close ('rebuild').
const sqliteFTSDDL = `CREATE VIRTUAL TABLE sections_fts USING fts5(heading, text, content='sections', content_rowid='id', tokenize='trigram')`

// Add inserts doc's rows into every table.
func (w *SQLiteWriter) Add(doc *Document) error {
	if w.closed {
		return ErrWriterClosed
	}
	if err := emitDocument(doc, w.writeRow); err != nil {
		if doc != nil {
			return fmt.Errorf("sqlite: %s: %w", doc.Source.Path, err)
		}
		return fmt.Errorf("sqlite: %w", err)
	}
	return nil
}

// AddError records a file that could not be converted in the errors table.
func (w *SQLiteWriter) AddError(path, format, reason string) error {
	if w.closed {
		return ErrWriterClosed
	}
	if err := emitErrorRow(path, format, reason, w.writeRow); err != nil {
		return fmt.Errorf("sqlite: %s: %w", path, err)
	}
	return nil
}

func (w *SQLiteWriter) writeRow(id tabSheet, row []any) error {
	t := w.tables[id]
	if len(row) != len(tabSheets[id].cols) {
		return fmt.Errorf("table %s: row of %d cells, want %d", t.name, len(row), len(tabSheets[id].cols))
	}
	args := make([]any, len(t.cols))
	for i, c := range t.cols {
		switch {
		case c.name == "id":
			args[i] = nil // rowid
		case c.name == "document_id":
			args[i] = w.docID
		default:
			v, err := sqliteValue(row[c.src], c)
			if err != nil {
				return fmt.Errorf("table %s column %s: %w", t.name, c.name, err)
			}
			args[i] = v
		}
	}
	res, err := t.ins.Exec(args...)
	if err != nil {
		return fmt.Errorf("table %s: %w", t.name, err)
	}
	if id == tabDocuments {
		if w.docID, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	return nil
}

// sqliteValue turns a tabular cell into the value stored in column c.
func sqliteValue(v any, c sqliteColumn) (any, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		if v == "" {
			return nil, nil
		}
		return v, nil
	case int:
		return int64(v), nil
	case bool:
		if v {
			return int64(1), nil
		}
		return int64(0), nil
	case decimal.Decimal:
		if c.exact || c.sql == sqlText {
			return v.String(), nil
		}
		return v.Float64(), nil
	}
	return nil, fmt.Errorf("unexpected cell type %T", v)
}

// Close fills the fields table and the full-text index, commits, and
// closes the database.
func (w *SQLiteWriter) Close() error {
	if w.closed {
		return ErrWriterClosed
	}
	w.closed = true
	err := w.finish()
	if err != nil && w.tx != nil {
		_ = w.tx.Rollback()
	}
	if cerr := w.db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	return nil
}

func (w *SQLiteWriter) finish() error {
	var errs []error
	for _, t := range w.tables {
		if t != nil && t.ins != nil {
			errs = append(errs, t.ins.Close())
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	ins, err := w.tx.Prepare(`INSERT INTO fields VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	for _, t := range w.tables {
		for _, c := range t.cols {
			if _, err := ins.Exec(t.name, c.name, c.zh, nullIfEmpty(c.desc), nullIfEmpty(c.unit), c.sql); err != nil {
				ins.Close()
				return err
			}
		}
	}
	if err := ins.Close(); err != nil {
		return err
	}
	if _, err := w.tx.Exec(`INSERT INTO sections_fts(sections_fts) VALUES ('rebuild')`); err != nil {
		return fmt.Errorf("full-text index: %w", err)
	}
	if err := w.tx.Commit(); err != nil {
		return err
	}
	w.tx = nil
	_, err = w.db.Exec(`PRAGMA optimize`)
	return err
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
