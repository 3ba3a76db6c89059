package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

// pageTable is a table found on one page, before captions are attached and
// continuations merged.
type pageTable struct {
	page  int
	bbox  [4]float64
	xs    []float64 // column edges of the kept columns, left to right
	ruled bool
	kind  tableKind
	t     *extract.Table
}

// tableKind tells how a table was found.
type tableKind uint8

const (
	kindRuled    tableKind = iota // from drawn ruling (grid.go)
	kindStream                    // from aligned text edges (tables_stream.go)
	kindPrintout                  // from a plain-text printout's indented cell lines (tables_printout.go)
)

func (k tableKind) String() string {
	return [...]string{"ruled", "stream", "printout"}[k]
}

// tcell is a grid cell with its text while the grid is cleaned.
type tcell struct {
	gridCell
	text string
	box  [4]float64
	gs   []Glyph
}

// findTables returns the page's ruled tables, top to bottom.
func findTables(p *Page) []*pageTable {
	var out []*pageTable
	if len(p.Rules) > 0 {
		hs, vs := splitRules(p.Rules)
		for _, g := range latticeGrids(hs, vs) {
			if t := fillGrid(p, g); t != nil {
				out = append(out, t)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].bbox[3] > out[j].bbox[3] })
	return out
}

// glyphCenter is the middle of a glyph's box.
func glyphCenter(g *Glyph) (float64, float64) {
	return (g.X0 + g.X1) / 2, (g.Y0 + g.Y1) / 2
}

// fillGrid puts the page's glyphs into the grid's cells and makes the
// table; nil if it holds too little to be a table (a framed paragraph, a
// page border).
func fillGrid(p *Page, g *grid) *pageTable {
	R, C := len(g.ys)-1, len(g.xs)-1
	owner := make([]int, R*C)
	cells := make([]*tcell, len(g.cells))
	for i, gc := range g.cells {
		cells[i] = &tcell{gridCell: gc, box: [4]float64{g.xs[gc.c], g.ys[gc.r+gc.rs], g.xs[gc.c+gc.cs], g.ys[gc.r]}}
		for r := gc.r; r < gc.r+gc.rs; r++ {
			for c := gc.c; c < gc.c+gc.cs; c++ {
				owner[r*C+c] = i
			}
		}
	}
	for _, gl := range p.Glyphs {
		cx, cy := glyphCenter(&gl)
		c := slot(g.xs, cx, true)
		r := slot(g.ys, cy, false)
		if c < 0 || r < 0 {
			continue
		}
		tc := cells[owner[r*C+c]]
		tc.gs = append(tc.gs, gl)
	}
	pullOverflow(cells, owner, C)
	for _, tc := range cells {
		tc.text = cellGlyphText(p, tc.gs)
		tc.gs = nil
	}
	return makeTable(p.Number, g, cells)
}

// pullOverflow gives back to a cell the text that ran over its right
// rule into the next cell (a spreadsheet export prints a long name across
// the border: "(5)资本性支出（基本建" | "设）"): a run of upright glyphs
// in a cell that starts at the cell's left rule and carries on, at
// letter spacing and on the same baseline, the text of the cell to the
// left. A figure is never pulled.
func pullOverflow(cells []*tcell, owner []int, C int) {
	for _, tc := range cells {
		if tc.c == 0 || len(tc.gs) == 0 {
			continue
		}
		left := cells[owner[tc.r*C+tc.c-1]]
		if left == tc || len(left.gs) == 0 {
			continue
		}
		var keep, pull []Glyph
		for _, base := range baselines(tc.gs) {
			first := base[0]
			var prev *Glyph
			for i := range left.gs {
				l := &left.gs[i]
				if l.Rot == 0 && math.Abs(l.OY-first.OY) < 0.2*first.Size && (prev == nil || l.X1 > prev.X1) {
					prev = l
				}
			}
			if first.Rot != 0 || prev == nil || first.X0-tc.box[0] > 0.5*first.Size ||
				first.X0-prev.X1 > 0.3*first.Size || isDigitText(prev.Text) || overprinted(left.gs, first.OY, first.Size) {
				keep = append(keep, base...)
				continue
			}
			// The run that carries on: letter-spaced, no figure in it.
			n := 0
			for n < len(base) && !isDigitText(base[n].Text) && (n == 0 || base[n].X0-base[n-1].X1 < 0.3*first.Size) {
				n++
			}
			pull = append(pull, base[:n]...)
			keep = append(keep, base[n:]...)
		}
		if len(pull) > 0 {
			left.gs = append(left.gs, pull...)
			tc.gs = keep
		}
	}
}

