package pdf

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

// This file finds unruled tables and tables ruled with horizontal lines
// only (三线表), the "stream" approach (Camelot's stream mode, Tabula's
// basic mode, Nurminen 2013): runs of lines that are not prose are cut
// into chunks at narrow gaps; the table's columns are the x ranges the
// chunks cover, split where a gutter of white runs down through (nearly)
// every line; rows are bands of lines, a line joining the row above when
// their boxes overlap (a cell centred beside a wrapped one) or when it only
// carries on the text of that row's cells. The region is trimmed to the
// rows holding more than one cell; what is left must have three columns
// aligned over three rows, a figure, and no sentence for a cell.

// streamChunk is a piece of a line between column gutters.
type streamChunk struct {
	x0, x1, y0, y1 float64
	text           string
	c0, c1         int // columns covered
}

// streamLine is one baseline of a candidate region, cut into chunks.
type streamLine struct {
	base, y0, y1, size float64
	chunks             []streamChunk
}

// streamTables returns the unruled tables of page p among its lines ls
// (reading order, furniture removed), leaving out the boxes of the ruled
// tables found already.
//
// prev, if not nil, is an unruled table that ended the page before: lines
// at the top of this page that fit its columns carry it on, even one row.
func streamTables(p *Page, ls []Line, ruled []*pageTable, prev *pageTable) []*pageTable {
	inRuled := func(l *Line) bool {
		for _, t := range ruled {
			if lineInTable(l, t.bbox) {
				return true
			}
		}
		return false
	}
	var out []*pageTable
	var region []*Line
	first := true
	flush := func() {
		var found []*pageTable
		if first && prev != nil && len(region) > 0 && region[0] == &ls[0] && !titledRegion(region) {
			found = streamRegion(p, region, ruled, prev.xs)
		}
		if len(found) == 0 && len(region) >= 3 {
			found = streamRegion(p, region, ruled, nil)
		}
		out = append(out, found...)
		if len(region) > 0 {
			first = false
		}
		region = region[:0]
	}
	for i := range ls {
		l := &ls[i]
		if l.table != nil || l.rot != 0 || inRuled(l) || prose(l, p.Width) {
			flush()
			continue
		}
		if n := len(region); n > 0 {
			prev := region[n-1]
			if l.Base > prev.Base || prev.Y0-l.Y1 > 5*max(l.Size, prev.Size, 1) {
				flush()
			}
		}
		region = append(region, l)
	}
	flush()
	return out
}

// titledRegion: a caption line (a table's title, 表N, 单位：) comes before
// the region's first line of several cells, so the region starts a table
// of its own rather than carrying on the one that ended the page before.
func titledRegion(region []*Line) bool {
	for _, l := range region {
		if len(l.Cells) > 1 && !captionLine(l) {
			return false
		}
		if captionLine(l) {
			return true
		}
	}
	return false
}

// prose: one run of text with no gap in it, long and wide.
func prose(l *Line, width float64) bool {
	return len(l.Cells) == 1 && l.gaps == 0 && runeLen(l.Cells[0].Text) >= 12 && l.X1-l.X0 > 0.4*width
}

