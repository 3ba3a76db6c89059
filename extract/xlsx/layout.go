package xlsx

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
	"github.com/yusuan/yusuan/prov"
)

// A budget sheet is laid out like a printed page: title rows and the
// 编制部门 / 单位：元 line above a ruled grid, notes (注：…) below it, and
// sometimes only text (a cover, 名词解释). layout walks the rows of a grid
// and cuts them into those parts.

// line is one caption, note or paragraph text with where it came from.
type line struct {
	text string
	at   prov.At
}

// segment is one table found in a sheet: the caption lines above it, its
// rows (grid row indices) and its notes.
type segment struct {
	caption []line
	rows    []int
	notes   []line
}

// origin is a non-empty cell that is not covered by a merge.
type origin struct {
	j    int
	text string
}

// origins returns the non-empty visible cells of grid row i.
func (g *grid) origins(i int) []origin {
	var o []origin
	for j, t := range g.text[i] {
		if t != "" && g.isOrigin(i, j) {
			o = append(o, origin{j, t})
		}
	}
	return o
}

// lines returns the texts of row i as caption or paragraph lines.
func (g *grid) lines(i int) []line {
	var ls []line
	for _, o := range g.origins(i) {
		ls = append(ls, line{o.text, prov.At{Sheet: g.name, Cell: g.cellName(i, o.j)}})
	}
	return ls
}

// Row classification.
var (
	// captionRE matches the lines printed around a table's title: the
	// title itself (…表, 表一, 公开01表), 编制部门/单位, the unit, a date.
	captionRE = regexp.MustCompile(`表\s*[)）]?\s*$|^表\s*[0-9一二三四五六七八九十]|公开\s*[0-9０-９]+\s*表|^编制(单位|部门|机关)\s*[:：]|^(预算|主管)?(单位|部门)(名称)?\s*[:：]|单位\s*[:：]|^\d{4}\s*年\s*(\d{1,2}\s*月\s*(\d{1,2}\s*日)?)?$`)
	// noteRE matches the first line of a note printed under a table.
	noteRE = regexp.MustCompile(`^\s*(注|备注|说明|资料来源|数据来源|填表说明)\s*[0-9０-９]*\s*[:：、.．]`)
	// leaderRE matches the dot leaders (and page number) of a contents line.
	leaderRE = regexp.MustCompile(`\s*(?:[…⋯]{4,}|[.．·・]{6,}|[-—_]{6,})[…⋯.．·・\s]*(\d+)?\s*$`)
)

func unitOf(s string) string { return extract.UnitIn(s) }

// isCaptionText reports whether a cell reads as part of a table's caption.
func isCaptionText(s string) bool {
	return utf8.RuneCountInString(s) <= 80 && !strings.ContainsAny(s, "。；") && captionRE.MatchString(s)
}

// isTableRow: a row with two or more cells that are not all caption parts
// (编制部门：… 单位：元 is a caption line spread over cells).
func (g *grid) isTableRow(i int) bool {
	o := g.origins(i)
	if len(o) < 2 {
		return false
	}
	for _, c := range o {
		if !isCaptionText(c.text) {
			return true
		}
	}
	return false
}

// isNoteRow: one cell starting 注：/说明：, or one long text across the table.
func (g *grid) isNoteRow(i int) bool {
	o := g.origins(i)
	if len(o) != 1 {
		return false
	}
	if noteRE.MatchString(o[0].text) {
		return true
	}
	m, ok := g.merge(i, o[0].j)
	return utf8.RuneCountInString(o[0].text) > 40 && ok && m.c1-m.c0 >= 2 && strings.ContainsAny(o[0].text, "。；")
}

// isTitleRow: a row that starts the caption of a next table.
func (g *grid) isTitleRow(i int) bool {
	o := g.origins(i)
	if len(o) == 0 {
		return false
	}
	for _, c := range o {
		if !isCaptionText(c.text) {
			return false
		}
	}
	// A lone 合计 row label or a code is table, not title; captionRE wants
	// 表, 单位 or 编制 words, which those lack.
	return true
}

