package schema

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strconv"
)

// utf8BOM makes Excel and WPS read the files as UTF-8 rather than the
// system code page (GBK on Chinese Windows).
const utf8BOM = "\uFEFF"

// CSVWriter writes documents as one CSV file per sheet of the XLSX output
// (documents.csv, summary.csv, …), same columns, UTF-8 with a BOM, CRLF line
// ends. Rows are written as documents are added, so memory stays flat.
// Amounts are written exactly (the decimal's text; no float step). Files are
// written under temporary names and renamed into place by Close, so a reader
// never sees a half-written set.
type CSVWriter struct {
	dir    string
	files  [numTabSheets]*csvFile
	fields *csvFile // 字段说明.csv, Chinese labels only
	labels Labels
	closed bool
}

type csvFile struct {
	f     *os.File
	bw    *bufio.Writer
	cw    *csv.Writer
	final string
}

// NewCSVWriter starts writing CSV files into dir, creating it if needed,
// with the English keys as file and column names (LabelsEN).
func NewCSVWriter(dir string) (*CSVWriter, error) {
	return NewCSVWriterLabels(dir, LabelsEN)
}

// NewCSVWriterLabels is NewCSVWriter with names in labels: with LabelsZH
// the files and headers are Chinese as in the workbook (文件.csv, …), with
// 字段说明.csv beside them.
func NewCSVWriterLabels(dir string, labels Labels) (*CSVWriter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("csv: %w", err)
	}
	c := &CSVWriter{dir: dir, labels: labels}
	for i := range tabSheets {
		name, header := sheetLabels(tabSheet(i), labels)
		cf, err := c.create(name, header)
		if err != nil {
			return nil, err
		}
		c.files[i] = cf
	}
	if labels == LabelsZH {
		cf, err := c.create(FieldsSheetZH, []string{"表", "列", "中文名", "说明", "单位"})
		if err != nil {
			return nil, err
		}
		c.fields = cf
		for _, f := range Fields(LabelsZH) {
			if err := cf.cw.Write([]string{f.Table, f.Column, f.ZH, f.Desc, f.Unit}); err != nil {
				c.discard()
				return nil, fmt.Errorf("csv: %w", err)
			}
		}
	}
	return c, nil
}

// create starts the temporary file of name.csv with its header.
func (c *CSVWriter) create(name string, header []string) (*csvFile, error) {
	f, err := os.CreateTemp(c.dir, "."+name+".csv.*.tmp")
	if err != nil {
		c.discard()
		return nil, fmt.Errorf("csv: %w", err)
	}
	if err := f.Chmod(0o644); err != nil { // CreateTemp makes it private; the files are for sharing
		_ = f.Close()
		_ = os.Remove(f.Name())
		c.discard()
		return nil, fmt.Errorf("csv: %w", err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	cf := &csvFile{f: f, bw: bw, cw: csv.NewWriter(bw), final: filepath.Join(c.dir, name+".csv")}
	cf.cw.UseCRLF = true
	_, _ = bw.WriteString(utf8BOM)
	if err := cf.cw.Write(header); err != nil {
		_ = f.Close()
		_ = os.Remove(f.Name())
		c.discard()
		return nil, fmt.Errorf("csv: %s: %w", name, err)
	}
	return cf, nil
}

// all returns every open file.
func (c *CSVWriter) all() []*csvFile {
	out := make([]*csvFile, 0, len(c.files)+1)
	for _, cf := range c.files {
		if cf != nil {
			out = append(out, cf)
		}
	}
	if c.fields != nil {
		out = append(out, c.fields)
	}
	return out
}

// Add appends doc's rows to every file.
func (c *CSVWriter) Add(doc *Document) error {
	if c.closed {
		return ErrWriterClosed
	}
	if err := emitDocument(doc, c.writeRow); err != nil {
		if doc != nil {
			return fmt.Errorf("csv: %s: %w", doc.Source.Path, err)
		}
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// AddError records a file that could not be converted in errors.csv.
func (c *CSVWriter) AddError(path, format, reason string) error {
	if c.closed {
		return ErrWriterClosed
	}
	if err := emitErrorRow(path, format, reason, c.writeRow); err != nil {
		return fmt.Errorf("csv: %s: %w", path, err)
	}
	return nil
}

func (c *CSVWriter) writeRow(id tabSheet, row []any) error {
	def := &tabSheets[id]
	if len(row) != len(def.cols) {
		return fmt.Errorf("sheet %s: row of %d cells, want %d", def.name, len(row), len(def.cols))
	}
	if c.labels == LabelsZH {
		row = localizeRow(id, row)
	}
	rec := make([]string, len(row))
	for i, v := range row {
		switch v := v.(type) {
		case nil:
		case string:
			rec[i] = v
		case int:
			rec[i] = strconv.Itoa(v)
		case bool:
			rec[i] = strconv.FormatBool(v)
		default:
			d, ok := decimalCell(v)
			if !ok {
				return fmt.Errorf("sheet %s column %s: unexpected cell type %T", def.name, def.cols[i].name, v)
			}
			rec[i] = d.String()
		}
	}
	return c.files[id].cw.Write(rec)
}

// Close flushes every file and renames it into place. On error no file is
// renamed and the temporary files are removed.
func (c *CSVWriter) Close() error {
	if c.closed {
		return ErrWriterClosed
	}
	c.closed = true
	var errs []error
	for _, cf := range c.all() {
		cf.cw.Flush()
		errs = append(errs, cf.cw.Error(), cf.bw.Flush(), cf.f.Close())
	}
	if err := errors.Join(errs...); err != nil {
		c.discard()
		return fmt.Errorf("csv: %w", err)
	}
	for _, cf := range c.all() {
		if err := os.Rename(cf.f.Name(), cf.final); err != nil {
			c.discard()
			return fmt.Errorf("csv: %w", err)
		}
	}
	return nil
}

// discard closes and removes whatever temporary files remain.
func (c *CSVWriter) discard() {
	for _, cf := range c.all() {
		_ = cf.f.Close()
		_ = os.Remove(cf.f.Name())
	}
}

// WriteCSV writes docs into dir as CSVWriter does.
func WriteCSV(dir string, docs iter.Seq[*Document]) error {
	c, err := NewCSVWriter(dir)
	if err != nil {
		return err
	}
	for d := range docs {
		if err := c.Add(d); err != nil {
			c.closed = true
			c.discard()
			return err
		}
	}
	return c.Close()
}