// streamRegion looks for a table in a run of candidate lines.
//
// With cont (the column edges of the table it may carry on), the columns
// are those, and one row of three cells is enough.
func streamRegion(p *Page, region []*Line, ruled []*pageTable, cont []float64) []*pageTable {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, l := range region {
		x0, y0, x1, y1 = min(x0, l.X0), min(y0, l.Y0), max(x1, l.X1), max(y1, l.Y1)
	}
	var gs []Glyph
	for _, g := range p.Glyphs {
		if g.Rot != 0 {
			continue
		}
		cx, cy := glyphCenter(&g)
		if cx < x0-1 || cx > x1+1 || cy < y0-1 || cy > y1+1 {
			continue
		}
		in := false
		for _, t := range ruled {
			in = in || inBox(t.bbox, cx, cy, 0)
		}
		if !in {
			gs = append(gs, g)
		}
	}
	if len(gs) == 0 {
		return nil
	}
	var lines []streamLine
	for _, l := range buildLines(p.Number, gs, gs, pieceGap) {
		sl := streamLine{base: l.Base, y0: l.Y0, y1: l.Y1, size: l.Size}
		for _, c := range l.Cells {
			if c.Text != "" {
				sl.chunks = append(sl.chunks, streamChunk{x0: c.X0, x1: c.X1, y0: l.Y0, y1: l.Y1, text: c.Text})
			}
		}
		if len(sl.chunks) > 0 {
			lines = append(lines, sl)
		}
	}
	// Columns from all lines, then again without the lines that cross a
	// gutter found (a goal or title row spanning the table).
	// Gutters show between the pieces of lines holding several: a line of
	// one piece (a title above the table, a wrapped cell) only hides them.
	skip := make([]bool, len(lines))
	multi := 0
	for i, l := range lines {
		skip[i] = len(l.chunks) == 1
		if !skip[i] {
			multi++
		}
	}
	if multi < 3 {
		return nil
	}
	var xs []float64
	if cont != nil {
		if x0 < cont[0]-colTol || x1 > cont[len(cont)-1]+colTol {
			return nil
		}
		xs = cont
	} else {
		xs = streamColumns(lines, skip, x0, x1)
	}
	for range 2 {
		if cont != nil {
			break
		}
		n, more := 0, false
		for i, l := range lines {
			if !skip[i] && crossesEdge(l, xs) {
				skip[i], more = true, true
				n++
			}
		}
		if !more || 2*n > multi {
			break
		}
		xs = streamColumns(lines, skip, x0, x1)
	}
	headTop := headerBandBottom(lines)
	if cont == nil {
		xs = splitByHeadings(lines, xs, headTop)
	}
	if len(xs) < 3 || len(xs) == 3 && !amountList(lines, xs) {
		return nil
	}
	amounts := amountColumns(lines, xs, headTop)
	for i := range lines {
		l := &lines[i]
		for j := range l.chunks {
			c := &l.chunks[j]
			c.c0 = max(0, slot(xs, min(c.x0+0.5, c.x1), true))
			c.c1 = max(c.c0, slot(xs, max(c.x1-0.5, c.x0), true))
			if l.base > headTop && c.c1 == c.c0+1 && amounts[c.c0] && amounts[c.c1] {
				centreHeading(c, xs)
			}
		}
		// Pieces of one column on one line are one chunk.
		out := l.chunks[:1]
		for _, c := range l.chunks[1:] {
			last := &out[len(out)-1]
			if c.c0 == c.c1 && last.c0 == last.c1 && c.c0 == last.c0 {
				sep := ""
				if c.x0-last.x1 > wordGap*l.size && wordish(lastRune(last.text)) && wordish(firstRune(c.text)) {
					sep = " "
				}
				last.text += sep + c.text
				last.x1 = c.x1
				continue
			}
			out = append(out, c)
		}
		l.chunks = out
	}
	rows := streamRows(lines)
	// Trim rows of one cell at either end (a title, a unit line, a
	// heading), then check what is left.
	for len(rows) > 0 && cellsIn(rows[0]) <= 1 {
		rows = rows[1:]
	}
	for len(rows) > 0 && cellsIn(rows[len(rows)-1]) <= 1 {
		rows = rows[:len(rows)-1]
	}
	rows = splitGroupTitles(rows)
	if t := streamTable(p.Number, rows, xs, cont != nil); t != nil {
		return []*pageTable{t}
	}
	return nil
}

// headerBandBottom is the baseline of the first line (top down) holding a
// figure: the lines above it are the header band.
func headerBandBottom(lines []streamLine) float64 {
	top := math.Inf(-1)
	for _, l := range lines {
		for _, c := range l.chunks {
			if numericCell(c.text) && l.base > top {
				top = l.base
			}
		}
	}
	return top
}

// splitByHeadings adds a column edge where two headings of one header
// line, set a wide gap apart, fall in one column whose figures all stand
// on one side of the gap: the other heading is over a column no data row
// fills (an empty 备注 column), which no gutter between figures shows.
func splitByHeadings(lines []streamLine, xs []float64, headTop float64) []float64 {
	var add []float64
	for _, l := range lines {
		if l.base <= headTop {
			continue
		}
		for k := 1; k < len(l.chunks); k++ {
			a, b := l.chunks[k-1], l.chunks[k]
			c := slot(xs, (a.x0+a.x1)/2, true)
			if b.x0-a.x1 < l.size || c < 0 || c != slot(xs, (b.x0+b.x1)/2, true) {
				continue
			}
			e := (a.x1 + b.x0) / 2
			if !slices.Contains(add, e) && dataClearOf(lines, headTop, e, xs[c], xs[c+1]) {
				add = append(add, e)
			}
		}
	}
	if len(add) == 0 {
		return xs
	}
	out := append(append([]float64(nil), xs...), add...)
	sort.Float64s(out)
	return out
}

