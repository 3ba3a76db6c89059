package inspecthtml

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
	"github.com/yusuan/yusuan/schema"
)

// pxPerPt scales PDF points to CSS pixels: a landscape A4 page fits beside the panel on a laptop screen.
const pxPerPt = 1.2

// page is one drawn page: a PDF page, a spreadsheet sheet, or the whole
// text of a txt/HTML document.
type page struct {
	ID       string
	Label    string
	W, H     float64 // points; zero for flowing pages
	Findings []int   // findings located on the page as a whole
	Items    []item
	num      int // PDF page number
}

// item is one thing on a page: an element or a table.
type item struct {
	El    *elem
	Table *tableView
}

// elem is one drawn piece of text: a PDF line, a block, a cell.
type elem struct {
	ID       string
	Tag      string
	Class    string
	Text     string
	Box      *[4]float64 // PDF bbox in points (positioned pages)
	Span     [2]int      // row and column span (table cells)
	Tags     []string    // small labels: line-item code, column key
	Title    string      // tooltip of the element itself
	page     int         // PDF page the box is on
	marks    []*markRange
	pins     []*markRange // figures whose printed text is not in Text
	findings []int
}

// markRange is a run of an element's text where one or more fields were printed.
type markRange struct {
	start, end int // rune offsets
	fields     []*placed
	findings   []int
}

// placed is a field and the element it was found in.
type placed struct {
	Field
	El *elem
}

// tableView is one table of the intermediate document with what the
// schema made of it.
type tableView struct {
	ID         string
	Index      int
	Box        *[4]float64
	Info       string // one line: kind, title, header rows, column keys
	Detail     string // tooltip: everything
	Unreadable string // why the table is not in the schema, if it is not
	Caption    []string
	Rows       [][]*elem // nil where a cell is covered by a span; positioned tables draw them as page items
	Findings   []int
	parent     *tableView   // a later page's part of a table: shares the parent's description
	pieces     []*tableView // the parts on later pages
}

// builder lays out a document and indexes what it drew by provenance.
type builder struct {
	x        *extract.Document
	d        *schema.Document
	pages    []*page
	pageOf   map[int]*page
	nextID   int
	cells    map[[3]int]*elem
	tables   map[int]*tableView
	lines    map[int][]*elem // several blocks may come from one line, element or cell
	selector map[string][]*elem
	sheet    map[string][]*elem
	boxes    map[int][]*elem // PDF page → positioned elements
}

func newBuilder(x *extract.Document, d *schema.Document) *builder {
	return &builder{
		x: x, d: d, pageOf: map[int]*page{}, cells: map[[3]int]*elem{}, tables: map[int]*tableView{},
		lines: map[int][]*elem{}, selector: map[string][]*elem{}, sheet: map[string][]*elem{}, boxes: map[int][]*elem{},
	}
}

func (b *builder) newElem(tag, class, text string, at prov.At) *elem {
	b.nextID++
	e := &elem{ID: "e" + strconv.Itoa(b.nextID), Tag: tag, Class: class, Text: text}
	if at.Page > 0 && at.BBox != nil {
		e.Box, e.page = at.BBox, at.Page
	}
	b.index(e, at)
	return e
}

// index records where e was read from, for resolve.
func (b *builder) index(e *elem, at prov.At) {
	if at.Page > 0 && at.BBox != nil {
		b.boxes[at.Page] = append(b.boxes[at.Page], e)
	}
	if at.Line > 0 {
		last := max(at.EndLine, at.Line)
		for l := at.Line; l <= last && l < at.Line+1000; l++ {
			b.lines[l] = appendNew(b.lines[l], e)
		}
	}
	if at.Selector != "" {
		b.selector[at.Selector] = appendNew(b.selector[at.Selector], e)
	}
	if at.Sheet != "" && at.Cell != "" {
		b.sheet[at.Sheet+"!"+at.Cell] = appendNew(b.sheet[at.Sheet+"!"+at.Cell], e)
	}
}

// positioned reports whether the document is drawn as PDF pages.
func (b *builder) positioned() bool { return b.x != nil && b.x.Format == extract.FormatPDF }

