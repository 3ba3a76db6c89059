package pdf

import (
	"math"
	"sort"
	"strings"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

// This file finds the tables of a plain-text disclosure printed to PDF as
// it is (LibreOffice opening a .txt): there a table is written one cell
// per line, each cell line starting with a tab, a blank line between rows
// (see extract/txt). On the page that becomes a run of short lines all at
// the tab stop, left of them only the body margin; the blank lines leave
// no glyph, only a taller gap. An empty cell ("\t" alone on its line) is
// such a gap too, so the gaps are measured in empty lines and spread over
// the row: a row's width is the table's widest run of adjacent lines.
//
// A run may cross pages; so this works on the whole document's lines.

// printoutCell is one cell line of a run, with the lines that carry its
// text on (a cell whose text holds line breaks, or that wrapped).
type printoutCell struct {
	lines []Line
	text  string
	gap   int // empty lines between the previous cell and this one
}

// printoutMetrics are the document measures the run finder needs.
type printoutMetrics struct {
	left, right  float64 // body text margins
	wide, narrow float64 // baseline pitch before a line with (without) CJK text
	empty        float64 // height of an empty line
	top          float64 // usual first baseline of a page
}

func measurePrintout(ls []Line) (printoutMetrics, bool) {
	var m printoutMetrics
	lefts := map[int]int{}
	var rights []float64
	wide, narrow := map[int]int{}, map[int]int{}
	firstOnPage := map[int]bool{}
	tops := map[int]int{}
	for i := range ls {
		l := &ls[i]
		if l.table != nil {
			continue
		}
		if !firstOnPage[l.Page] {
			firstOnPage[l.Page] = true
			tops[int(math.Round(l.Base))]++
		}
		if len(l.Cells) != 1 {
			continue
		}
		if runeLen(l.Cells[0].Text) >= 10 {
			lefts[int(math.Round(l.X0))]++
			rights = append(rights, l.X1)
		}
		if i > 0 {
			p := &ls[i-1]
			if p.table == nil && p.Page == l.Page && len(p.Cells) == 1 {
				d := p.Base - l.Base
				if d >= 0.8*l.Size && d <= 2*l.Size {
					if hasWide(l.Cells[0].Text) {
						wide[int(math.Round(d*10))]++
					} else {
						narrow[int(math.Round(d*10))]++
					}
				}
			}
		}
	}
	if len(lefts) == 0 || len(wide) == 0 {
		return m, false
	}
	m.left = float64(modeKey(lefts))
	m.top = float64(modeKey(tops))
	sort.Float64s(rights)
	m.right = rights[len(rights)*9/10]
	m.wide = float64(modeKey(wide)) / 10
	if len(narrow) > 0 {
		m.narrow = float64(modeKey(narrow)) / 10
	} else {
		m.narrow = m.wide * 0.78
	}
	m.empty = m.narrow
	return m, true
}

// modeKey is the most frequent key, the smallest among equals.
func modeKey(h map[int]int) int {
	best, n := 0, -1
	for k, c := range h {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

func hasWide(s string) bool {
	for _, r := range s {
		if wideRune(r) {
			return true
		}
	}
	return false
}

// gapUnknown is the gap across a page break with l at the usual top: the
// foot of the page before may have held a blank line or not.
const gapUnknown = -1

// gapLines counts the empty lines between prev and l: on one page from
// the baseline distance, at the top of a new page from how far below the
// usual first baseline l starts (the foot of a page tells nothing).
func (m *printoutMetrics) gapLines(prev, l *Line) int {
	if prev.Page != l.Page {
		if k := int(math.Round((m.top-l.Base)/m.empty - 0.3)); k > 0 {
			return k
		}
		return gapUnknown
	}
	h := m.narrow
	if hasWide(l.Text()) {
		h = m.wide
	}
	return max(0, int(math.Round((prev.Base-l.Base-h)/m.empty)))
}

// printoutTables replaces the runs of tab-indented cell lines that form
// tables by placeholders. ls is the document's lines in reading order.
func printoutTables(ls []Line, meta map[*extract.Table]*pageTable) []Line {
	m, ok := measurePrintout(ls)
	if !ok {
		return ls
	}
	var out []Line
	for i := 0; i < len(ls); {
		if !m.cellLine(&ls[i], ls[i].X0+1) {
			out = append(out, ls[i])
			i++
			continue
		}
		cells, end := m.run(ls, i)
		if pt := m.buildPrintout(cells); pt != nil {
			meta[pt.t] = pt
			out = append(out, Line{Page: pt.page, X0: pt.bbox[0], Y0: pt.bbox[1], X1: pt.bbox[2], Y1: pt.bbox[3], table: pt})
		} else {
			out = append(out, ls[i:end]...)
		}
		i = end
	}
	return out
}

// cellLine: one piece of text indented past the body margin (at a tab
// stop), not left of anchor by more than an em.
func (m *printoutMetrics) cellLine(l *Line, anchor float64) bool {
	if l.table != nil || len(l.Cells) != 1 || l.Cells[0].Text == "" {
		return false
	}
	em := max(l.Size, 1)
	return l.X0 >= m.left+1.5*em && l.X0 >= anchor-em && l.X0 <= anchor+4*em
}

// run collects the cell lines from ls[i] on, each with the lines that
// carry it on at the body margin, and returns them and the end of the run.
func (m *printoutMetrics) run(ls []Line, i int) ([]printoutCell, int) {
	anchor := ls[i].X0
	var cells []printoutCell
	j := i
	for ; j < len(ls); j++ {
		l := &ls[j]
		switch {
		case m.cellLine(l, anchor):
			gap := 0
			if j > i {
				gap = m.gapLines(&ls[j-1], l)
			}
			cells = append(cells, printoutCell{lines: []Line{*l}, gap: gap})
			anchor = min(anchor, l.X0)
			continue
		case j > i && l.table == nil && len(l.Cells) == 1 && math.Abs(l.X0-m.left) <= 1.5 && ls[j-1].Page == l.Page && m.gapLines(&ls[j-1], l) == 0:
			c := &cells[len(cells)-1]
			c.lines = append(c.lines, *l)
			continue
		}
		break
	}
	for k := range cells {
		c := &cells[k]
		var b strings.Builder
		for n, l := range c.lines {
			t := strings.TrimSpace(l.Text())
			if n > 0 && c.lines[n-1].X1 < m.right-2*max(l.Size, 1) {
				b.WriteByte('\n')
			}
			b.WriteString(t)
		}
		c.text = squeezeCJK(b.String())
	}
	return cells, j
}

// printoutCaption: a title, 编制部门, 单位 or 截止时间 line, or a bracketed
// department code, as the txt extractor takes them.
func printoutCaption(s string) bool {
	return captionText(s) || strings.Contains(s, "截止") || strings.Contains(s, "编制") || strings.HasPrefix(s, "[")
}

// buildPrintout lays a run's cells out as a table, or returns nil when the
// run does not look like one.
func (m *printoutMetrics) buildPrintout(cells []printoutCell) *pageTable {
	// Groups: cells on adjacent lines, which share a row.
	var groups [][]*printoutCell
	for k := range cells {
		if k == 0 || cells[k].gap != 0 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], &cells[k])
	}
	var caption []*printoutCell
	for len(groups) > 1 && len(groups[0]) <= 2 {
		capt := false
		for _, c := range groups[0] {
			capt = capt || printoutCaption(c.text)
		}
		if !capt {
			break
		}
		caption = append(caption, groups[0]...)
		groups = groups[1:]
	}
	var rows [][]*printoutCell
	// A leading row of one or two cells set apart by more than one blank
	// line (a goal row above an indicator table) stands alone.
	if len(groups) > 1 && len(groups[0]) <= 2 && groups[1][0].gap >= 2 {
		rows = append(rows, groups[0])
		groups = groups[1:]
	}
	lead := len(rows)
	w, blanks := 0, 0
	for i, g := range groups {
		w = max(w, len(g))
		if i > 0 && g[0].gap > 0 {
			blanks++
		}
	}
	// Rows are told apart by blank lines: a run with none on its pages (an
	// indented list broken only by a page) is no table.
	if w < 3 || blanks == 0 {
		return nil
	}
	// natural is the width of a row that starts with group i and no empty
	// cell.
	natural := func(i int) int {
		s := len(groups[i])
		for j := i + 1; j < len(groups) && s+max(0, groups[j][0].gap)+len(groups[j]) <= w; j++ {
			s += max(0, groups[j][0].gap) + len(groups[j])
		}
		return s
	}
	cur := append([]*printoutCell(nil), groups[0]...)
	for i := 1; i < len(groups); i++ {
		g := groups[i]
		k, n := g[0].gap, len(g)
		if k == gapUnknown {
			// A page break: the row goes on if it has room.
			k = 0
			if len(cur)+n > w {
				k = 1
			}
		}
		if len(cur)+k+n <= w {
			// Empty cells inside the row.
			for range k {
				cur = append(cur, nil)
			}
			cur = append(cur, g...)
			continue
		}
		// A row break: one blank line; the other empty lines are empty
		// cells, at the head of the next row as far as it has room (a
		// merged first column), the rest at the end of this one.
		l := max(0, min(k-1, w-natural(i)))
		t := max(0, min(k-1-l, w-len(cur)))
		for range t {
			cur = append(cur, nil)
		}
		rows = append(rows, cur)
		cur = make([]*printoutCell, l, l+n)
		cur = append(cur, g...)
	}
	rows = append(rows, cur)
	// Is it a table? Two rows of three cells or more, most rows at least
	// half as wide as the widest, a figure somewhere, no sentences.
	full, wideRows, digits := 0, 0, false
	for r, row := range rows {
		n := 0
		for _, c := range row {
			if c == nil {
				continue
			}
			n++
			if r >= lead && sentenceCell(c.text) {
				return nil
			}
			digits = digits || strings.ContainsAny(c.text, "0123456789")
		}
		if n >= 3 {
			full++
		}
		if 2*len(row) >= w {
			wideRows++
		}
	}
	if full < 2 || 2*wideRows < len(rows) || !digits {
		return nil
	}
	return m.printoutTable(caption, rows, w)
}

// sentenceCell: text too long or too much a sentence for a table cell.
func sentenceCell(s string) bool {
	n := runeLen(s)
	return n > 60 || n > 30 && strings.ContainsAny(s, "。；;")
}

func (m *printoutMetrics) printoutTable(caption []*printoutCell, rows [][]*printoutCell, w int) *pageTable {
	t := &extract.Table{ColumnNumberRow: -1}
	var first *Line
	if len(caption) > 0 {
		first = &caption[0].lines[0]
	} else {
		for _, c := range rows[0] {
			if c != nil {
				first = &c.lines[0]
				break
			}
		}
	}
	pt := &pageTable{page: first.Page, kind: kindPrintout, t: t, bbox: [4]float64{first.X0, first.Y0, first.X1, first.Y1}}
	grow := func(c *printoutCell) prov.At {
		at := prov.At{Page: c.lines[0].Page}
		b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, l := range c.lines {
			if l.Page == at.Page {
				b = [4]float64{min(b[0], l.X0), min(b[1], l.Y0), max(b[2], l.X1), max(b[3], l.Y1)}
			}
			if l.Page == pt.page {
				pt.bbox = [4]float64{min(pt.bbox[0], l.X0), min(pt.bbox[1], l.Y0), max(pt.bbox[2], l.X1), max(pt.bbox[3], l.Y1)}
			}
		}
		at.BBox = &[4]float64{round2(b[0]), round2(b[1]), round2(b[2]), round2(b[3])}
		return at
	}
	for _, c := range caption {
		grow(c)
		t.Caption = append(t.Caption, c.text)
		if u := unitOf(c.text); u != "" && t.Unit == "" {
			t.Unit = u
		}
	}
	for _, row := range rows {
		out := make([]extract.Cell, w)
		page := 0
		for _, c := range row {
			if c != nil {
				page = c.lines[0].Page
				break
			}
		}
		for i, c := range row {
			if c == nil {
				out[i] = extract.Cell{At: prov.At{Page: page}}
				continue
			}
			out[i] = extract.Cell{Text: c.text, At: grow(c)}
			if u := unitOf(c.text); u != "" && t.Unit == "" {
				t.Unit = u
			}
		}
		// A short row's last cell spans the rest (a merged cell is written
		// once), as the txt extractor reads it.
		if n := len(row); n < w && n > 0 {
			out[n-1].ColSpan = w - n + 1
			for i := n; i < w; i++ {
				out[i] = extract.Cell{Covered: true, At: out[n-1].At}
			}
		}
		t.Rows = append(t.Rows, out)
	}
	detectHeader(t)
	return pt
}
