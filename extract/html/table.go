package html

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

// Table limits: spans beyond these are clamped, grids beyond maxCells are
// cut (with a Problem) so a hostile colspan cannot allocate without bound.
const (
	maxColSpan = 1000
	maxRowSpan = 65534
	maxCols    = 1000
	maxCells   = 1 << 20
	// minCellBudget is the grid cells any page may produce; a larger page
	// may produce one per input byte. Spans cannot blow a small page up.
	minCellBudget = 1 << 16
	// A cell with more text than this marks its table as page layout.
	layoutCellWeight = 400
)

// isLayoutTable tells a table used for page layout (old portals wrap the
// whole page in them) from a data table: one that holds another table in
// a narrow or short grid, a single cell, or a cell with a long text.
func (pg *page) isLayoutTable(t *html.Node) bool {
	if v, ok := pg.layout[t]; ok {
		return v
	}
	v := pg.layoutTable(t)
	pg.layout[t] = v
	return v
}

func (pg *page) layoutTable(t *html.Node) bool {
	if pg.media[t]&hasTable == 0 && pg.weight[t] <= layoutCellWeight {
		// No nested table and no cell long enough: layout only if it is a
		// single cell.
		return singleCell(t, pg.drop)
	}
	rows := tableRows(t, pg.drop)
	cols, long, nested := 0, false, false
	for _, tr := range rows {
		nc := 0
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if !isCell(c) || pg.drop[c] {
				continue
			}
			nc++
			if pg.weight[c] > layoutCellWeight {
				long = true
			}
			if pg.media[c]&hasTable != 0 {
				nested = true
			}
		}
		cols = max(cols, nc)
	}
	switch {
	case len(rows) == 0:
		return true
	case len(rows) == 1 && cols <= 1:
		return true
	case nested && (cols <= 2 || len(rows) <= 2 || long):
		return true
	case long && cols <= 2:
		return true
	}
	return false
}

// singleCell reports a table of at most one row of at most one cell.
func singleCell(t *html.Node, drop map[*html.Node]bool) bool {
	rows, cells := 0, 0
	var count func(n *html.Node)
	count = func(n *html.Node) {
		for c := n.FirstChild; c != nil && rows <= 1 && cells <= 1; c = c.NextSibling {
			if c.Type != html.ElementNode || drop[c] {
				continue
			}
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				count(c)
			case atom.Tr:
				rows++
				for d := c.FirstChild; d != nil; d = d.NextSibling {
					if isCell(d) && !drop[d] {
						cells++
					}
				}
			}
		}
	}
	count(t)
	return rows <= 1 && cells <= 1
}

func isCell(n *html.Node) bool {
	return n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th)
}

// tableRows lists the rows of t itself (thead, tbody, tfoot and direct
// rows, not those of nested tables).
func tableRows(t *html.Node, drop map[*html.Node]bool) []*html.Node {
	var rows []*html.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || drop[c] {
			continue
		}
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr && !drop[r] {
					rows = append(rows, r)
				}
			}
		}
	}
	return rows
}

// srcRow is one <tr> with its path and section.
type srcRow struct {
	n     *html.Node
	p     *path
	thead bool
}

// table builds the grid of a data table and emits it as a block, taking
// the caption lines and unit printed just above it from the blocks already
// emitted.
func (w *walker) table(n *html.Node, p *path) {
	ti := w.tables
	w.tables++
	t := &extract.Table{ColumnNumberRow: -1}
	var rows []srcRow
	kids := childPaths(n, p)
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		cp := &kids[k]
		k++
		if w.pg.drop[c] {
			continue
		}
		switch c.DataAtom {
		case atom.Caption:
			if s := normalizeSpace(plainText(c, w.pg.drop)); s != "" {
				t.Caption = append(t.Caption, s)
			}
		case atom.Tr:
			rows = append(rows, srcRow{n: c, p: cp})
		case atom.Thead, atom.Tbody, atom.Tfoot:
			rk := childPaths(c, cp)
			j := 0
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type != html.ElementNode {
					continue
				}
				rp := &rk[j]
				j++
				if r.DataAtom == atom.Tr && !w.pg.drop[r] {
					rows = append(rows, srcRow{n: r, p: rp, thead: c.DataAtom == atom.Thead})
				}
			}
		}
	}
	theadRows := w.grid(t, rows, ti)
	captionRows(t)
	detectHeader(t, theadRows)
	extract.MarkRowNumberCols(t)
	w.captionAbove(t)
	for _, c := range t.Caption {
		if u := unitOf(c); u != "" && t.Unit == "" {
			t.Unit = u
		}
	}
	w.doc.Blocks = append(w.doc.Blocks, extract.Block{
		Kind: extract.KindTable, Table: t, At: prov.At{Selector: p.String(), Table: &ti},
	})
}