// layout draws every block of the intermediate document.
func (b *builder) layout() {
	tableIdx := 0
	for i := range b.x.Blocks {
		blk := &b.x.Blocks[i]
		p := b.pageFor(blk.At)
		switch blk.Kind {
		case extract.KindTable:
			if blk.Table != nil && len(blk.Table.Rows) > 0 {
				tv := b.table(tableIdx, blk)
				if b.positioned() {
					b.spreadTable(tv, p)
				} else {
					p.Items = append(p.Items, item{Table: tv})
				}
			}
			tableIdx++
		case extract.KindImage:
			alt := "图片"
			if blk.Image != nil && blk.Image.Alt != "" {
				alt += "：" + blk.Image.Alt
			}
			p.Items = append(p.Items, item{El: b.newElem("div", "img", alt, blk.At)})
		default:
			for _, e := range b.textBlock(blk) {
				p.Items = append(p.Items, item{El: e})
			}
		}
	}
	if b.positioned() {
		// Every page, in order, blank ones too.
		for n := 1; n <= b.x.Pages; n++ {
			b.pageFor(prov.At{Page: n})
		}
		sort.SliceStable(b.pages, func(i, j int) bool { return b.pages[i].num < b.pages[j].num })
	}
}

// spreadTable puts a PDF table's cells on the pages they were read from
// (a table may run over several), with an outline and label per page.
func (b *builder) spreadTable(tv *tableView, first *page) {
	pieces := map[*page]*tableView{}
	piece := func(p *page) *tableView {
		if t := pieces[p]; t != nil {
			return t
		}
		t := tv
		if len(pieces) > 0 || p != first {
			t = &tableView{ID: fmt.Sprintf("%s-%s", tv.ID, p.ID), Index: tv.Index, parent: tv}
			tv.pieces = append(tv.pieces, t)
		}
		t.Box = nil
		pieces[p] = t
		p.Items = append(p.Items, item{Table: t})
		return t
	}
	piece(first)
	for _, row := range tv.Rows {
		for _, c := range row {
			if c == nil {
				continue
			}
			p := first
			if c.Box != nil && c.page > 0 {
				p = b.pageFor(prov.At{Page: c.page})
			}
			t := piece(p)
			t.Box = union(t.Box, c.Box)
			p.Items = append(p.Items, item{El: c})
		}
	}
}

func union(a, b *[4]float64) *[4]float64 {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return &[4]float64{min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])}
}

// pageFor returns the page a block goes on, making it on first use.
func (b *builder) pageFor(at prov.At) *page {
	key, label := 0, "正文"
	switch {
	case b.positioned():
		key, label = max(at.Page, 1), fmt.Sprintf("第 %d 页", max(at.Page, 1))
	case at.Sheet != "":
		// Sheets in order of first appearance; one page each.
		for _, p := range b.pages {
			if p.Label == "工作表 "+at.Sheet {
				return p
			}
		}
		key, label = -len(b.pages)-1, "工作表 "+at.Sheet
	case len(b.pages) > 0:
		return b.pages[len(b.pages)-1]
	}
	if p, ok := b.pageOf[key]; ok {
		return p
	}
	p := &page{ID: "p" + strconv.Itoa(len(b.pages)+1), Label: label, num: key}
	if b.positioned() {
		p.ID = "p" + strconv.Itoa(key)
	}
	b.pageOf[key] = p
	b.pages = append(b.pages, p)
	return p
}

// textBlock draws a heading or paragraph: one element per source line on
// PDF pages (from the block's spans), one element per block elsewhere.
func (b *builder) textBlock(blk *extract.Block) []*elem {
	class := "blk"
	if blk.Kind == extract.KindHeading {
		class += " h l" + strconv.Itoa(min(max(blk.Level, 1), 4))
	}
	if blk.TOC {
		class += " toc"
	}
	if !b.positioned() || len(blk.Spans) < 2 {
		e := b.newElem("div", class, blk.Text, blk.At)
		for _, s := range blk.Spans {
			b.index(e, s.At)
		}
		return []*elem{e}
	}
	runes := []rune(blk.Text)
	var out []*elem
	for i, s := range blk.Spans {
		end := len(runes)
		if i+1 < len(blk.Spans) {
			end = min(blk.Spans[i+1].Offset, len(runes))
		}
		start := min(max(s.Offset, 0), end)
		at := s.At
		if at.BBox == nil {
			at = blk.At
		}
		out = append(out, b.newElem("div", class, string(runes[start:end]), at))
	}
	return out
}

