// Package prov holds provenance: where in a source file a block, cell or
// value came from. It is its own package because both the intermediate
// document (extract) and the output contract (schema) carry it, and neither
// should import the other for it.
package prov

import "fmt"

// At locates something in the source. Only the fields that make sense for
// the source format are set: Line for text, Page and BBox for PDF, Selector
// for HTML, Sheet and Cell for spreadsheets; Table, Row and Col (zero-based)
// add a position inside a table.
type At struct {
	Line     int         `json:"line,omitempty" zh:"行号" desc:"Line in a text file, 1-based."`
	EndLine  int         `json:"end_line,omitempty" zh:"结束行号" desc:"Last line, when the item spans several."`
	Page     int         `json:"page,omitempty" zh:"页码" desc:"Page of a PDF, 1-based."`
	BBox     *[4]float64 `json:"bbox,omitempty" zh:"边框" desc:"Bounding box on the PDF page: [x0, y0, x1, y1] in points, origin bottom-left."`
	Selector string      `json:"selector,omitempty" zh:"选择器" desc:"CSS selector of the element in an HTML file."`
	Sheet    string      `json:"sheet,omitempty" zh:"工作表" desc:"Sheet name in a spreadsheet."`
	Cell     string      `json:"cell,omitempty" zh:"单元格" desc:"Cell reference in a spreadsheet, e.g. C7."`
	Table    *int        `json:"table,omitempty" zh:"表序号" desc:"Index of the table in the document, 0-based."`
	Row      *int        `json:"row,omitempty" zh:"行序号" desc:"Row inside the table, 0-based."`
	Col      *int        `json:"col,omitempty" zh:"列序号" desc:"Column inside the table, 0-based."`
}

// IsZero reports whether nothing is known about the location.
func (a At) IsZero() bool {
	return a.Line == 0 && a.Page == 0 && a.BBox == nil && a.Selector == "" &&
		a.Sheet == "" && a.Cell == "" && a.Table == nil && a.Row == nil && a.Col == nil
}

// InTable returns a copy of a pointing at cell (row, col) of table t.
func (a At) InTable(t, row, col int) At {
	a.Table, a.Row, a.Col = &t, &row, &col
	return a
}

// String renders a short human form such as "line 23", "page 4 (72,540)-(300,552)",
// "sheet 表1 C7" or "div#content > p:nth-of-type(3)".
func (a At) String() string {
	s := ""
	switch {
	case a.Page > 0:
		s = fmt.Sprintf("page %d", a.Page)
		if a.BBox != nil {
			b := a.BBox
			s += fmt.Sprintf(" [%.0f,%.0f,%.0f,%.0f]", b[0], b[1], b[2], b[3])
		}
	case a.Line > 0:
		s = fmt.Sprintf("line %d", a.Line)
		if a.EndLine > a.Line {
			s += fmt.Sprintf("-%d", a.EndLine)
		}
	case a.Sheet != "":
		s = "sheet " + a.Sheet
		if a.Cell != "" {
			s += " " + a.Cell
		}
	case a.Selector != "":
		s = a.Selector
	}
	if a.Table != nil {
		s += fmt.Sprintf(" table %d", *a.Table+1)
		if a.Row != nil && a.Col != nil {
			s += fmt.Sprintf(" r%dc%d", *a.Row+1, *a.Col+1)
		}
	}
	return s
}
