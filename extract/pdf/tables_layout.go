package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

// This file hands table regions to the layout: the lines a table covers,
// its caption above and notes below are replaced by one placeholder line
// that joinLines turns into a table block; tables continued over pages
// are then merged and every cell gets its provenance.

// captionRE matches the lines printed above a table: its title (…表, 表一,
// 公开01表, 续表), the compiling unit, the unit of amounts, the date of
// the figures (截止时间).
var captionRE = regexp.MustCompile(`表\s*([（(][^（()）]{0,12}[)）])?\s*$|^续表|^表\s*[0-9０-９一二三四五六七八九十]|公开\s*[0-9０-９]+\s*表|^(编制|填报|预算)?(单位|部门)(名称)?\s*[:：]|单位\s*[:：]|^金额单位|^截止(时间|日期)\s*[:：]`)

var noteRE = regexp.MustCompile(`^(注|备注|说明)\s*[0-9０-９]?\s*[:：.．、]`)

// tableLines finds the tables of one page and replaces their lines, with
// captions and notes, by placeholders. ls is the page's lines in reading
// order with furniture removed.
//
// prev is the last table of the page before (an unruled table continued
// at the top of this page is read with its columns); tableLines returns
// this page's last table in turn.
func tableLines(p *Page, ls []Line, meta map[*extract.Table]*pageTable, prev *pageTable) ([]Line, *pageTable) {
	tabs := findTables(p)
	if prev != nil && prev.kind != kindStream {
		prev = nil
	}
	if st := streamTables(p, ls, tabs, prev); len(st) > 0 {
		tabs = append(tabs, st...)
		sort.SliceStable(tabs, func(i, j int) bool { return tabs[i].bbox[3] > tabs[j].bbox[3] })
	}
	if len(tabs) == 0 {
		return ls, nil
	}
	for _, t := range tabs {
		meta[t.t] = t
	}
	owner := make([]int, len(ls))
	for i := range ls {
		owner[i] = -1
		for k, t := range tabs {
			if lineInTable(&ls[i], t.bbox) {
				owner[i] = k
				break
			}
		}
	}
	first := make([]int, len(tabs))
	last := make([]int, len(tabs))
	for k := range tabs {
		first[k], last[k] = -1, -1
	}
	for i, k := range owner {
		if k < 0 {
			continue
		}
		if first[k] < 0 {
			first[k] = i
		}
		last[k] = i
	}
	for k, t := range tabs {
		if first[k] < 0 {
			// No line overlaps (text only in cells that lines split
			// oddly): place it by position.
			first[k] = len(ls)
			for i := range ls {
				if ls[i].Y1 < t.bbox[3] {
					first[k] = i
					break
				}
			}
			last[k] = first[k] - 1
			continue
		}
		// Caption: caption-like lines just above, nearest first.
		top := t.bbox[3]
		var capIdx []int
		for i := first[k] - 1; i >= 0 && len(capIdx) < 4; i-- {
			l := &ls[i]
			reach := 4.0
			if len(capIdx) == 0 && unitOf(l.Text()) != "" {
				// The 部门/单位 line may stand a little further off.
				reach = 5
			}
			if owner[i] >= 0 || l.Y0 < top-2 || l.Y0-top > reach*max(l.Size, 8) {
				break
			}
			if !captionLine(l) {
				break
			}
			capIdx = append(capIdx, i)
			top = l.Y1
		}
		for j := len(capIdx) - 1; j >= 0; j-- {
			i := capIdx[j]
			owner[i] = k
			for _, c := range ls[i].Cells {
				if c.Text != "" {
					t.t.Caption = append(t.t.Caption, captionParts(c.Text)...)
				}
			}
			first[k] = i
		}
		// Notes: a 注 line just below, and the lines that carry it on.
		bottom := t.bbox[1]
		inNote := false
		for i := last[k] + 1; i < len(ls); i++ {
			l := &ls[i]
			if owner[i] >= 0 || l.Y1 > bottom+2 || bottom-l.Y1 > 3*max(l.Size, 8) {
				break
			}
			text := squeezeCJK(strings.Join(strings.Fields(l.Text()), " "))
			switch {
			case noteRE.MatchString(text):
				t.t.Notes = append(t.t.Notes, text)
				inNote = true
			case inNote && len(l.Cells) == 1 && bottom-l.Y1 < 1.2*l.Size:
				if startsNumbered(text) {
					t.t.Notes = append(t.t.Notes, text)
				} else {
					t.t.Notes[len(t.t.Notes)-1] += text
				}
			default:
				i = len(ls)
				continue
			}
			owner[i] = k
			last[k] = i
			bottom = l.Y0
		}
		liftCaptionRows(t.t)
		for _, c := range t.t.Caption {
			if u := unitOf(c); u != "" {
				t.t.Unit = u
				break
			}
		}
	}
	out := make([]Line, 0, len(ls))
	placed := make([]bool, len(tabs))
	for i := 0; i <= len(ls); i++ {
		for k, t := range tabs {
			if !placed[k] && first[k] == i {
				placed[k] = true
				out = append(out, Line{Page: p.Number, X0: t.bbox[0], Y0: t.bbox[1], X1: t.bbox[2], Y1: t.bbox[3], table: t})
			}
		}
		if i < len(ls) && owner[i] < 0 {
			out = append(out, ls[i])
		}
	}
	return out, tabs[len(tabs)-1]
}

