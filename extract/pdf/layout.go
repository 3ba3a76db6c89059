package pdf

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
	"github.com/yusuan/yusuan/prov"
)

// Layout turns the glyph layer into blocks in reading order: lines, page
// furniture removed, columns ordered, a printed table of contents marked,
// paragraphs joined across line and page breaks, headings recognised.
func Layout(f *File) *extract.Document {
	return layout(f, true)
}

// layout is Layout with table reconstruction optional (off: table rows
// come out as paragraphs with tab-separated cells).
func layout(f *File, tables bool) *extract.Document {
	doc, _ := layoutMeta(f, tables)
	return doc
}

// layoutMeta is layout that also returns what each table's page saw (the
// first page's, for a table continued over pages).
func layoutMeta(f *File, tables bool) (*extract.Document, map[*extract.Table]*pageTable) {
	doc := &extract.Document{Format: extract.FormatPDF, Pages: f.NumPages, Title: f.Title, Outline: f.Outline}
	doc.Problems = append(doc.Problems, f.Problems...)
	pages := make([][]Line, len(f.Pages))
	for i, p := range f.Pages {
		if p.Failed {
			continue
		}
		if len(p.Glyphs) == 0 {
			doc.Problems = append(doc.Problems, extract.Problem{
				Code: "extract.no_text_layer", Message: fmt.Sprintf("no text layer on page %d", p.Number),
				At: prov.At{Page: p.Number},
			})
			continue
		}
		pages[i] = orderColumns(PageLines(p), p.Width)
	}
	removeFurniture(f.Pages, pages)
	meta := map[*extract.Table]*pageTable{}
	if tables {
		var last *pageTable // the previous page's last table
		for i, p := range f.Pages {
			if len(pages[i]) > 0 {
				pages[i], last = tableLines(p, pages[i], meta, last)
			} else {
				last = nil
			}
		}
	}
	var all []Line
	for _, ls := range pages {
		all = append(all, ls...)
	}
	if tables {
		all = printoutTables(all, meta)
	}
	doc.Blocks = joinLines(all, f.Pages)
	if tables {
		doc.Blocks = finishTables(doc.Blocks, meta)
	}
	doc.Blocks = joinWrapped(doc.Blocks)
	if doc.Blocks == nil {
		doc.Blocks = []extract.Block{}
	}
	return doc, meta
}

// orderColumns detects a two-column page (a vertical whitespace strip in the
// middle third that splits many lines into a left and a right part) and
// reorders the lines: within each band between full-width lines, the left
// column first, then the right one.
func orderColumns(ls []Line, width float64) []Line {
	if len(ls) < 10 {
		return ls
	}
	// Candidate gap: between the cells of two-cell lines, in the middle third.
	votes := map[int]int{}
	for _, l := range ls {
		if len(l.Cells) == 2 {
			g := (l.Cells[0].X1 + l.Cells[1].X0) / 2
			if g > width/3 && g < 2*width/3 && utf8.RuneCountInString(l.Cells[0].Text) >= 8 && utf8.RuneCountInString(l.Cells[1].Text) >= 8 {
				votes[int(g/10)]++
			}
		}
	}
	best, bestN := 0, 0
	for k, n := range votes {
		if n+votes[k-1]+votes[k+1] > bestN {
			best, bestN = k, n+votes[k-1]+votes[k+1]
		}
	}
	if bestN < len(ls)/3 || bestN < 5 {
		return ls
	}
	gx := float64(best)*10 + 5
	var out, left, right []Line
	flush := func() {
		out = append(out, left...)
		out = append(out, right...)
		left, right = nil, nil
	}
	for _, l := range ls {
		var lc, rc []Cell
		for _, c := range l.Cells {
			switch {
			case c.X1 <= gx+10:
				lc = append(lc, c)
			case c.X0 >= gx-10:
				rc = append(rc, c)
			default:
				lc, rc = nil, nil
			}
			if lc == nil && rc == nil {
				break
			}
		}
		if lc == nil && rc == nil {
			flush()
			out = append(out, l)
			continue
		}
		if lc != nil {
			left = append(left, subLine(l, lc))
		}
		if rc != nil {
			right = append(right, subLine(l, rc))
		}
	}
	flush()
	return out
}

func subLine(l Line, cs []Cell) Line {
	l.Cells = cs
	l.X0, l.X1 = cs[0].X0, cs[len(cs)-1].X1
	return l
}

