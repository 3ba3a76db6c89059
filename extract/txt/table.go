package txt

import (
	"strings"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

type rawCell struct {
	text string
	more []string // continuation lines, joined by flush (no quadratic +=)
	line int      // 1-based
}

// table reads a tab-per-cell table starting at line i. A row is a run of
// cell lines; blank lines separate rows; a line without a leading tab
// directly after a cell line continues that cell (a cell holding several
// lines). The table ends at the first non-blank line that is neither.
func (p *parser) table(i int) int {
	var rows [][]rawCell
	var row []rawCell
	start := i
	flush := func() {
		if len(row) > 0 {
			for k := range row {
				row[k].join()
			}
			rows = append(rows, row)
			row = nil
		}
	}
	lastWasCell := false
	for i < len(p.lines) {
		line := cleanLine(p.lines[i])
		switch {
		case isCellLine(line):
			for _, part := range strings.Split(strings.TrimLeft(line, " \t"), "\t") {
				row = append(row, rawCell{text: strings.TrimFunc(part, isSpace), line: i + 1})
			}
			lastWasCell = true
		case isBlank(line):
			flush()
			lastWasCell = false
		case lastWasCell && len(row) > 0:
			c := &row[len(row)-1]
			c.more = append(c.more, strings.TrimFunc(line, isSpace))
		default:
			flush()
			return p.emitTable(rows, start, i)
		}
		i++
	}
	flush()
	return p.emitTable(rows, start, i)
}

// join appends the continuation lines to the cell's text, one per line.
func (c *rawCell) join() {
	if len(c.more) == 0 {
		return
	}
	parts := c.more
	if c.text != "" {
		parts = append([]string{c.text}, c.more...)
	}
	c.text, c.more = strings.Join(parts, "\n"), nil
}

func (p *parser) emitTable(rows [][]rawCell, start, end int) int {
	rows = dropEmptyRows(rows)
	if len(rows) == 0 {
		return end
	}
	t := &extract.Table{ColumnNumberRow: -1}
	tableIdx := p.tables
	p.tables++
	// Leading one- or two-cell rows that carry a title, a unit or the
	// compiling department are the caption, not data.
	lastWide := -1 // the last row of more than two cells
	for k, r := range rows {
		if len(r) > 2 {
			lastWide = k
		}
	}
	for len(rows) > 1 && lastWide > 0 && isCaptionRow(rows[0]) {
		lastWide--
		for _, c := range rows[0] {
			if c.text != "" {
				t.Caption = append(t.Caption, c.text)
				if u := unitIn(c.text); u != "" && t.Unit == "" {
					t.Unit = u
				}
			}
		}
		rows = rows[1:]
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	for ri, r := range rows {
		cells := make([]extract.Cell, width)
		for ci := range width {
			if ci < len(r) {
				cells[ci] = extract.Cell{Text: r[ci].text, At: prov.At{Line: r[ci].line}.InTable(tableIdx, ri, ci)}
				if u := unitIn(r[ci].text); u != "" && t.Unit == "" {
					t.Unit = u
				}
			} else {
				cells[ci] = extract.Cell{Covered: true}
			}
		}
		// A short row's last cell spans the rest: in this layout a merged
		// cell is written once.
		if len(r) < width && len(r) > 0 {
			cells[len(r)-1].ColSpan = width - len(r) + 1
		}
		t.Rows = append(t.Rows, cells)
	}
	p.doc.Blocks = append(p.doc.Blocks, extract.Block{
		Kind:  extract.KindTable,
		Table: t,
		At:    prov.At{Line: start + 1, EndLine: end},
	})
	return end
}

func dropEmptyRows(rows [][]rawCell) [][]rawCell {
	out := rows[:0]
	for _, r := range rows {
		for _, c := range r {
			if c.text != "" {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// isCaptionRow: a row of at most two cells (before a wider table, the
// caller checks), holding a title (…表), a unit or 编制部门/截止时间.
func isCaptionRow(r []rawCell) bool {
	if len(r) > 2 {
		return false
	}
	for _, c := range r {
		t := c.text
		if strings.HasSuffix(t, "表") || unitIn(t) != "" || strings.Contains(t, "编制") ||
			strings.Contains(t, "截止") || strings.HasPrefix(t, "[") || strings.HasPrefix(t, "单位") {
			return true
		}
	}
	return false
}

// unitIn finds a declared money unit such as "单位：万元" or "价值（金额单位：万元）".
func unitIn(s string) string { return extract.UnitIn(s) }
