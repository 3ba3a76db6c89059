package schema

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// ErrWriterClosed is returned by Add and AddError after Close.
var ErrWriterClosed = errors.New("schema: writer closed")

// maxCellChars is Excel's limit on the text in one cell, in UTF-16 units.
const maxCellChars = excelize.TotalCellChars

// XLSXWriter writes documents to one workbook, one sheet per entity (see
// tabSheets in xlsx_rows.go), streaming so that memory stays flat however
// many documents are added.
//
// Design. excelize's StreamWriter must receive a sheet's rows in ascending
// order, but it keeps its state per sheet: File.streams maps each sheet's
// XML part to its own StreamWriter with its own buffer, and nothing stops
// several being open at once (checked in excelize v2.11.1 stream.go and
// file.go). So the writer opens one StreamWriter per sheet up front and
// appends each document's rows to every sheet as it arrives; no row is kept
// after it is written. Each StreamWriter buffers up to StreamChunkSize
// (16 MiB) in memory and then spills to a temp file, and strings are written
// inline (no shared-string table grows), so memory is bounded by about
// 16 MiB per sheet whatever the number of documents; File.Write copies the
// spilled parts into the zip and File.Close removes the temp files.
// Spilling each sheet to our own temp file and replaying it at Close would
// not lower that bound, since the replay goes through the same buffers.
//
// A sheet that reaches Excel's row limit (1,048,576) continues on a new
// sheet named "line_items (2)" and so on, added at the end of the workbook.
type XLSXWriter struct {
	w       io.Writer
	f       *excelize.File
	sheets  [numTabSheets]*xlsxSheet
	bold    int // style of header cells
	money   int // style of money cells: #,##0.00
	maxRows int // rows per sheet, header included; Excel's limit unless a test lowers it
	labels  Labels
	closed  bool
}

type xlsxSheet struct {
	def  *tabSheetDef
	name string   // the sheet's name in the chosen labels
	head []string // the header row
	sw   *excelize.StreamWriter
	row  int // rows written to the current part, header included
	part int // 1 for the first sheet, 2 for "name (2)", …
}

// NewXLSXWriter starts a workbook that Close will write to w, with the
// English keys as sheet and column names (LabelsEN).
func NewXLSXWriter(w io.Writer) (*XLSXWriter, error) { return NewXLSXWriterLabels(w, "", LabelsEN) }

// NewXLSXWriterIn is NewXLSXWriter with the sheets that outgrow memory
// spilled into tmpDir ("" is the system's temporary directory), so that a
// caller can put them where it cleans up after a killed run.
func NewXLSXWriterIn(w io.Writer, tmpDir string) (*XLSXWriter, error) {
	return NewXLSXWriterLabels(w, tmpDir, LabelsEN)
}

// NewXLSXWriterLabels is NewXLSXWriterIn with names in labels: with
// LabelsZH the sheets and headers are Chinese, coded values are
// translated, the documents sheet gives its amounts in 万元, and a 字段说明
// sheet documents every column.
func NewXLSXWriterLabels(w io.Writer, tmpDir string, labels Labels) (*XLSXWriter, error) {
	if labels == "" {
		labels = LabelsEN
	}
	x := &XLSXWriter{w: w, f: excelize.NewFile(excelize.Options{TmpDir: tmpDir}), maxRows: excelize.TotalRows, labels: labels}
	if err := x.init(); err != nil {
		_ = x.f.Close()
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	return x, nil
}

func (x *XLSXWriter) init() error {
	var err error
	if x.bold, err = x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return err
	}
	if x.money, err = x.f.NewStyle(&excelize.Style{NumFmt: 4}); err != nil { // #,##0.00
		return err
	}
	first := x.f.GetSheetName(0)
	for i := range x.sheets {
		def := &tabSheets[i]
		name, head := sheetLabels(tabSheet(i), x.labels)
		if i == 0 {
			if err := x.f.SetSheetName(first, name); err != nil {
				return err
			}
		} else if _, err := x.f.NewSheet(name); err != nil {
			return err
		}
		s := &xlsxSheet{def: def, name: name, head: head, part: 1}
		if err := x.openSheet(s, name); err != nil {
			return err
		}
		x.sheets[i] = s
	}
	if x.labels == LabelsZH {
		if err := x.writeFieldsSheet(); err != nil {
			return err
		}
	}
	x.f.SetActiveSheet(0)
	return nil
}

