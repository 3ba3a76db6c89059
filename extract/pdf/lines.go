package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line is one baseline of text on a page, cut into cells at wide gaps.
type Line struct {
	Page           int
	X0, Y0, X1, Y1 float64 // box in page space
	Base           float64 // baseline y (in the line's own reading frame)
	Size           float64 // largest glyph size
	Bold           bool    // most glyphs bold
	Cells          []Cell  // one for ordinary text; several for a table-like row

	table *pageTable // set on the placeholder that stands for a whole table
	gaps  int        // gaps wider than chunkGap ems (narrow column gutters, or word spaces)
	rot   int        // the glyphs' rotation (Glyph.Rot)
}

// Cell is a run of words inside a line with no wide gap.
type Cell struct {
	X0, X1 float64
	Text   string
}

// Text returns the line's text, cells joined by tabs.
func (l *Line) Text() string {
	if len(l.Cells) == 1 {
		return l.Cells[0].Text
	}
	parts := make([]string, len(l.Cells))
	for i, c := range l.Cells {
		parts[i] = c.Text
	}
	return strings.Join(parts, "\t")
}

// Layout thresholds, in ems of the larger font size of the two glyphs.
const (
	baselineTol = 0.4  // glyphs whose baselines differ by less share a line
	wordGap     = 0.2  // a gap this wide separates words
	cellGap     = 1.8  // a gap this wide separates table cells / columns
	dupTol      = 0.15 // a second identical glyph this close is a fake-bold copy
	numGap      = 0.8  // a gap this wide between two numbers separates table cells
	chunkGap    = 0.6  // a gap this wide may be a narrow column gutter of an unruled table
)

// frame maps a glyph into the upright reading frame of its rotation.
func frame(g Glyph, w, h float64) Glyph {
	switch g.Rot {
	case 1: // text runs bottom to top: rotate clockwise
		g.X0, g.Y0, g.X1, g.Y1 = g.Y0, w-g.X1, g.Y1, w-g.X0
		g.OX, g.OY = g.OY, w-g.OX
	case 2:
		g.X0, g.Y0, g.X1, g.Y1 = w-g.X1, h-g.Y1, w-g.X0, h-g.Y0
		g.OX, g.OY = w-g.OX, h-g.OY
	case 3:
		g.X0, g.Y0, g.X1, g.Y1 = h-g.Y1, g.X0, h-g.Y0, g.X1
		g.OX, g.OY = h-g.OY, g.OX
	}
	return g
}

// PageLines groups a page's glyphs into lines, top to bottom; rotated text
// follows the upright text, each direction read in its own frame.
func PageLines(p *Page) []Line {
	var out []Line
	for rot := range 4 {
		var gs []Glyph
		var orig []Glyph
		for _, g := range p.Glyphs {
			if g.Rot == rot {
				gs = append(gs, frame(g, p.Width, p.Height))
				orig = append(orig, g)
			}
		}
		if len(gs) > 0 {
			out = append(out, buildLines(p.Number, gs, orig, cellGap)...)
		}
	}
	return out
}

// buildLines groups glyphs (gs framed upright, orig as on the page) into
// lines, cutting cells at gaps wider than gap ems.
func buildLines(page int, gs, orig []Glyph, gap float64) []Line {
	idx := make([]int, len(gs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return gs[idx[a]].OY > gs[idx[b]].OY })
	var lines []Line
	var cur []int
	base, size := 0.0, 0.0
	flush := func() {
		if len(cur) > 0 {
			if l, ok := makeLine(page, gs, orig, cur, gap); ok {
				lines = append(lines, l)
			}
		}
		cur = cur[:0]
	}
	for _, i := range idx {
		g := gs[i]
		if len(cur) > 0 && math.Abs(g.OY-base) <= baselineTol*max(min(size, g.Size), 1) {
			cur = append(cur, i)
			size = max(size, g.Size)
			continue
		}
		flush()
		cur = append(cur, i)
		base, size = g.OY, g.Size
	}
	flush()
	return lines
}

// makeLine orders one baseline's glyphs by x, drops fake-bold duplicates and
// cuts words and cells at gaps (cells at gaps wider than cellGap ems).
func makeLine(page int, gs, orig []Glyph, ids []int, cellGap float64) (Line, bool) {
	sort.SliceStable(ids, func(a, b int) bool { return gs[ids[a]].OX < gs[ids[b]].OX })
	l := Line{Page: page, X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	var b strings.Builder
	var prev *Glyph
	bold, n := 0, 0
	cellX0 := 0.0
	var lastX1 float64
	for _, i := range ids {
		g := &gs[i]
		if prev != nil && g.Text == prev.Text && math.Abs(g.OX-prev.OX) < dupTol*g.Size && math.Abs(g.OY-prev.OY) < dupTol*g.Size {
			continue
		}
		o := orig[i]
		l.X0, l.Y0, l.X1, l.Y1 = min(l.X0, o.X0), min(l.Y0, o.Y0), max(l.X1, o.X1), max(l.Y1, o.Y1)
		if prev == nil {
			cellX0 = g.X0
			l.Base = g.OY
			l.rot = g.Rot
		} else {
			em := max(g.Size, prev.Size, 1)
			gap := g.X0 - lastX1
			switch {
			case gap > cellGap*em, gap > numGap*em && numeric(lastRune(prev.Text)) && numeric(firstRune(g.Text)):
				l.Cells = append(l.Cells, Cell{X0: cellX0, X1: lastX1, Text: strings.TrimSpace(b.String())})
				b.Reset()
				cellX0 = g.X0
			case gap > wordGap*em && wordish(lastRune(prev.Text)) && wordish(firstRune(g.Text)):
				b.WriteByte(' ')
			}
			if gap > chunkGap*em {
				l.gaps++
			}
		}
		b.WriteString(g.Text)
		l.Size = max(l.Size, g.Size)
		if g.Bold {
			bold++
		}
		n++
		if prev == nil {
			lastX1 = g.X1
		}
		lastX1 = max(lastX1, g.X1)
		prev = g
	}
	if n == 0 {
		return l, false
	}
	l.Cells = append(l.Cells, Cell{X0: cellX0, X1: lastX1, Text: strings.TrimSpace(b.String())})
	l.Bold = bold*2 > n
	return l, true
}

// wordish reports whether r belongs to Latin-script words or numbers, which
// take a space between them; CJK text does not.
func wordish(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("%.,)-+:;!?'\"", r))
}

func numeric(r rune) bool { return r >= '0' && r <= '9' || r == '-' || r == '%' }

func isLatinLetter(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