// dataClearOf: no chunk of a data line (at or below headTop) runs over e,
// and between x0 and x1 data stands on one side of e only.
func dataClearOf(lines []streamLine, headTop, e, x0, x1 float64) bool {
	left, right := false, false
	for _, l := range lines {
		if l.base > headTop {
			continue
		}
		for _, c := range l.chunks {
			if c.x1 <= x0 || c.x0 >= x1 {
				continue
			}
			if c.x0 < e && c.x1 > e {
				return false
			}
			left = left || c.x1 <= e
			right = right || c.x0 >= e
		}
	}
	return !(left && right)
}

// amountColumns marks the columns where data lines (at or below headTop)
// hold amounts (figures with a decimal point or thousands separator).
func amountColumns(lines []streamLine, xs []float64, headTop float64) []bool {
	out := make([]bool, len(xs))
	for _, l := range lines {
		if l.base > headTop {
			continue
		}
		for _, c := range l.chunks {
			if numericCell(c.text) && strings.ContainsAny(c.text, ".,") {
				if k := slot(xs, (c.x0+c.x1)/2, true); k >= 0 {
					out[k] = true
				}
			}
		}
	}
	return out
}

// centreHeading gives a column heading that runs over the edge between
// two columns of amounts to the column it is centred in: headings are
// centred over their cells while the figures under them, right-aligned,
// leave the gutter left of the cell, so a long heading ("事业单位经营支出")
// reaches into the column to its left. A heading centred on the edge (a
// group title over both columns) keeps its span.
func centreHeading(c *streamChunk, xs []float64) {
	e, mid, margin := xs[c.c1], (c.x0+c.x1)/2, 0.1*(c.x1-c.x0)
	switch {
	case mid-e > margin:
		c.c0 = c.c1
	case e-mid > margin:
		c.c1 = c.c0
	}
}

// amountList: a two-column region is a table only as a list of amounts
// (项目 | 预算数): at least five lines of a label and an amount with
// decimals, the amounts right-aligned; a contents page (titles and page
// numbers) or a form (标签 | 文字) is not one.
func amountList(lines []streamLine, xs []float64) bool {
	n, other, right := 0, 0, math.NaN()
	for _, l := range lines {
		if len(l.chunks) != 2 {
			continue
		}
		label, amt := l.chunks[0], l.chunks[1]
		if numericCell(label.text) || !numericCell(amt.text) || !strings.Contains(amt.text, ".") || amt.x0 < xs[1]-1 ||
			!math.IsNaN(right) && math.Abs(amt.x1-right) > 2 {
			other++ // the header line, a line of another shape
			continue
		}
		right = amt.x1
		n++
	}
	return n >= 5 && other <= 2
}

// Stream thresholds, in ems.
const (
	pieceGap = 0.25 // lines of a candidate region are cut into pieces at gaps this wide
	gutter   = 0.2  // the narrowest white between two columns (cells filled to their padding)
)

// streamColumns returns the column edges of the lines' pieces between x0
// and x1: gutters are x ranges at least gutter ems wide that no more than
// a few lines (a spanning title or goal row) cross.
func streamColumns(lines []streamLine, skip []bool, x0, x1 float64) []float64 {
	const bin = 0.5 // points
	n := int(math.Ceil((x1-x0)/bin)) + 1
	cover := make([]int, n)
	sizes := make([]float64, 0, len(lines))
	used := 0
	for i, l := range lines {
		if skip[i] {
			continue
		}
		used++
		sizes = append(sizes, l.size)
		last := -1
		for _, c := range l.chunks {
			a, b := max(0, int((c.x0-x0)/bin+0.5)), min(n-1, int((c.x1-x0)/bin-0.5))
			for i := max(a, last+1); i <= b; i++ {
				cover[i]++
			}
			last = max(last, b)
		}
	}
	sort.Float64s(sizes)
	em := sizes[len(sizes)/2]
	thr := min(2, used*8/100)
	xs := []float64{x0}
	for i := 0; i < n; {
		if cover[i] > thr {
			i++
			continue
		}
		j := i
		for j < n && cover[j] <= thr {
			j++
		}
		if i > 0 && j < n && float64(j-i)*bin >= gutter*em {
			xs = append(xs, x0+float64(i+j)/2*bin)
		}
		i = j
	}
	return append(xs, x1)
}