// liftCaptionRows moves the caption printed inside a table's ruling (a
// tables-only export that frames its title "预算01表 收支总表" and
// "金额单位：万元" with the grid) from the leading rows to the Caption: a
// row whose few texts are all caption lines, above the column headers.
func liftCaptionRows(t *extract.Table) {
	n := 0
	for n < len(t.Rows)-1 && n < 3 && captionRow(t.Rows[n]) {
		n++
	}
	if n == 0 {
		return
	}
	for _, row := range t.Rows[:n] {
		for _, c := range row {
			if !c.Covered && c.Text != "" {
				t.Caption = append(t.Caption, captionParts(c.Text)...)
			}
		}
	}
	t.Rows = t.Rows[n:]
	t.HeaderRows = max(0, t.HeaderRows-n)
	if t.ColumnNumberRow >= 0 {
		t.ColumnNumberRow = max(-1, t.ColumnNumberRow-n)
	}
}

// captionRow: one or two texts, each a caption line, none spanning down.
func captionRow(row []extract.Cell) bool {
	n := 0
	for _, c := range row {
		if c.Covered || c.Text == "" {
			continue
		}
		if c.RowSpan > 1 || !captionText(c.Text) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 2
}

// unitStartRE finds where a unit declaration starts inside a caption line.
var unitStartRE = regexp.MustCompile(`(金额)?单位\s*[:：]\s*(人民币)?\s*(万元|千元|亿元|元)`)

// captionParts is a caption line's text in its parts: the unit printed
// on the same line as the department ("部门名称：某局 单位：万元", set
// too close to be two cells) is a part of its own.
func captionParts(s string) []string {
	s = squeezeCJK(strings.TrimSpace(s))
	if s == "" {
		return nil
	}
	if loc := unitStartRE.FindStringIndex(s); loc != nil && loc[0] > 0 {
		head := strings.TrimSpace(s[:loc[0]])
		if i := strings.IndexAny(head, "：:"); i >= 0 && i < len(head)-len("：") {
			return []string{head, strings.TrimSpace(s[loc[0]:])}
		}
	}
	return []string{s}
}

func captionLine(l *Line) bool {
	if captionText(l.Text()) {
		return true
	}
	for _, c := range l.Cells {
		if captionText(c.Text) {
			return true
		}
	}
	return false
}

// captionText: a table title, 编制部门 or 单位 line; not a numbered
// heading ("三、部门预算公开表") nor a sentence.
func captionText(s string) bool {
	s = strings.Join(strings.Fields(s), "")
	if s == "" || runeLen(s) > 60 || strings.ContainsAny(s, "。；") || startsNumbered(s) {
		return false
	}
	return captionRE.MatchString(s)
}

var numberedRE = regexp.MustCompile(`^(\d+[.．、]|[（(]\d+[)）]|[一二三四五六七八九十]+、)`)

func startsNumbered(s string) bool { return numberedRE.MatchString(s) }

// tableBlock makes the block of a placeholder line.
func tableBlock(l Line) extract.Block {
	t := l.table
	return extract.Block{
		Kind:  extract.KindTable,
		Table: t.t,
		At:    prov.At{Page: t.page, BBox: &[4]float64{round2(t.bbox[0]), round2(t.bbox[1]), round2(t.bbox[2]), round2(t.bbox[3])}},
	}
}

// finishTables merges tables continued on the next page into the table
// they continue, then numbers the tables and points every cell at its
// position. meta maps each table to what its page saw.
func finishTables(blocks []extract.Block, meta map[*extract.Table]*pageTable) []extract.Block {
	blocks = captionsFromPageBefore(blocks)
	out := blocks[:0]
	var prev *extract.Block
	var prevMeta *pageTable
	lastPage := 0
	for _, b := range blocks {
		if b.Kind == extract.KindTable && prev != nil {
			m := meta[b.Table]
			if m != nil && prevMeta != nil && m.page == lastPage+1 && continues(prevMeta, prev.Table, m, b.Table) {
				appendContinuation(prev.Table, remapColumns(b.Table, m.xs, prevMeta.xs))
				lastPage = m.page
				continue
			}
		}
		out = append(out, b)
		if b.Kind == extract.KindTable {
			prev = &out[len(out)-1]
			prevMeta = meta[b.Table]
			if prevMeta != nil {
				lastPage = prevMeta.page
			}
		} else {
			prev, prevMeta = nil, nil
		}
	}
	ti := 0
	for i := range out {
		b := &out[i]
		if b.Kind != extract.KindTable || b.Table == nil {
			continue
		}
		extract.MarkRowNumberCols(b.Table)
		n := ti
		b.At.Table = &n
		for r, row := range b.Table.Rows {
			for c := range row {
				row[c].At = row[c].At.InTable(ti, r, c)
			}
		}
		ti++
	}
	return out
}

// continues reports whether table b, first on its page, carries on table
// a from the page before: the same columns at the same places, and no
// title of its own (a 续表 mark, the unit line, or a's own title printed
// again may repeat).
func continues(am *pageTable, a *extract.Table, bm *pageTable, b *extract.Table) bool {
	if colMap(bm.xs, am.xs) == nil {
		return false
	}
	same := map[string]bool{}
	for _, c := range a.Caption {
		same[strings.Join(strings.Fields(c), "")] = true
	}
	for _, c := range b.Caption {
		c = strings.Join(strings.Fields(c), "")
		if strings.Contains(c, "续") || same[c] {
			continue
		}
		if unitOf(c) != "" || strings.HasPrefix(c, "编制") || strings.HasPrefix(c, "部门") {
			continue
		}
		return false
	}
	return true
}

// colTol is how far a column edge may move between the pages of a table.
const colTol = 6.0

// colMap maps each of the column edges bxs to the index of the same edge
// in axs; nil unless every edge of b has one and the outer edges match (b
// may merge columns of a whose rules it does not draw, e.g. under 合计).
func colMap(bxs, axs []float64) []int {
	if len(bxs) < 2 || len(bxs) > len(axs) {
		return nil
	}
	m := make([]int, len(bxs))
	j := 0
	for i, x := range bxs {
		for j < len(axs) && axs[j] < x-colTol {
			j++
		}
		if j == len(axs) || math.Abs(axs[j]-x) > colTol {
			return nil
		}
		m[i] = j
	}
	if m[0] != 0 || m[len(m)-1] != len(axs)-1 {
		return nil
	}
	return m
}

// remapColumns spreads b's cells over a's columns (edges axs).
func remapColumns(b *extract.Table, bxs, axs []float64) *extract.Table {
	m := colMap(bxs, axs)
	if len(bxs) == len(axs) || m == nil {
		return b
	}
	w := len(axs) - 1
	rows := make([][]extract.Cell, len(b.Rows))
	for r, row := range b.Rows {
		rows[r] = make([]extract.Cell, w)
		for c, cell := range row {
			if cell.Covered {
				continue
			}
			nc, ncs := m[c], m[c+max(cell.ColSpan, 1)]-m[c]
			rs := max(cell.RowSpan, 1)
			for rr := r; rr < r+rs && rr < len(rows); rr++ {
				if rows[rr] == nil {
					rows[rr] = make([]extract.Cell, w)
				}
				for cc := nc; cc < nc+ncs; cc++ {
					rows[rr][cc] = extract.Cell{Covered: true, At: cell.At}
				}
			}
			if ncs > 1 {
				cell.ColSpan = ncs
			} else {
				cell.ColSpan = 0
			}
			rows[r][nc] = cell
		}
	}
	nb := *b
	nb.Rows = rows
	return &nb
}

// appendContinuation adds b's rows to a, without the rows that repeat a's
// header.
func appendContinuation(a, b *extract.Table) {
	head := map[string]bool{}
	for _, row := range a.Rows[:a.HeaderRows] {
		head[rowKey(row)] = true
	}
	skip := 0
	for skip < len(b.Rows) && skip < max(a.HeaderRows, b.HeaderRows) && head[rowKey(b.Rows[skip])] {
		skip++
	}
	if skip < b.HeaderRows && b.HeaderRows <= a.HeaderRows+1 && (skip > 0 || headText(b.Rows[:b.HeaderRows]) == headText(a.Rows[:a.HeaderRows])) {
		// The header repeated with a difference (a 续表 mark in it), or
		// cut into other columns (an unruled page whose few rows show
		// fewer gutters).
		skip = b.HeaderRows
	}
	rows := b.Rows[skip:]
	if n := len(a.Rows); len(rows) > 0 && n > a.HeaderRows &&
		(splitRow(a.Rows[n-1], rows[0]) || splitRowWithFigures(a.Rows[a.HeaderRows:n-1], a.Rows[n-1], rows[0])) {
		// The page broke inside a row: its tail joins the row above.
		last := a.Rows[n-1]
		for c, cell := range rows[0] {
			switch {
			case cell.Covered || cell.Text == "" || last[c].Covered:
			case last[c].Text == "":
				last[c].Text, last[c].At = cell.Text, cell.At
			default:
				last[c].Text = joinCellText([]string{last[c].Text, cell.Text})
			}
		}
		rows = rows[1:]
	}
	a.Rows = append(a.Rows, rows...)
	a.Notes = append(a.Notes, b.Notes...)
	if a.Unit == "" {
		a.Unit = b.Unit
	}
}

// titled: a caption line names the table (…表).
func titled(caption []string) bool {
	for _, c := range caption {
		if strings.Contains(c, "表") {
			return true
		}
	}
	return false
}

// headText is the text of header rows read left to right, top to
// bottom, without spaces or cell bounds.
func headText(rows [][]extract.Cell) string {
	var b strings.Builder
	for _, row := range rows {
		for _, c := range row {
			if !c.Covered {
				b.WriteString(strings.Join(strings.Fields(c.Text), ""))
			}
		}
	}
	return b.String()
}

func rowKey(row []extract.Cell) string {
	var b strings.Builder
	for _, c := range row {
		if !c.Covered {
			b.WriteString(c.Text)
		}
		b.WriteByte('|')
	}
	return b.String()
}

// splitRow reports whether next, the first row on a new page, is the tail
// of last broken by the page: next has no number and no code, only text
// in columns where last has text.
func splitRow(last, next []extract.Cell) bool {
	if len(last) != len(next) || extract.RowHasNumber(next) {
		return false
	}
	n := 0
	for c, cell := range next {
		if cell.Covered || cell.Text == "" {
			continue
		}
		if c == 0 || last[c].Covered || last[c].Text == "" || numericCell(last[c].Text) {
			return false
		}
		n++
	}
	return n > 0 && extract.RowHasNumber(last)
}

// splitRowWithFigures reports whether next, the first row on a new page
// and holding figures, is the tail of last broken by the page (a row whose
// figures, centred or set low in their cells, fell after the break). The
// join is safe only when last has no figure in the columns next fills, its
// text in the others carries on last's, and something says it is one row:
// next has no label at all, or next lacks the code (or row number) that
// last and nearly every row above it carry in one column.
func splitRowWithFigures(above [][]extract.Cell, last, next []extract.Cell) bool {
	if len(last) != len(next) || !extract.RowHasNumber(next) || totalRow(next) {
		return false
	}
	labelled := false
	for c, cell := range next {
		if cell.Covered || cell.Text == "" {
			continue
		}
		if last[c].Covered {
			return false
		}
		if numericCell(cell.Text) {
			if last[c].Text != "" {
				return false
			}
			continue
		}
		if last[c].Text == "" || numericCell(last[c].Text) {
			return false
		}
		labelled = true
	}
	if !labelled {
		for _, cell := range last {
			if !cell.Covered && cell.Text != "" && !numericCell(cell.Text) {
				return true
			}
		}
		return false
	}
	for c := range last {
		if next[c].Covered || next[c].Text != "" || !codeText(last[c].Text) {
			continue
		}
		coded, rows := 0, 0
		for _, row := range above {
			if len(row) != len(last) || totalRow(row) {
				continue
			}
			rows++
			if codeText(row[c].Text) {
				coded++
			}
		}
		if rows >= 3 && coded*10 >= rows*9 {
			return true
		}
	}
	return false
}

// totalRow: a cell of row names a total (合计, 总计, 小计), a row that
// stands without a code.
func totalRow(row []extract.Cell) bool {
	for _, c := range row {
		t := strings.Join(strings.Fields(c.Text), "")
		if !c.Covered && (strings.Contains(t, "合计") || strings.Contains(t, "总计") || strings.Contains(t, "小计")) {
			return true
		}
	}
	return false
}

// codeText: a classification code or a row number (2010501, [30101], 12).
func codeText(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), "[]【】")
	if s == "" || len(s) > 9 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// captionsFromPageBefore gives a table that starts a page without a
// title the caption lines that ended the page before (a title kept apart
// from its table by a page break; its 部门/单位 line may have followed it).
func captionsFromPageBefore(blocks []extract.Block) []extract.Block {
	out := make([]extract.Block, 0, len(blocks))
	for _, b := range blocks {
		if b.Kind == extract.KindTable && b.Table != nil && !titled(b.Table.Caption) {
			k := len(out)
			for k > 0 && len(out)-k < 3 {
				p := out[k-1]
				if p.Kind != extract.KindParagraph && p.Kind != extract.KindHeading || p.TOC || p.At.Page != b.At.Page-1 || !captionText(p.Text) {
					break
				}
				k--
			}
			if k < len(out) {
				var capt []string
				for _, p := range out[k:] {
					for _, part := range strings.Split(p.Text, "\t") {
						capt = append(capt, captionParts(part)...)
					}
				}
				b.Table.Caption = append(capt, b.Table.Caption...)
				for _, c := range b.Table.Caption {
					if u := unitOf(c); u != "" && b.Table.Unit == "" {
						b.Table.Unit = u
					}
				}
				out = out[:k]
			}
		}
		out = append(out, b)
	}
	return out
}