// grid places the cells of rows on a full grid, expanding rowspan and
// colspan: the origin cell keeps its spans, the positions it covers get
// Covered cells. It returns how many leading rows came from <thead>.
func (w *walker) grid(t *extract.Table, rows []srcRow, ti int) int {
	occ := make([][]bool, 0, len(rows))
	t.Rows = make([][]extract.Cell, 0, len(rows))
	cells := 0
	thead := 0
rowsLoop:
	for r, row := range rows {
		if row.thead && r == thead {
			thead++
		}
		for len(occ) <= r {
			occ = append(occ, nil)
			t.Rows = append(t.Rows, nil)
		}
		if t.Rows[r] == nil {
			// Rows are usually as wide as the one before; the first as
			// wide as its cells.
			width := 0
			if r > 0 {
				width = len(t.Rows[r-1])
			} else {
				for c := row.n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode {
						width++
					}
				}
			}
			t.Rows[r] = make([]extract.Cell, 0, width)
			occ[r] = make([]bool, 0, width)
		}
		col := 0
		kids := childPaths(row.n, row.p)
		k := 0
		for c := row.n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			cp := &kids[k]
			k++
			if !isCell(c) || w.pg.drop[c] {
				continue
			}
			for col < len(occ[r]) && occ[r][col] {
				col++
			}
			cs := clampSpan(attr(c, "colspan"), maxColSpan)
			rs := clampSpan(attr(c, "rowspan"), maxRowSpan)
			if rs == 0 || r+rs > len(rows) { // rowspan=0: to the end of the table
				rs = len(rows) - r
			}
			if cs == 0 {
				cs = 1
			}
			if col+cs > maxCols {
				cs = max(maxCols-col, 0)
				if cs == 0 {
					w.problem("extract.table_truncated", fmt.Sprintf("table %d: more than %d columns; the rest were not read", ti+1, maxCols), cp)
					break
				}
			}
			if cells+rs*cs > maxCells || rs*cs > w.cellBudget {
				w.problem("extract.table_truncated", fmt.Sprintf("table %d: more cells than the limit (%d per table, %d left for the page); the rest were not read", ti+1, maxCells, w.cellBudget), cp)
				t.Rows = t.Rows[:r]
				occ = occ[:r]
				thead = min(thead, r)
				break rowsLoop
			}
			cells += rs * cs
			w.cellBudget -= rs * cs
			sel := cp.String()
			for dr := 0; dr < rs; dr++ {
				for len(occ) <= r+dr {
					occ = append(occ, nil)
					t.Rows = append(t.Rows, nil)
				}
				for dc := 0; dc < cs; dc++ {
					rr, cc := r+dr, col+dc
					for len(occ[rr]) <= cc {
						occ[rr] = append(occ[rr], false)
						t.Rows[rr] = append(t.Rows[rr], extract.Cell{})
					}
					occ[rr][cc] = true
					cell := extract.Cell{Covered: dr > 0 || dc > 0, At: w.cellAt(sel, ti, rr, cc)}
					if !cell.Covered {
						cell.Text = cellText(c, w.pg.drop)
						if rs > 1 {
							cell.RowSpan = rs
						}
						if cs > 1 {
							cell.ColSpan = cs
						}
					}
					t.Rows[rr][cc] = cell
				}
			}
			col += cs
		}
	}
	// Square the grid: ragged rows get empty cells pointing at their <tr>.
	width := t.NumCols()
	for r := range t.Rows {
		var sel string
		if r < len(rows) {
			sel = rows[r].p.String()
		}
		for c := range t.Rows[r] {
			if !occ[r][c] {
				t.Rows[r][c] = extract.Cell{At: w.cellAt(sel, ti, r, c)}
			}
		}
		for c := len(t.Rows[r]); c < width; c++ {
			t.Rows[r] = append(t.Rows[r], extract.Cell{At: w.cellAt(sel, ti, r, c)})
		}
	}
	return thead
}

// cellAt is prov.At{Selector: sel}.InTable(ti, r, c) with the three ints
// taken from a shared slab instead of three allocations per cell.
func (w *walker) cellAt(sel string, ti, r, c int) prov.At {
	if len(w.ints) < 3 {
		w.ints = make([]int, 3*1024)
	}
	p := w.ints[:3:3]
	w.ints = w.ints[3:]
	p[0], p[1], p[2] = ti, r, c
	return prov.At{Selector: sel, Table: &p[0], Row: &p[1], Col: &p[2]}
}

func (w *walker) problem(code, msg string, p *path) {
	w.doc.Problems = append(w.doc.Problems, extract.Problem{Code: code, Message: msg, At: prov.At{Selector: p.String()}})
}

// clampSpan reads a span attribute: missing or invalid is 1, 0 stays 0
// (rowspan=0 spans to the end), values above limit are limit.
func clampSpan(s string, limit int) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return 1
	}
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 {
		return 1
	}
	if end > 6 {
		return limit
	}
	v, _ := strconv.Atoi(s[:end])
	return min(v, limit)
}