var (
	pageNumRe = regexp.MustCompile(`^(?:[-—–－~\s]*\d{1,4}[-—–－~\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?|[-—–－\s]*[IVXLivxl]+[-—–－\s]*)$`)
	digitsRe  = regexp.MustCompile(`\d+`)
	// spacedDigitsRe is a digit followed by spaces and another digit.
	spacedDigitsRe = regexp.MustCompile(`(\d)\s+(\d)`)
	leaderRe       = regexp.MustCompile(`^(.*?)\s*(?:[.．·•…⋯_\-]\s*){3,}\s*(\d{1,4})?\s*$`)
	tocPageRe      = regexp.MustCompile(`^(.*?\S)\s+(\d{1,4})$`)
)

// removeFurniture drops running headers and footers (text repeated in the
// top or bottom band at the same height on several pages, digits ignored)
// and page numbers.
func removeFurniture(ps []*Page, pages [][]Line) {
	type key struct {
		text string
		y    int
	}
	// The band is the outer tenth of the page; a page number may stand
	// further in (a landscape table page whose "— 9 —" stands 70 pt up)
	// when it is the last (first) line of its page.
	lowest := make([]float64, len(pages))
	highest := make([]float64, len(pages))
	for i, ls := range pages {
		lowest[i], highest[i] = math.Inf(1), math.Inf(-1)
		for _, l := range ls {
			lowest[i] = min(lowest[i], l.Y0)
			highest[i] = max(highest[i], l.Y1)
		}
	}
	bandOf := func(i int, l *Line) bool {
		p := ps[i]
		if l.Y0 > p.Height*0.90 || l.Y1 < p.Height*0.10 {
			return true
		}
		// Only a page number is looked for further in: a table's own
		// title line (公开01表) may stand as high on every page.
		outer := l.Y0 == lowest[i] && l.Y1 < p.Height/6 || l.Y1 == highest[i] && l.Y0 > p.Height*5/6
		return outer && pageNumRe.MatchString(joinDigits(strings.TrimSpace(l.Text())))
	}
	count := map[key]int{}
	for i, ls := range pages {
		seen := map[key]bool{}
		for _, l := range ls {
			if bandOf(i, &l) {
				k := key{digitsRe.ReplaceAllString(strings.Join(strings.Fields(l.Text()), ""), "#"), int(math.Round(l.Base / 6))}
				if !seen[k] {
					seen[k] = true
					count[k]++
				}
			}
		}
	}
	need := max(3, (len(pages)+3)/4)
	// Page numbers: printed number minus page index, over the pages where
	// a band line is a bare number; a number that is a page number shares
	// its offset with another page's (1320 alone atop a page of a printed
	// table does not).
	offsets := map[int]int{}
	for i, ls := range pages {
		for _, l := range ls {
			if bandOf(i, &l) {
				t := joinDigits(strings.TrimSpace(l.Text()))
				if n, ok := printedNumber(t); ok && pageNumRe.MatchString(t) {
					offsets[n-ps[i].Number]++
				}
			}
		}
	}
	for i, ls := range pages {
		out := ls[:0]
		for _, l := range ls {
			if bandOf(i, &l) {
				t := joinDigits(strings.TrimSpace(l.Text()))
				k := key{digitsRe.ReplaceAllString(strings.Join(strings.Fields(t), ""), "#"), int(math.Round(l.Base / 6))}
				if count[k] >= need || pageNumRe.MatchString(t) && pageNumber(t, ps[i].Number, offsets, len(pages)) {
					continue
				}
			}
			out = append(out, l)
		}
		pages[i] = out
	}
}

// joinDigits closes the spaces a letter-spaced page number leaves
// between its digits ("— 1 0 —" is page 10).
func joinDigits(t string) string {
	for spacedDigitsRe.MatchString(t) {
		t = spacedDigitsRe.ReplaceAllString(t, "$1$2")
	}
	return t
}

// printedNumber is the first number in a page-number line.
func printedNumber(t string) (int, bool) {
	d := digitsRe.FindString(t)
	if d == "" || len(d) > 6 {
		return 0, false
	}
	n := 0
	for _, c := range d {
		n = n*10 + int(c-'0')
	}
	return n, true
}