// segments cuts the grid into tables and the loose lines around them.
// loose holds, for each segment (and once more at the end), the lines
// before its caption that are not part of any table.
func (g *grid) segments() (segs []segment, loose [][]line) {
	const (
		before = iota
		inTable
		inNotes
	)
	state := before
	var pending []line
	var cur segment
	inCur := make([]bool, len(g.text)) // rows of cur
	flush := func() {
		if len(cur.rows) > 0 {
			segs = append(segs, cur)
		}
		for _, r := range cur.rows {
			inCur[r] = false
		}
		cur = segment{}
	}
	start := func(i int) {
		// The caption is the run of short caption-like lines just above;
		// anything earlier is loose text.
		k := len(pending)
		for k > 0 && len(pending)-k < 4 && isCaptionText(pending[k-1].text) {
			k--
		}
		loose = append(loose, pending[:k])
		cur = segment{caption: pending[k:], rows: []int{i}}
		inCur[i] = true
		pending = nil
		state = inTable
	}
	for i := range g.text {
		if len(g.origins(i)) == 0 {
			continue
		}
		switch state {
		case before:
			if g.isTableRow(i) {
				start(i)
			} else {
				pending = append(pending, g.lines(i)...)
			}
		case inTable:
			switch {
			case g.isNoteRow(i):
				cur.notes = append(cur.notes, g.lines(i)...)
				state = inNotes
			case !g.isTableRow(i) && g.isTitleRow(i) && !g.withinMerge(inCur, i):
				flush()
				pending = g.lines(i)
				state = before
			default:
				cur.rows = append(cur.rows, i)
				inCur[i] = true
			}
		case inNotes:
			switch {
			case g.isTableRow(i):
				flush()
				start(i)
			case g.isTitleRow(i) && !g.isNoteRow(i):
				flush()
				pending = g.lines(i)
				state = before
			default:
				cur.notes = append(cur.notes, g.lines(i)...)
			}
		}
	}
	flush()
	loose = append(loose, pending)
	return segs, loose
}

// withinMerge reports whether row i lies inside a vertical merge that
// starts in a row of the current table (in): it belongs to that table.
func (g *grid) withinMerge(in []bool, i int) bool {
	for j := range g.text[i] {
		if m, ok := g.merge(i, j); ok && m.r0 < i && in[m.r0] {
			return true
		}
	}
	return false
}

// table builds the extract.Table of seg: the rows it holds, the columns
// in use, merges as spans counted over the rows and columns kept.
func (g *grid) table(seg segment, ti int) *extract.Table {
	rowIn := make(map[int]int, len(seg.rows)) // grid row → table row
	for k, r := range seg.rows {
		rowIn[r] = k
	}
	// Columns in use: any non-empty origin, or part of a merge whose
	// top-left is in the table.
	width := len(g.text[0])
	used := make([]bool, width)
	for _, r := range seg.rows {
		for j := 0; j < width; j++ {
			if g.text[r][j] != "" {
				used[j] = true
			}
			if m, ok := g.merge(r, j); ok {
				if _, in := rowIn[m.r0]; in && g.text[m.r0][m.c0] != "" {
					used[j] = true
				}
			}
		}
	}
	var cols []int
	colIn := map[int]int{}
	for j, u := range used {
		if u {
			colIn[j] = len(cols)
			cols = append(cols, j)
		}
	}
	t := &extract.Table{Rows: make([][]extract.Cell, len(seg.rows)), ColumnNumberRow: -1}
	for k, r := range seg.rows {
		row := make([]extract.Cell, len(cols))
		for c, j := range cols {
			cell := extract.Cell{At: prov.At{Sheet: g.name, Cell: g.cellName(r, j)}.InTable(ti, k, c)}
			m, ok := g.merge(r, j)
			_, originIn := rowIn[m.r0]
			_, originCol := colIn[m.c0]
			switch {
			case !ok || !originIn || !originCol:
				// Plain cell, or part of a merge whose top-left the
				// table does not hold.
				if !ok || g.isOrigin(r, j) {
					cell.Text = g.text[r][j]
				}
			case m.r0 == r && m.c0 == j:
				cell.Text = g.text[r][j]
				if n := countIn(seg.rows, m.r0, m.r1); n > 1 {
					cell.RowSpan = n
				}
				if n := countIn(cols, m.c0, m.c1); n > 1 {
					cell.ColSpan = n
				}
			default:
				cell.Covered = true
			}
			row[c] = cell
		}
		t.Rows[k] = row
	}
	for _, l := range seg.caption {
		t.Caption = append(t.Caption, l.text)
		if t.Unit == "" {
			t.Unit = unitOf(l.text)
		}
	}
	for _, l := range seg.notes {
		t.Notes = append(t.Notes, l.text)
	}
	detectHeader(t)
	extract.MarkRowNumberCols(t)
	if t.Unit == "" {
		for r := 0; r < max(t.HeaderRows, 1) && r < len(t.Rows) && t.Unit == ""; r++ {
			for _, c := range t.Rows[r] {
				if u := unitOf(c.Text); u != "" {
					t.Unit = u
					break
				}
			}
		}
	}
	return t
}