// overprinted: two texts overlap on the baseline y (a centred header
// wider than its cell printed over its neighbour's): glyphs whose boxes
// overlap by more than a third. Nothing is pulled into such a cell.
func overprinted(gs []Glyph, y, size float64) bool {
	var row []Glyph
	for _, g := range gs {
		if math.Abs(g.OY-y) < 0.2*size {
			row = append(row, g)
		}
	}
	sort.Slice(row, func(i, j int) bool { return row[i].X0 < row[j].X0 })
	for i := 1; i < len(row); i++ {
		if row[i-1].X1-row[i].X0 > (row[i].X1-row[i].X0)/3 {
			return true
		}
	}
	return false
}

// baselines groups glyphs by baseline, each group left to right.
func baselines(gs []Glyph) [][]Glyph {
	var out [][]Glyph
	for _, g := range gs {
		placed := false
		for i := range out {
			if math.Abs(out[i][0].OY-g.OY) < 0.2*g.Size {
				out[i] = append(out[i], g)
				placed = true
				break
			}
		}
		if !placed {
			out = append(out, []Glyph{g})
		}
	}
	for _, b := range out {
		sort.Slice(b, func(i, j int) bool { return b[i].X0 < b[j].X0 })
	}
	return out
}

// isDigitText: a glyph of a figure (digit, separator, sign).
func isDigitText(t string) bool {
	return t != "" && strings.Trim(t, "0123456789０１２３４５６７８９,.，．-−%") == ""
}

// sliverWidth is the widest empty column dropped from a grid, in points.
const sliverWidth = 8.0

// makeTable drops empty rows and columns, checks that a table is left and
// builds the extract.Table.
func makeTable(page int, g *grid, cells []*tcell) *pageTable {
	R, C := len(g.ys)-1, len(g.xs)-1
	xs := append([]float64(nil), g.xs...)
	// Empty rows, bottom up.
	for r := R - 1; r >= 0 && R > 1; r-- {
		if !emptyBand(cells, r, true) {
			continue
		}
		cells = dropBand(cells, r, true)
		R--
	}
	// Empty columns only when they are slivers (a double rule, an offset
	// border): a wide empty column is part of the table's shape, and a
	// continuation on the next page must keep the same columns.
	for c := C - 1; c >= 0 && C > 1; c-- {
		if xs[c+1]-xs[c] > sliverWidth || !emptyBand(cells, c, false) {
			continue
		}
		cells = dropBand(cells, c, false)
		if c+1 < len(xs)-1 {
			xs = append(xs[:c+1], xs[c+2:]...)
		} else {
			xs = append(xs[:c], xs[c+1:]...)
		}
		C--
	}
	filled := 0
	for _, tc := range cells {
		if tc.text != "" {
			filled++
		}
	}
	if R < 1 || C < 2 || filled < 3 || R == 1 && C < 3 {
		return nil
	}
	t := &extract.Table{Rows: make([][]extract.Cell, R), ColumnNumberRow: -1}
	for r := range t.Rows {
		t.Rows[r] = make([]extract.Cell, C)
	}
	for _, tc := range cells {
		at := prov.At{Page: page, BBox: &[4]float64{round2(tc.box[0]), round2(tc.box[1]), round2(tc.box[2]), round2(tc.box[3])}}
		for r := tc.r; r < tc.r+tc.rs; r++ {
			for c := tc.c; c < tc.c+tc.cs; c++ {
				t.Rows[r][c] = extract.Cell{Covered: true, At: at}
			}
		}
		o := extract.Cell{Text: tc.text, At: at}
		if tc.rs > 1 {
			o.RowSpan = tc.rs
		}
		if tc.cs > 1 {
			o.ColSpan = tc.cs
		}
		t.Rows[tc.r][tc.c] = o
	}
	detectHeader(t)
	return &pageTable{page: page, bbox: g.bbox(), xs: xs, ruled: g.ruled, t: t}
}

// emptyBand reports whether row (or column) i holds no text except in
// cells that span beyond it.
func emptyBand(cells []*tcell, i int, row bool) bool {
	for _, tc := range cells {
		lo, n := tc.c, tc.cs
		if row {
			lo, n = tc.r, tc.rs
		}
		if i >= lo && i < lo+n && tc.text != "" && n == 1 {
			return false
		}
	}
	return true
}

// dropBand removes row (or column) i: cells only in it go, cells spanning
// it shrink, later ones move up (left).
func dropBand(cells []*tcell, i int, row bool) []*tcell {
	out := cells[:0]
	for _, tc := range cells {
		lo, n := &tc.c, &tc.cs
		if row {
			lo, n = &tc.r, &tc.rs
		}
		switch {
		case i >= *lo && i < *lo+*n:
			if *n == 1 {
				continue
			}
			*n--
		case *lo > i:
			*lo--
		}
		out = append(out, tc)
	}
	return out
}