// table draws one table and indexes its cells.
func (b *builder) table(idx int, blk *extract.Block) *tableView {
	t := blk.Table
	tv := &tableView{ID: "t" + strconv.Itoa(idx), Index: idx, Caption: t.Caption}
	if b.positioned() && blk.At.BBox != nil {
		tv.Box = blk.At.BBox
	}
	b.tables[idx] = tv
	tv.Rows = make([][]*elem, len(t.Rows))
	for r, row := range t.Rows {
		tv.Rows[r] = make([]*elem, len(row))
		for c, cell := range row {
			if cell.Covered {
				continue
			}
			class := "cell"
			if r < t.HeaderRows {
				class += " hdr"
			}
			e := b.newElem("td", class, cell.Text, cell.At)
			e.Span = [2]int{max(cell.RowSpan, 1), max(cell.ColSpan, 1)}
			tv.Rows[r][c] = e
			for dr := range e.Span[0] {
				for dc := range e.Span[1] {
					b.cells[[3]int{idx, r + dr, c + dc}] = e
				}
			}
		}
	}
	return tv
}

// describeTables fills each table's kind, header band, column keys and
// line-item codes from the schema tables that came from it.
func (b *builder) describeTables() {
	seen := map[int]bool{}
	for si := range b.d.Tables {
		st := &b.d.Tables[si]
		if st.At.Table == nil {
			continue
		}
		tv := b.tables[*st.At.Table]
		if tv == nil {
			continue
		}
		seen[tv.Index] = true
		var cols []string
		for _, c := range st.Columns {
			col := string(c.Key)
			if c.Side != "" {
				col = c.Side + ":" + col
			}
			cols = append(cols, col)
			if e := b.cells[[3]int{tv.Index, max(len(st.Header)-1, 0), c.Col}]; e != nil {
				e.Tags = append(e.Tags, col)
			}
		}
		codes := 0
		for _, li := range st.LineItems {
			tag := li.Code
			if tag == "" {
				tag = string(li.Key)
			}
			if tag == "" {
				tag = li.RowKind
			}
			if tag == "" || li.At.Row == nil {
				continue
			}
			codes++
			col := 0
			if li.At.Col != nil {
				col = *li.At.Col
			}
			if e := b.cells[[3]int{tv.Index, *li.At.Row, col}]; e != nil {
				e.Tags = append(e.Tags, tag)
			}
		}
		kind := "?"
		if st.Kind != "" {
			kind = string(st.Kind) + " " + st.Kind.Label()
		}
		tv.Info = fmt.Sprintf("tables[%d] %s · 表头 %d 行 · 列 %s · %d 行科目", si, kind, len(st.Header), orNone(strings.Join(cols, ", ")), codes)
		tv.Detail = fmt.Sprintf("tables[%d]\n表类型 %s\n表名 %s\n表头 %s\n列映射 %s\n科目明细 %d 行", si, kind, st.Title,
			orNone(headerText(st.Header)), orNone(columnText(st.Columns)), len(st.LineItems))
		if len(st.LineItems) == 0 && !st.Empty {
			tv.Unreadable = "没有读出科目明细（表类型 " + kind + "）"
		}
		if st.Unreadable() {
			// Failed its self-check: none of its figures feed the summary or the checks.
			tv.Unreadable = "表内自检未通过，数字未用于汇总和核对（" + st.Check.Reason + "）"
		} else if st.Check != nil && st.Check.Status == schema.CheckInconsistent {
			tv.Info += " · 自检：同一原因的不符 " + strconv.Itoa(st.Check.Failed) + " 处"
		}
		if st.Empty {
			tv.Info += " · 空表"
			if st.EmptyNote != "" {
				tv.Info += "：" + st.EmptyNote
			}
		}
	}
	for idx, tv := range b.tables {
		if !seen[idx] {
			tv.Info = fmt.Sprintf("表格 %d 未进入模式", idx)
			tv.Unreadable = "未识别为表格数据（不在 tables[] 中）"
			tv.Detail = tv.Unreadable
		}
		for _, pc := range tv.pieces {
			pc.Info, pc.Detail, pc.Unreadable = tv.Info+"（续）", tv.Detail, tv.Unreadable
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return "（无）"
	}
	return s
}

func headerText(h [][]string) string {
	var rows []string
	for _, r := range h {
		rows = append(rows, strings.Join(r, " | "))
	}
	return strings.Join(rows, " / ")
}

func columnText(cols []schema.Column) string {
	var s []string
	for _, c := range cols {
		s = append(s, fmt.Sprintf("列%d=%s %s‹%s›", c.Col+1, c.Key, c.Key.Label(), strings.Join(c.Path, "›")))
	}
	return strings.Join(s, "; ")
}

// resolve returns the drawn elements a provenance points at: one, or
// several when the source location held several blocks (one spreadsheet
// cell or HTML element split into paragraphs).
func (b *builder) resolve(at prov.At) []*elem {
	if at.Table != nil && at.Row != nil {
		col := 0
		if at.Col != nil {
			col = *at.Col
		}
		if e := b.cells[[3]int{*at.Table, *at.Row, col}]; e != nil {
			return []*elem{e}
		}
	}
	if at.Page > 0 && at.BBox != nil {
		if e := bestBox(b.boxes[at.Page], at.BBox); e != nil {
			return []*elem{e}
		}
	}
	if at.Line > 0 {
		if els := b.lines[at.Line]; len(els) > 0 {
			return els
		}
	}
	if at.Selector != "" {
		if els := b.bySelector(at.Selector); len(els) > 0 {
			return els
		}
	}
	if at.Sheet != "" && at.Cell != "" {
		if els := b.sheet[at.Sheet+"!"+at.Cell]; len(els) > 0 {
			return els
		}
	}
	return nil
}

// bySelector finds the element read from sel, or from the nearest element
// enclosing it (a value inside a <span> of a paragraph).
func (b *builder) bySelector(sel string) []*elem {
	for s := sel; s != ""; {
		if els := b.selector[s]; len(els) > 0 {
			return els
		}
		i := strings.LastIndex(s, " > ")
		if i < 0 {
			break
		}
		s = s[:i]
	}
	return nil
}

// bestBox returns the element whose box overlaps box most (by intersection
// over union), if any overlaps it substantially.
func bestBox(els []*elem, box *[4]float64) *elem {
	var best *elem
	bestScore := 0.3
	for _, e := range els {
		if s := iou(e.Box, box); s > bestScore {
			best, bestScore = e, s
		}
	}
	return best
}

func iou(a, b *[4]float64) float64 {
	ix := min(a[2], b[2]) - max(a[0], b[0])
	iy := min(a[3], b[3]) - max(a[1], b[1])
	if ix <= 0 || iy <= 0 {
		return 0
	}
	inter := ix * iy
	union := (a[2]-a[0])*(a[3]-a[1]) + (b[2]-b[0])*(b[3]-b[1]) - inter
	if union <= 0 {
		return 0
	}
	return inter / union
}

// place marks every schema amount in the element it was printed in. It
// returns the fields it could not place.
func (b *builder) place(fs []Field) (placedAll map[string]*placed, unplaced []Field) {
	placedAll = map[string]*placed{}
	for _, f := range fs {
		els := b.resolve(f.Amount.At)
		if len(els) == 0 {
			unplaced = append(unplaced, f)
			continue
		}
		e := els[0]
		for _, c := range els {
			if _, ok := c.freeOccurrence(strings.TrimSpace(f.Amount.Text)); ok && f.Amount.Text != "" {
				e = c
				break
			}
		}
		p := &placed{Field: f, El: e}
		placedAll[f.Path] = p
		e.mark(p)
	}
	return placedAll, unplaced
}

// mark records that p's value was printed in e: around the printed text
// where e's text holds it, else on the whole element.
func (e *elem) mark(p *placed) {
	t := strings.TrimSpace(p.Amount.Text)
	s, ok := e.freeOccurrence(t)
	if t == "" || !ok {
		// The provenance names this element but its text does not hold
		// the figure as printed (a coarse provenance): pin it, visibly.
		e.pins = append(e.pins, &markRange{fields: []*placed{p}})
		return
	}
	start, end := s, s+utf8.RuneCountInString(t)
	for _, m := range e.marks {
		if m.start == start && m.end == end || (m.start < end && start < m.end) {
			m.fields = append(m.fields, p)
			return
		}
	}
	e.marks = append(e.marks, &markRange{start: start, end: end, fields: []*placed{p}})
}

// freeOccurrence finds t in e's text, preferring an occurrence no other
// mark covers, then one a mark covers exactly.
func (e *elem) freeOccurrence(t string) (int, bool) {
	runes := []rune(e.Text)
	tr := []rune(t)
	first := -1
	for i := 0; i+len(tr) <= len(runes); i++ {
		if string(runes[i:i+len(tr)]) != t {
			continue
		}
		if first < 0 {
			first = i
		}
		taken := false
		for _, m := range e.marks {
			if m.start < i+len(tr) && i < m.end {
				taken = true
			}
		}
		if !taken {
			return i, true
		}
	}
	return first, first >= 0
}

// locateFindings puts data-finding on every element a finding's at[] names.
// It returns, per finding, how many places were found.
func (b *builder) locateFindings() []int {
	n := make([]int, len(b.d.Findings))
	for i, f := range b.d.Findings {
		for _, at := range f.At {
			els := b.resolve(at)
			if len(els) == 0 && at.Table != nil && b.tables[*at.Table] != nil {
				tv := b.tables[*at.Table]
				if !containsInt(tv.Findings, i) {
					tv.Findings = append(tv.Findings, i)
				}
				n[i]++
				continue
			}
			if len(els) == 0 && at.Page > 0 {
				if p := b.pageOf[at.Page]; p != nil && b.positioned() {
					if !containsInt(p.Findings, i) {
						p.Findings = append(p.Findings, i)
					}
					n[i]++
				}
				continue
			}
			if len(els) == 0 {
				continue
			}
			e := els[0]
			for _, c := range els {
				if c.holds(at) {
					e = c
					break
				}
			}
			e.addFinding(i, at)
			n[i]++
		}
	}
	return n
}

// holds reports whether e shows a figure read from at.
func (e *elem) holds(at prov.At) bool {
	for _, m := range append(slices.Clone(e.marks), e.pins...) {
		for _, p := range m.fields {
			if sameAt(p.Amount.At, at) {
				return true
			}
		}
	}
	return false
}

func appendNew(els []*elem, e *elem) []*elem {
	if len(els) > 0 && els[len(els)-1] == e {
		return els
	}
	return append(els, e)
}

// addFinding marks finding i on e: on the marked figure whose provenance
// is at, when e holds one, else on the whole element.
func (e *elem) addFinding(i int, at prov.At) {
	for _, m := range append(slices.Clone(e.marks), e.pins...) {
		for _, p := range m.fields {
			if sameAt(p.Amount.At, at) {
				if !containsInt(m.findings, i) {
					m.findings = append(m.findings, i)
				}
				return
			}
		}
	}
	if !containsInt(e.findings, i) {
		e.findings = append(e.findings, i)
	}
}

func sameAt(a, b prov.At) bool {
	return a.String() == b.String() && a.Selector == b.Selector && a.Line == b.Line
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// pageSize returns a page's size in points: the smallest standard sheet
// (A4, then A3; landscape first when asked) holding every box drawn on it,
// else the boxes' extent.
func pageSize(els []*elem, tables []*tableView, landscapeFirst bool) (w, h float64) {
	var mx, my float64
	grow := func(b *[4]float64) {
		if b != nil {
			mx, my = max(mx, b[2]), max(my, b[3])
		}
	}
	for _, e := range els {
		grow(e.Box)
	}
	for _, t := range tables {
		grow(t.Box)
	}
	a4, a3 := [2]float64{595.28, 841.89}, [2]float64{841.89, 1190.55}
	sizes := [][2]float64{a4, {a4[1], a4[0]}, a3, {a3[1], a3[0]}}
	if landscapeFirst {
		sizes = [][2]float64{{a4[1], a4[0]}, a4, {a3[1], a3[0]}, a3}
	}
	for _, s := range sizes {
		if mx <= s[0] && my <= s[1] {
			return s[0], s[1]
		}
	}
	return mx + 36, my + 36
}