// openSheet starts streaming sheet name: column widths, frozen header row,
// and the bold header.
func (x *XLSXWriter) openSheet(s *xlsxSheet, name string) error {
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, c := range s.def.cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := make([]any, len(s.head))
	for i, h := range s.head {
		header[i] = excelize.Cell{StyleID: x.bold, Value: h}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	s.sw, s.row = sw, 1
	return nil
}

// Add appends doc's rows to every sheet.
func (x *XLSXWriter) Add(doc *Document) error {
	if x.closed {
		return ErrWriterClosed
	}
	if err := emitDocument(doc, x.writeRow); err != nil {
		if doc != nil {
			return fmt.Errorf("xlsx: %s: %w", doc.Source.Path, err)
		}
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// AddError records a file that could not be converted on the errors sheet.
func (x *XLSXWriter) AddError(path, format, reason string) error {
	if x.closed {
		return ErrWriterClosed
	}
	if err := emitErrorRow(path, format, reason, x.writeRow); err != nil {
		return fmt.Errorf("xlsx: %s: %w", path, err)
	}
	return nil
}

// writeRow turns tabular cells into excelize cells and streams them.
func (x *XLSXWriter) writeRow(id tabSheet, row []any) error {
	s := x.sheets[id]
	if len(row) != len(s.def.cols) {
		return fmt.Errorf("sheet %s: row of %d cells, want %d", s.def.name, len(row), len(s.def.cols))
	}
	if x.labels == LabelsZH {
		row = localizeRow(id, row)
	}
	if s.row >= x.maxRows {
		if err := s.sw.Flush(); err != nil {
			return err
		}
		s.part++
		name := fmt.Sprintf("%s (%d)", s.name, s.part)
		if _, err := x.f.NewSheet(name); err != nil {
			return err
		}
		if err := x.openSheet(s, name); err != nil {
			return err
		}
	}
	cells := make([]any, len(row))
	for i, v := range row {
		switch v := v.(type) {
		case nil:
		case string:
			if v != "" {
				cells[i] = truncateUTF16(v, maxCellChars)
			}
		case int, bool:
			cells[i] = v
		default:
			d, ok := decimalCell(v)
			if !ok {
				return fmt.Errorf("sheet %s column %s: unexpected cell type %T", s.def.name, s.def.cols[i].name, v)
			}
			if s.def.cols[i].money {
				cells[i] = excelize.Cell{StyleID: x.money, Value: d.Float64()}
			} else {
				cells[i] = d.Float64()
			}
		}
	}
	s.row++
	cell, err := excelize.CoordinatesToCellName(1, s.row)
	if err != nil {
		return err
	}
	return s.sw.SetRow(cell, cells)
}

// Close finishes every sheet and writes the workbook to the writer given
// to NewXLSXWriter. It removes excelize's temp files whatever happens.
func (x *XLSXWriter) Close() error {
	if x.closed {
		return ErrWriterClosed
	}
	x.closed = true
	err := x.finish()
	if cerr := x.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

func (x *XLSXWriter) finish() error {
	for _, s := range x.sheets {
		if s == nil {
			continue
		}
		if err := s.sw.Flush(); err != nil {
			return fmt.Errorf("sheet %s: %w", s.def.name, err)
		}
	}
	return x.f.Write(x.w)
}

// truncateUTF16 cuts s to at most n UTF-16 code units (Excel's measure of a
// cell's length) without splitting a character.
func truncateUTF16(s string, n int) string {
	if len(s) <= n { // bytes ≥ UTF-16 units, so it fits
		return s
	}
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return s[:i]
		}
	}
	return s
}
