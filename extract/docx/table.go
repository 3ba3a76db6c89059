package docx

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

// rawCell is a w:tc as read, before the grid is laid out.
type rawCell struct {
	text    strings.Builder
	span    int
	vMerge  string // "", "restart" or "continue"
	hasVMer bool
}

type rawRow struct {
	before int
	cells  []*rawCell
}

// tableBuilder gathers the rows of one top-level table.
type tableBuilder struct {
	line int
	rows []*rawRow
	row  *rawRow
	cell *rawCell
}

func (w *walker) startTable(t xml.StartElement) error {
	switch t.Name.Local {
	case "tbl":
		if w.table == nil && w.paraDepth == 0 {
			w.top++
			w.table = &tableBuilder{line: w.top}
			return nil
		}
		// A table in a cell or a text box: its text joins the enclosing text.
		w.flat++
		if b := w.target(); b != nil && b.Len() > 0 {
			b.WriteByte('\n')
		}
		return nil
	}
	tb := w.table
	if tb == nil || w.flat > 0 {
		if t.Name.Local == "tc" {
			if b := w.target(); b != nil && b.Len() > 0 {
				b.WriteByte(' ')
			}
		}
		return nil
	}
	switch t.Name.Local {
	case "tr":
		tb.row = &rawRow{}
	case "gridBefore":
		if tb.row != nil && tb.cell == nil {
			tb.row.before = spanValue(attr(t, "val"))
		}
	case "tc":
		if tb.row == nil {
			tb.row = &rawRow{}
		}
		tb.cell = &rawCell{span: 1}
	case "gridSpan":
		if tb.cell != nil {
			tb.cell.span = max(spanValue(attr(t, "val")), 1)
		}
	case "vMerge":
		if tb.cell != nil {
			tb.cell.hasVMer = true
			tb.cell.vMerge = attr(t, "val")
		}
	}
	return nil
}

// spanValue reads a count, clamped to the column limit.
func spanValue(v string) int {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0
	}
	return min(n, MaxCols+1)
}

func (w *walker) endTable(local string) error {
	tb := w.table
	if tb == nil {
		return nil
	}
	if w.flat > 0 {
		if local == "tbl" {
			w.flat--
		}
		return nil
	}
	switch local {
	case "tc":
		if tb.row != nil && tb.cell != nil {
			w.cells++
			if w.cells > MaxCells {
				return fmt.Errorf("%w: more than %d table cells", extract.ErrLimit, MaxCells)
			}
			tb.row.cells = append(tb.row.cells, tb.cell)
		}
		tb.cell = nil
	case "tr":
		if tb.row != nil {
			tb.rows = append(tb.rows, tb.row)
		}
		tb.row = nil
	case "tbl":
		w.table = nil
		t, err := tb.grid(w.tables)
		if err != nil {
			return err
		}
		if t == nil {
			return nil
		}
		if len(w.doc.Blocks) >= MaxBlocks {
			return fmt.Errorf("%w: more than %d paragraphs and tables", extract.ErrLimit, MaxBlocks)
		}
		w.tables++
		captionRows(t, w.tables-1, tb.line)
		w.captionAbove(t)
		detectHeader(t)
		extract.MarkRowNumberCols(t)
		w.doc.Blocks = append(w.doc.Blocks, extract.Block{Kind: extract.KindTable, Table: t, At: prov.At{Line: tb.line}})
	}
	return nil
}

// grid lays the rows out: column spans cover the positions to their
// right, a vMerge continuation covers its position and lengthens the span
// of the cell that restarted the merge above. A table without text is nil.
func (tb *tableBuilder) grid(index int) (*extract.Table, error) {
	width := 0
	for _, r := range tb.rows {
		n := r.before
		for _, c := range r.cells {
			n += max(c.span, 1)
		}
		if n > MaxCols {
			return nil, fmt.Errorf("%w: table row of %d columns, limit %d", extract.ErrLimit, n, MaxCols)
		}
		width = max(width, n)
	}
	if width == 0 {
		return nil, nil
	}
	at := prov.At{Line: tb.line}
	t := &extract.Table{Rows: make([][]extract.Cell, len(tb.rows)), ColumnNumberRow: -1}
	origin := make([]int, width) // row of the cell last started in each column, -1 none
	for i := range origin {
		origin[i] = -1
	}
	hasText := false
	for r, raw := range tb.rows {
		row := make([]extract.Cell, width)
		for c := range row {
			row[c].At = at.InTable(index, r, c)
		}
		col := raw.before
		for _, rc := range raw.cells {
			span := max(rc.span, 1)
			text := normalizeSpace(rc.text.String())
			hasText = hasText || text != ""
			if rc.hasVMer && rc.vMerge != "restart" && origin[col] >= 0 {
				top := &t.Rows[origin[col]][col]
				top.RowSpan = max(top.RowSpan, 1) + 1
				for c := col; c < col+span; c++ {
					row[c].Covered = true
				}
				col += span
				continue
			}
			row[col].Text = text
			if span > 1 {
				row[col].ColSpan = span
			}
			for c := col; c < col+span; c++ {
				origin[c] = -1
				if c > col {
					row[c].Covered = true
				}
			}
			origin[col] = r
			col += span
		}
		t.Rows[r] = row
	}
	if !hasText {
		return nil, nil
	}
	return t, nil
}

// detectHeader sets HeaderRows and ColumnNumberRow: the header is the
// rows before a 栏次 row or the first row holding a number, extended over
// header row spans.
func detectHeader(t *extract.Table) {
	t.ColumnNumberRow = -1
	h := 0
	for r, row := range t.Rows {
		if r <= 6 && extract.IsColumnNumberRow(row) {
			t.ColumnNumberRow = r
			h = r
			break
		}
		if extract.RowHasNumber(row) {
			h = r
			break
		}
	}
	if h > 0 && h < len(t.Rows) {
		t.HeaderRows = t.ExtendHeader(h)
	}
}

// captionAbove moves the short caption lines just before the table into
// t.Caption, and reads the unit from them.
func (w *walker) captionAbove(t *extract.Table) {
	n := len(t.Caption)
	w.doc.Blocks = extract.TakeCaption(w.doc.Blocks, t)
	for _, c := range t.Caption[:len(t.Caption)-n] {
		if u := extract.UnitIn(c); u != "" && t.Unit == "" {
			t.Unit = u
		}
	}
}

// captionRows moves leading rows that declare the unit and hold no figure
// ("截止时间：… | 单位：万元", typed in the table's first row) into the
// caption, and renumbers the provenance of the rows left.
func captionRows(t *extract.Table, index, line int) {
	moved := 0
	for moved < 2 && moved < len(t.Rows)-1 {
		row, unit := t.Rows[moved], ""
		for _, c := range row {
			if c.RowSpan > 1 || extract.IsNumericCell(c.Text) {
				return
			}
			if u := extract.UnitIn(c.Text); u != "" {
				unit = u
			}
		}
		if unit == "" {
			break
		}
		for _, c := range row {
			if !c.Covered && c.Text != "" {
				t.Caption = append(t.Caption, c.Text)
			}
		}
		if t.Unit == "" {
			t.Unit = unit
		}
		moved++
	}
	if moved == 0 {
		return
	}
	t.Rows = t.Rows[moved:]
	at := prov.At{Line: line}
	for r, row := range t.Rows {
		for c := range row {
			row[c].At = at.InTable(index, r, c)
		}
	}
}