// crossesEdge: a piece of l runs over an inner column edge.
func crossesEdge(l streamLine, xs []float64) bool {
	for _, c := range l.chunks {
		for _, e := range xs[1 : len(xs)-1] {
			if c.x0 < e-1 && c.x1 > e+1 {
				return true
			}
		}
	}
	return false
}

// streamRows bands the lines (top to bottom) into rows.
func streamRows(lines []streamLine) [][]*streamLine {
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].base > lines[j].base })
	var rows [][]*streamLine
	var top, bottom float64
	for i := range lines {
		l := &lines[i]
		if len(rows) > 0 {
			row := rows[len(rows)-1]
			em := max(l.size, 1)
			if l.y1 > bottom+0.1*em || bottom-l.y1 <= 0.8*em && continuesRow(row, l) && !topHalf(lines, i) {
				rows[len(rows)-1] = append(row, l)
				bottom = min(bottom, l.y0)
				continue
			}
		}
		rows = append(rows, []*streamLine{l})
		top, bottom = l.y1, l.y0
	}
	_ = top
	return rows
}

// splitGroupTitles parts a header row banded from a stacked header: a
// group title over several columns ("一般公共预算支出" over 小计, 基本支出,
// 项目支出) becomes a header row of its own above the row of the columns'
// headings, instead of being glued to the heading under it. Only rows
// above the first one holding a figure are header rows.
func splitGroupTitles(rows [][]*streamLine) [][]*streamLine {
	for r := 0; r < len(rows); r++ {
		row := rows[r]
		for _, l := range row {
			for _, c := range l.chunks {
				if numericCell(c.text) {
					return rows
				}
			}
		}
		if k := groupTitleLine(row); k >= 0 {
			head, rest := row[:k+1:k+1], row[k+1:]
			rows = append(rows[:r], append([][]*streamLine{head, rest}, rows[r+1:]...)...)
		}
	}
	return rows
}

// groupTitleLine is the index of the last line of row holding a chunk
// over several columns under which a later line of the row has headings
// in two of those columns, or -1.
func groupTitleLine(row []*streamLine) int {
	for k, l := range row {
		for _, c := range l.chunks {
			if c.c1 == c.c0 {
				continue
			}
			for _, below := range row[k+1:] {
				n := 0
				for _, b := range below.chunks {
					if b.c0 >= c.c0 && b.c1 <= c.c1 {
						n++
					}
				}
				if n >= 2 {
					return k
				}
			}
		}
	}
	return -1
}

// topHalf: lines[i] is the first line of a name wrapped over two lines
// and centred beside the figures of its own row, whose line overlaps it
// from below; it does not carry on the row above.
func topHalf(lines []streamLine, i int) bool {
	if i+1 >= len(lines) {
		return false
	}
	next := &lines[i+1]
	if next.y1 <= lines[i].y0 {
		return false
	}
	for _, c := range next.chunks {
		if numericCell(c.text) {
			return true
		}
	}
	return false
}