// pageNumber decides whether t, a line in the top or bottom band of page
// that looks like a page number, is one: roman numerals always; a number
// when another page's number has the same offset to its page, when it is
// close below the page's index (front matter unnumbered), or when the
// document is too short to tell.
func pageNumber(t string, page int, offsets map[int]int, pages int) bool {
	n, ok := printedNumber(t)
	if !ok {
		return true
	}
	return pages <= 2 || offsets[n-page] >= 2 || n >= 1 && n <= page+1 && n >= page-20
}

// para is a block being assembled from lines.
type para struct {
	lines []Line
	text  strings.Builder
	spans []extract.Span
	runes int
	toc   bool
	table bool
}

func (p *para) add(l Line, text string) {
	if p.runes > 0 {
		prev := lastRune(p.text.String())
		if isLatinLetter(prev) && isLatinLetter(firstRune(text)) {
			p.text.WriteByte(' ')
			p.runes++
		}
	}
	p.spans = append(p.spans, extract.Span{Offset: p.runes, At: lineAt(l)})
	p.text.WriteString(text)
	p.runes += utf8.RuneCountInString(text)
	p.lines = append(p.lines, l)
}

func lineAt(l Line) prov.At {
	return prov.At{Page: l.Page, BBox: &[4]float64{round2(l.X0), round2(l.Y0), round2(l.X1), round2(l.Y1)}}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// metrics are the body-text measures the joining rules compare against.
type metrics struct {
	body   float64         // most common font size, by characters
	left   map[int]float64 // per page: left margin of body text
	right  map[int]float64 // per page: right margin of body text
	ranks  map[float64]int // font size (rounded to 0.5) to rank, 1 largest
	width  map[int]float64
	center map[int]float64
}

func sizeKey(s float64) float64 { return math.Round(s*2) / 2 }

func measure(ls []Line, ps []*Page) metrics {
	m := metrics{left: map[int]float64{}, right: map[int]float64{}, ranks: map[float64]int{}, width: map[int]float64{}, center: map[int]float64{}}
	bySize := map[float64]int{}
	for _, l := range ls {
		bySize[sizeKey(l.Size)] += utf8.RuneCountInString(l.Text())
	}
	var sizes []float64
	for s, n := range bySize {
		sizes = append(sizes, s)
		if n > bySize[m.body] || n == bySize[m.body] && s < m.body {
			m.body = s
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(sizes)))
	for i, s := range sizes {
		m.ranks[s] = i + 1
	}
	for _, p := range ps {
		m.width[p.Number] = p.Width
	}
	// Margins per page from single-cell body lines: the most common left
	// edge and a high percentile of right edges.
	lefts, rights := map[int][]float64{}, map[int][]float64{}
	for _, l := range ls {
		if len(l.Cells) == 1 && utf8.RuneCountInString(l.Cells[0].Text) >= 10 {
			lefts[l.Page] = append(lefts[l.Page], l.X0)
			rights[l.Page] = append(rights[l.Page], l.X1)
		}
	}
	for pg, xs := range lefts {
		sort.Float64s(xs)
		m.left[pg] = xs[0]
		rs := rights[pg]
		sort.Float64s(rs)
		m.right[pg] = rs[len(rs)*9/10]
	}
	return m
}

func (m metrics) margins(page int, size float64) (float64, float64) {
	l, ok := m.left[page]
	if !ok {
		// No measurable body line on this page: borrow the nearest page's.
		for d := 1; d < 4; d++ {
			for _, q := range []int{page - d, page + d} {
				if l, ok := m.left[q]; ok {
					return l, m.right[q]
				}
			}
		}
		return 0, m.width[page]
	}
	return l, m.right[page]
}

// joinLines makes blocks from lines in reading order.
func joinLines(ls []Line, ps []*Page) []extract.Block {
	m := measure(ls, ps)
	var blocks []extract.Block
	var cur *para
	flush := func() {
		if cur != nil && cur.runes > 0 {
			blocks = append(blocks, m.block(cur))
		}
		cur = nil
	}
	tocPage := map[int]bool{}
	for i, l := range ls {
		if l.table != nil {
			flush()
			blocks = append(blocks, tableBlock(l))
			continue
		}
		text := l.Text()
		if len(l.Cells) == 1 {
			text = strings.Join(strings.Fields(text), " ")
		}
		compact := strings.Join(strings.Fields(text), "")
		if compact == "目录" {
			tocPage[l.Page] = true
		}
		// A printed table of contents entry.
		if mm := leaderRe.FindStringSubmatch(text); mm != nil && strings.TrimSpace(mm[1]) != "" || tocPage[l.Page] && tocPageRe.MatchString(text) && len(l.Cells) > 1 {
			flush()
			title := text
			if mm != nil {
				title = strings.TrimSpace(mm[1])
			} else if t := tocPageRe.FindStringSubmatch(text); t != nil {
				title = strings.TrimSpace(t[1])
			}
			cur = &para{toc: true}
			cur.add(l, strings.ReplaceAll(title, "\t", " "))
			flush()
			continue
		}
		if len(l.Cells) > 1 {
			flush()
			cur = &para{table: true}
			cur.add(l, text)
			flush()
			continue
		}
		if m.isHeading(l, text) {
			flush()
			cur = &para{}
			cur.add(l, text)
			flush()
			continue
		}
		if cur != nil && !m.continues(cur.lines[len(cur.lines)-1], l, text) {
			flush()
		}
		if cur == nil {
			cur = &para{}
		}
		cur.add(l, text)
		_ = i
	}
	flush()
	return blocks
}

// continues reports whether line l carries on the paragraph whose last line is prev.
func (m metrics) continues(prev, l Line, text string) bool {
	if _, ok := numbering.Parse(text); ok {
		return false
	}
	if math.Abs(prev.Size-l.Size) > 0.15*max(prev.Size, l.Size) || prev.Bold != l.Bold {
		return false
	}
	_, right := m.margins(prev.Page, prev.Size)
	if prev.X1 < right-1.5*prev.Size {
		return false // the previous line stops short: paragraph end
	}
	left, _ := m.margins(l.Page, l.Size)
	if l.X0 > left+1.2*l.Size {
		return false // indented: a new paragraph
	}
	if prev.Page == l.Page {
		if gap := prev.Base - l.Base; gap > 2.2*l.Size || gap < 0 {
			return false
		}
	}
	return true
}

var sentenceEnd = regexp.MustCompile(`[。；;！？]`)

// isHeading decides from one line: numbered and short, larger than body
// text, or bold and short.
func (m metrics) isHeading(l Line, text string) bool {
	n := utf8.RuneCountInString(text)
	if n == 0 || n > 50 {
		return false
	}
	if sentenceEnd.MatchString(strings.TrimRight(text, "。")) {
		return false
	}
	if num, ok := numbering.Parse(text); ok {
		return n <= 30 && !strings.HasSuffix(text, "。") && utf8.RuneCountInString(num.Rest) > 0
	}
	if l.Size >= m.body*1.2 {
		return true
	}
	return l.Bold && n <= 30 && !strings.HasSuffix(text, "。")
}

// block turns an assembled paragraph into a Block with hints and provenance.
func (m metrics) block(p *para) extract.Block {
	first := p.lines[0]
	b := extract.Block{Kind: extract.KindParagraph, Text: p.text.String(), TOC: p.toc}
	bb := [4]float64{first.X0, first.Y0, first.X1, first.Y1}
	bold, size := 0, 0.0
	for _, l := range p.lines {
		if l.Page == first.Page {
			bb = [4]float64{min(bb[0], l.X0), min(bb[1], l.Y0), max(bb[2], l.X1), max(bb[3], l.Y1)}
		}
		if l.Bold {
			bold++
		}
		size = max(size, l.Size)
	}
	b.At = prov.At{Page: first.Page, BBox: &[4]float64{round2(bb[0]), round2(bb[1]), round2(bb[2]), round2(bb[3])}}
	if len(p.lines) > 1 {
		b.Spans = p.spans
	}
	b.Hints.Bold = bold*2 > len(p.lines)
	b.Hints.FontSize = math.Round(size*10) / 10
	b.Hints.SizeRank = m.ranks[sizeKey(size)]
	w := m.width[first.Page]
	if len(p.lines) == 1 && w > 0 {
		c := (first.X0 + first.X1) / 2
		left, _ := m.margins(first.Page, first.Size)
		b.Hints.Centered = math.Abs(c-w/2) < 0.04*w && first.X0 > left+2*first.Size
	}
	if n, ok := numbering.Parse(b.Text); ok && !p.table {
		b.Numbering = n.Text
		if !p.toc && len(p.lines) == 1 && m.isHeading(first, b.Text) {
			b.Kind = extract.KindHeading
			b.Level = n.Style.Rank()
		}
	} else if !p.toc && !p.table && len(p.lines) == 1 && m.isHeading(first, b.Text) {
		b.Kind = extract.KindHeading
		b.Level = max(1, b.Hints.SizeRank)
	}
	return b
}