// countIn counts the members of sorted xs within [lo, hi].
func countIn(xs []int, lo, hi int) int {
	n := 0
	for _, x := range xs {
		if x >= lo && x <= hi {
			n++
		}
	}
	return n
}

// blocks lays the grid out as document blocks. A sheet of text only opens
// with its first short line (the title row) as heading, else the sheet
// name. A sheet whose table has a title row above it (2026年部门财务收支预算总表)
// needs no heading: the title is the first caption line, as a PDF or HTML
// table's is (a heading as well would read as part of the document's
// title after the cover). Other table sheets open with the sheet name as
// heading. *tables numbers the tables across the document.
func (g *grid) blocks(tables *int) []extract.Block {
	sheetAt := prov.At{Sheet: g.name}
	if len(g.text) == 0 {
		return nil
	}
	segs, loose := g.segments()
	var out []extract.Block
	if len(segs) == 0 {
		lines := loose[len(loose)-1]
		title := line{g.name, sheetAt}
		if len(lines) > 0 && utf8.RuneCountInString(lines[0].text) <= 40 && !strings.ContainsAny(lines[0].text, "。；\n") && !leaderRE.MatchString(lines[0].text) {
			title, lines = lines[0], lines[1:]
		}
		out = append(out, heading(title))
		return append(out, paragraphs(lines)...)
	}
	if !titled(segs[0].caption) || len(loose[0]) > 0 {
		// The sheet name stands in for a missing title.
		out = append(out, heading(line{g.name, sheetAt}))
	}
	for k, seg := range segs {
		out = append(out, paragraphs(loose[k])...)
		ti := *tables
		*tables++
		t := g.table(seg, ti)
		first := t.Rows[0][0].At
		at := prov.At{Sheet: g.name, Cell: first.Cell, Table: &ti}
		out = append(out, extract.Block{Kind: extract.KindTable, Table: t, At: at})
	}
	return append(out, paragraphs(loose[len(loose)-1])...)
}

// titled reports whether a caption includes a table title (…表).
func titled(caption []line) bool {
	for _, l := range caption {
		t := strings.TrimSpace(l.text)
		if strings.HasSuffix(t, "表") || strings.Contains(t, "表（") || strings.Contains(t, "表(") {
			return true
		}
	}
	return false
}

func heading(l line) extract.Block {
	text := clean(l.text)
	b := extract.Block{Kind: extract.KindHeading, Text: text, Level: 1, At: l.at}
	if n, ok := numbering.Parse(text); ok {
		b.Numbering = n.Text
	}
	return b
}

// paragraphs splits multi-line cells (a merged block of prose) into one
// paragraph per line; contents lines (dot leaders) are marked TOC.
func paragraphs(lines []line) []extract.Block {
	var out []extract.Block
	for _, l := range lines {
		for _, s := range strings.Split(l.text, "\n") {
			toc := false
			if m := leaderRE.FindStringIndex(s); m != nil && m[0] > 0 {
				s, toc = s[:m[0]], true
			}
			s = clean(s)
			if s == "" {
				continue
			}
			b := extract.Block{Kind: extract.KindParagraph, Text: s, At: l.at, TOC: toc}
			if n, ok := numbering.Parse(s); ok {
				b.Numbering = n.Text
			}
			out = append(out, b)
		}
	}
	return out
}

// clean trims a line and folds runs of white space (ideographic spaces
// included) to one space; soft breaks inside a line are gone already.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\r' || r == '\u3000' || r == '\u00a0'
	}), " ")
}