// continuesRow: l holds no number and only carries on text that the row
// has in the same columns (a wrapped name).
func continuesRow(row []*streamLine, l *streamLine) bool {
	for i, c := range l.chunks {
		if numericCell(c.text) || i == 0 && noteRE.MatchString(strings.TrimSpace(c.text)) {
			// A note (注：…) under the table starts text of its own.
			return false
		}
		ok := false
		for _, rl := range row {
			for _, rc := range rl.chunks {
				if captionText(rc.text) {
					// A caption line (单位名称：…) is carried on by nothing.
					return false
				}
				if (rc.c0 == c.c0 || rc.c0 <= c.c0 && rc.c1 >= c.c1) && !numericCell(rc.text) {
					ok = true
				}
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// figure: a number or a code, maybe with a sign, comparator or unit
// (1,234.50, 20101, ≥90%, 50家).
func figure(s string) bool {
	n := runeLen(s)
	return n <= 15 && strings.ContainsAny(s, "0123456789") && (numericCell(s) || n <= 10)
}

// cellsIn counts the distinct cells a row's chunks start.
func cellsIn(row []*streamLine) int {
	seen := map[int]bool{}
	for _, l := range row {
		for _, c := range l.chunks {
			seen[c.c0] = true
		}
	}
	return len(seen)
}

// streamTable builds the table of the rows, or nil if they are not one.
func streamTable(page int, rows [][]*streamLine, xs []float64, cont bool) *pageTable {
	C := len(xs) - 1
	need := 3
	if cont {
		need = 1
	}
	if len(rows) < need {
		return nil
	}
	full, figures := 0, 0
	t := &extract.Table{ColumnNumberRow: -1}
	bx := [4]float64{xs[0], math.Inf(1), xs[C], math.Inf(-1)}
	for _, row := range rows {
		top, bottom := math.Inf(-1), math.Inf(1)
		parts := make([][]*streamChunk, C)
		end := make([]int, C)
		for _, l := range row {
			top, bottom = max(top, l.y1), min(bottom, l.y0)
			for j := range l.chunks {
				c := &l.chunks[j]
				parts[c.c0] = append(parts[c.c0], c)
				end[c.c0] = max(end[c.c0], c.c1)
			}
		}
		bx[1], bx[3] = min(bx[1], bottom), max(bx[3], top)
		out := make([]extract.Cell, C)
		filled := 0
		for c := 0; c < C; {
			span := 1
			if len(parts[c]) > 0 {
				span = end[c] - c + 1
				for k := c + 1; k < c+span; k++ {
					if len(parts[k]) > 0 {
						span = k - c
						break
					}
				}
			}
			at := prov.At{Page: page, BBox: &[4]float64{round2(xs[c]), round2(bottom), round2(xs[c+span]), round2(top)}}
			cell := extract.Cell{Text: streamText(parts[c]), At: at}
			if cell.Text != "" {
				filled++
				if sentenceCell(cell.Text) {
					return nil
				}
				if figure(cell.Text) {
					figures++
				}
			}
			if span > 1 {
				cell.ColSpan = span
			}
			out[c] = cell
			for k := c + 1; k < c+span; k++ {
				out[k] = extract.Cell{Covered: true, At: at}
			}
			c += span
		}
		spreadFigures(out)
		if filled >= min(3, C) {
			full++
		}
		t.Rows = append(t.Rows, out)
	}
	if full < need || !cont && figures < 2 {
		return nil
	}
	detectHeader(t)
	return &pageTable{page: page, bbox: bx, xs: xs, kind: kindStream, t: t}
}

// spreadFigures undoes a column edge drawn inside a column of
// right-aligned figures: a cell that reads as several figures side by
// side ("96.76 96.76") while the cells just left of it are empty gives
// each figure but its last to those cells, nearest last.
func spreadFigures(row []extract.Cell) {
	for c := len(row) - 1; c > 0; c-- {
		cell := row[c]
		if cell.Covered || cell.ColSpan > 1 {
			continue
		}
		fs := strings.Fields(cell.Text)
		if len(fs) < 2 || len(fs) > c+1 {
			continue
		}
		ok := true
		for _, f := range fs {
			ok = ok && numericCell(f)
		}
		for k := c - len(fs) + 1; ok && k < c; k++ {
			ok = !row[k].Covered && row[k].ColSpan <= 1 && row[k].Text == ""
		}
		if !ok {
			continue
		}
		for i, f := range fs {
			row[c-len(fs)+1+i].Text = f
		}
	}
}

// streamText joins a cell's chunks top to bottom, left to right; a list
// item starting a line keeps its line break.
func streamText(cs []*streamChunk) string {
	if len(cs) == 0 {
		return ""
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if math.Abs(cs[i].y0-cs[j].y0) > 1 {
			return cs[i].y0 > cs[j].y0
		}
		return cs[i].x0 < cs[j].x0
	})
	parts := make([]string, 0, len(cs)+1)
	for i, c := range cs {
		if i > 0 && enumRE.MatchString(c.text) {
			parts = append(parts, "\n")
		}
		parts = append(parts, c.text)
	}
	return joinCellText(parts)
}