// cellGlyphText reads a cell's glyphs as text: lines top to bottom, joined
// without a break; spaces only between Latin words, and none between
// letter-spaced Chinese characters ("合　　计", "人 员 经 费").
func cellGlyphText(p *Page, gs []Glyph) string {
	if len(gs) == 0 {
		return ""
	}
	var parts []string
	for rot := range 4 {
		var fr, orig []Glyph
		for _, g := range gs {
			if g.Rot == rot {
				fr = append(fr, frame(g, p.Width, p.Height))
				orig = append(orig, g)
			}
		}
		if len(fr) == 0 {
			continue
		}
		for i, l := range buildLines(p.Number, fr, orig, cellGap) {
			for j, c := range l.Cells {
				if i > 0 && j == 0 && enumRE.MatchString(c.Text) {
					// A list item starting a line of a cell (目标 1、… 2、…)
					// keeps its line break.
					parts = append(parts, "\n")
				}
				parts = append(parts, c.Text)
			}
		}
	}
	return joinCellText(parts)
}

// joinCellText joins pieces of one cell: a space only between two Latin
// letters or digits that would otherwise run together into one word,
// whitespace next to Chinese text dropped.
func joinCellText(parts []string) string {
	var b strings.Builder
	for _, s := range parts {
		if s == "\n" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			continue
		}
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			prev := lastRune(b.String())
			if isLatinLetter(prev) && isLatinLetter(firstRune(s)) || figuresApart(b.String(), s) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s)
	}
	return squeezeCJK(b.String())
}

var (
	tailFigureRE = regexp.MustCompile(`[0-9][0-9,]*(\.[0-9]*)?$`)
	headFigureRE = regexp.MustCompile(`^[0-9.][0-9,]*(\.[0-9]*)?`)
	groupedRE    = regexp.MustCompile(`^([0-9]{1,3}(,[0-9]{3})*|[0-9]+)(\.[0-9]+)?$`)
)

// figuresApart: two lines of a cell that end and start with figures are
// one figure wrapped in a narrow cell ("174,900" / ".64", "12,345,6" /
// "78.90", "32,365.09" / "0089") when together they make a well-formed
// figure; two complete figures that do not ("174,900" / "64") are kept
// apart, so that the cell does not read as a figure nobody printed.
func figuresApart(prev, s string) bool {
	pt := tailFigureRE.FindString(prev)
	st := headFigureRE.FindString(s)
	if pt == "" || st == "" || !strings.ContainsAny(pt, ",.") {
		return false
	}
	return !groupedRE.MatchString(pt + st)
}

// squeezeCJK removes whitespace (incl. U+3000) that has Chinese text on
// either side, and collapses other runs of whitespace to one space (a
// line break, if the run holds one).
func squeezeCJK(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if !unicode.IsSpace(rs[i]) {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && unicode.IsSpace(rs[j]) {
			j++
		}
		switch {
		case i == 0 || j == len(rs):
		case strings.ContainsRune(string(rs[i:j]), '\n'):
			b.WriteByte('\n')
		case !wideRune(rs[i-1]) && !wideRune(rs[j]):
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

// wideRune: CJK ideographs, punctuation and full-width forms.
func wideRune(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFFEF || r >= 0x3000 && r <= 0x303F || r == '“' || r == '”'
}

var enumRE = regexp.MustCompile(`^(\d{1,2}\s*[、.．)）]|[（(][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\D`)

func numericCell(s string) bool { return extract.IsNumericCell(s) }

func unitOf(s string) string { return extract.UnitIn(s) }

// detectHeader sets HeaderRows and ColumnNumberRow: the header is the rows
// before the first row holding a number or a classification code (or the
// 栏次 row, which ends it), extended over the row spans of header cells.
func detectHeader(t *extract.Table) {
	t.ColumnNumberRow = -1
	for r, row := range t.Rows {
		if r > 6 {
			break
		}
		if extract.IsColumnNumberRow(row) {
			t.ColumnNumberRow = r
			break
		}
	}
	h := 0
	for r, row := range t.Rows {
		if r == t.ColumnNumberRow || extract.RowHasNumber(row) {
			h = r
			break
		}
	}
	if h == 0 || h >= len(t.Rows) {
		t.HeaderRows = 0
		return
	}
	ext := h
	for r := 0; r < h; r++ {
		for _, c := range t.Rows[r] {
			if !c.Covered && c.RowSpan > 1 {
				ext = max(ext, r+c.RowSpan)
			}
		}
	}
	if ext < len(t.Rows) {
		h = ext
	}
	if t.ColumnNumberRow == h {
		h++
	}
	t.HeaderRows = h
}

// inBox reports whether (x, y) lies in b grown by m.
func inBox(b [4]float64, x, y, m float64) bool {
	return x >= b[0]-m && x <= b[2]+m && y >= b[1]-m && y <= b[3]+m
}

// lineInTable reports whether most of line l lies inside table box b.
func lineInTable(l *Line, b [4]float64) bool {
	cy := (l.Y0 + l.Y1) / 2
	if cy < b[1] || cy > b[3] {
		return false
	}
	ov := math.Min(l.X1, b[2]) - math.Max(l.X0, b[0])
	return ov > 0.5*(l.X1-l.X0)
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