// cellText is the text of a cell with nested tables flattened into it, in
// reading order, and line breaks and blocks joined by one space (dropped
// between Chinese characters).
func cellText(n *html.Node, drop map[*html.Node]bool) string {
	// Fast path: a cell holding one text node, perhaps inside a chain of
	// single elements (<td><p><span>1.00</span></p></td>).
	c := n.FirstChild
	for c != nil && c == n.LastChild && c.Type == html.ElementNode && !drop[c] && c.DataAtom != atom.Br && c.DataAtom != atom.Img {
		n, c = c, c.FirstChild
	}
	if c == nil {
		return ""
	}
	if c == n.LastChild && c.Type == html.TextNode {
		return normalizeSpace(c.Data)
	}
	// Lines broken by <br> or by block elements stay lines ("1、…\n2、…"),
	// as they do in the cells of the other formats.
	var lines []string
	for _, l := range strings.Split(plainText(n, drop), "\n") {
		if l = normalizeSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func unitOf(s string) string { return extract.UnitIn(s) }

// captionRows moves leading rows that are captions (one cell spanning the
// whole width, or a short title and a unit) into Caption, and trailing
// full-width rows starting with 注 into Notes, then renumbers the rows.
func captionRows(t *extract.Table) {
	width := t.NumCols()
	if width < 2 {
		return
	}
	head := 0
	for head < len(t.Rows)-1 && isCaptionRow(t.Rows[head], width, true) {
		for _, c := range origins(t.Rows[head]) {
			if c.Text != "" {
				t.Caption = append(t.Caption, c.Text)
			}
		}
		head++
	}
	tail := len(t.Rows)
	for tail-1 > head && isCaptionRow(t.Rows[tail-1], width, false) {
		tail--
	}
	for _, row := range t.Rows[tail:] {
		for _, c := range origins(row) {
			if c.Text != "" {
				t.Notes = append(t.Notes, c.Text)
			}
		}
	}
	if head == 0 && tail == len(t.Rows) {
		return
	}
	t.Rows = t.Rows[head:tail]
	for r := range t.Rows {
		for c := range t.Rows[r] {
			row := r
			t.Rows[r][c].At.Row = &row
		}
	}
}

// isCaptionRow: a row whose single cell spans the full width (a title or
// unit line; at the bottom only a 注 note), or at the top two cells of
// which one declares the unit.
func isCaptionRow(row []extract.Cell, width int, top bool) bool {
	n := 0
	for _, c := range row {
		if !c.Covered {
			n++
		}
	}
	if n > 2 {
		return false
	}
	o := origins(row)
	if len(o) == 1 && o[0].ColSpan >= width && o[0].RowSpan <= 1 {
		if !top {
			return strings.HasPrefix(o[0].Text, "注") || strings.HasPrefix(o[0].Text, "备注")
		}
		return runeLen(o[0].Text) <= 80 && !numericCell(o[0].Text)
	}
	if top && len(o) == 2 && width > 2 && o[0].RowSpan <= 1 && o[1].RowSpan <= 1 {
		return unitOf(o[0].Text) != "" || unitOf(o[1].Text) != ""
	}
	return false
}

// origins returns the cells of row that are not covered.
func origins(row []extract.Cell) []extract.Cell {
	var o []extract.Cell
	for _, c := range row {
		if !c.Covered {
			o = append(o, c)
		}
	}
	return o
}

func numericCell(s string) bool { return extract.IsNumericCell(s) }

// detectHeader sets HeaderRows and ColumnNumberRow. Header rows are the
// <thead> rows, or the leading all-<th> rows, or else the leading rows
// before the first row holding a number; they are extended to cover the
// rowspans of header cells. A row numbering the columns (栏次, 1 2 3 …)
// ends the header.
func detectHeader(t *extract.Table, thead int) {
	t.ColumnNumberRow = -1
	for r, row := range t.Rows {
		if extract.IsColumnNumberRow(row) {
			t.ColumnNumberRow = r
			break
		}
		if r > 6 {
			break
		}
	}
	h := thead
	if h == 0 {
		for r, row := range t.Rows {
			if r == t.ColumnNumberRow {
				h = r
				break
			}
			if extract.RowHasNumber(row) {
				h = r
				break
			}
		}
	}
	if h == 0 || h >= len(t.Rows) {
		t.HeaderRows = 0
		return
	}
	t.HeaderRows = t.ExtendHeader(h)
}

// captionAbove moves the short caption lines just before the table (its
// title, 编制单位, 单位：万元) from the emitted blocks into t.Caption.
func (w *walker) captionAbove(t *extract.Table) {
	w.doc.Blocks = extract.TakeCaption(w.doc.Blocks, t)
}
