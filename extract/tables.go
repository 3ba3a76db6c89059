package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/internal/units"
)

// What every table extractor needs to tell about cells, in one place so
// that the formats agree on it.

var (
	numericRE = regexp.MustCompile(`^[-−+(（]?\s*[0-9０-９][0-9０-９,，]*(\.[0-9０-９]+)?\s*[)）%％]?$`)
)

// IsNumericCell reports a cell that holds a figure: "1,234.50", "(12)",
// "-3", "35%", full-width digits.
func IsNumericCell(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && numericRE.MatchString(s)
}

// UnitIn finds a declared money unit such as "单位：万元", "金额单位:元" or
// "（单位：人民币万元）" and returns it, or "".
func UnitIn(s string) string {
	return units.Declared(s)
}

// RowHasNumber reports a row with at least one figure in it.
func RowHasNumber(row []Cell) bool {
	for _, c := range row {
		if !c.Covered && IsNumericCell(c.Text) {
			return true
		}
	}
	return false
}

// IsColumnNumberRow recognises a row numbering the columns (栏次): "栏次"
// or 甲/乙 labels followed by consecutive numbers 1, 2, 3 ….
func IsColumnNumberRow(row []Cell) bool {
	next, nums, label := 1, 0, false
	for _, c := range row {
		text := strings.TrimSpace(c.Text)
		if c.Covered || text == "" {
			continue
		}
		switch text {
		case "栏次", "行次", "甲", "乙", "丙", "栏 次", "序号":
			label = true
			continue
		}
		if strings.Trim(text, "*＊—-－/ ") == "" {
			// "**" or "—" in the label columns of a 栏次 row.
			label = true
			continue
		}
		v, err := strconv.Atoi(text)
		if err != nil {
			return false
		}
		if v != next {
			if nums == 0 && v > 0 && v < 10 {
				next = v
			} else {
				return false
			}
		}
		next++
		nums++
	}
	return nums >= 3 || (label && nums >= 2)
}

// ExtendHeader returns the header height h extended over the row spans of
// the header's cells: a header cell spanning down into what looked like
// data (a 栏次 row under 金额) makes those rows header too. A span that
// reaches the end of the table is a row label, not a header, and is
// ignored.
func (t *Table) ExtendHeader(h int) int {
	ext := h
	for r := 0; r < h && r < len(t.Rows); r++ {
		for _, c := range t.Rows[r] {
			if !c.Covered && c.RowSpan > 1 {
				ext = max(ext, r+c.RowSpan)
			}
		}
	}
	if ext < len(t.Rows) {
		return ext
	}
	return h
}

// MarkRowNumberCols sets t.RowNumberCols: the columns headed 行次, and
// the columns after a label column whose body holds nothing but
// consecutive small integers (1, 2, 3 … or 32, 33, 34 … on the second side
// of a 收支总表) over at least three rows; amounts never run so. A 序号
// column leading a list of units is not one: it is the list's own label.
func MarkRowNumberCols(t *Table) {
	t.RowNumberCols = nil
	head := t.HeaderRows
	if head == 0 {
		head = min(3, len(t.Rows))
	}
	for c := 0; c < t.NumCols(); c++ {
		if rowNumberHeader(t, c, head) || c > 0 && labelColumn(t, c-1, t.HeaderRows) && rowNumberBody(t, c, t.HeaderRows) {
			t.RowNumberCols = append(t.RowNumberCols, c)
		}
	}
}

// rowNumberHeader: a header cell of column c (one column wide) reads 行次.
func rowNumberHeader(t *Table, c, head int) bool {
	for r := 0; r < head && r < len(t.Rows); r++ {
		if c >= len(t.Rows[r]) {
			continue
		}
		cell := t.Rows[r][c]
		if cell.Covered || cell.ColSpan > 1 {
			continue
		}
		if strings.Join(strings.Fields(cell.Text), "") == "行次" {
			return true
		}
	}
	return false
}

// labelColumn: the body of column c holds text, not figures, in most
// filled cells.
func labelColumn(t *Table, c, from int) bool {
	text, num := 0, 0
	for r := from; r < len(t.Rows); r++ {
		if c >= len(t.Rows[r]) || t.Rows[r][c].Covered || strings.TrimSpace(t.Rows[r][c].Text) == "" {
			continue
		}
		if IsNumericCell(t.Rows[r][c].Text) {
			num++
		} else {
			text++
		}
	}
	return text > num
}

// rowNumberBody: the body cells of column c are consecutive integers.
func rowNumberBody(t *Table, c, from int) bool {
	n, prev := 0, 0
	for r := from; r < len(t.Rows); r++ {
		if r == t.ColumnNumberRow || c >= len(t.Rows[r]) {
			continue
		}
		cell := t.Rows[r][c]
		text := strings.TrimSpace(cell.Text)
		if cell.Covered || text == "" {
			continue
		}
		v, err := strconv.Atoi(text)
		if err != nil || v < 1 || v > 999 || n > 0 && v != prev+1 {
			return false
		}
		prev = v
		n++
	}
	return n >= 3
}

// WithoutColumns returns a copy of t without the columns cols (ascending):
// cells spanning a dropped column shrink, a span starting in one moves to
// the next column, and RowNumberCols is cleared. Cells keep their
// provenance (At names the column as printed).
func (t *Table) WithoutColumns(cols []int) *Table {
	if len(cols) == 0 {
		return t
	}
	drop := map[int]bool{}
	for _, c := range cols {
		drop[c] = true
	}
	out := *t
	out.RowNumberCols = nil
	out.Rows = make([][]Cell, len(t.Rows))
	for r, row := range t.Rows {
		nr := make([]Cell, 0, len(row))
		for c, cell := range row {
			if drop[c] {
				continue
			}
			if !cell.Covered && cell.ColSpan > 1 {
				kept := 0
				for k := c; k < c+cell.ColSpan && k < len(row); k++ {
					if !drop[k] {
						kept++
					}
				}
				cell.ColSpan = kept
				if kept <= 1 {
					cell.ColSpan = 0
				}
			}
			nr = append(nr, cell)
		}
		out.Rows[r] = nr
	}
	// A span whose origin was dropped: its first kept covered cell becomes
	// the origin.
	for r, row := range t.Rows {
		for c, cell := range row {
			if !drop[c] || cell.Covered || cell.ColSpan <= 1 {
				continue
			}
			nc := c - countBelow(drop, c)
			kept := 0
			for k := c + 1; k < c+cell.ColSpan && k < len(row); k++ {
				if !drop[k] {
					kept++
				}
			}
			if kept == 0 || nc >= len(out.Rows[r]) {
				continue
			}
			moved := cell
			moved.ColSpan = kept
			if kept == 1 {
				moved.ColSpan = 0
			}
			out.Rows[r][nc] = moved
		}
	}
	return &out
}

// countBelow is how many of drop lie below c.
func countBelow(drop map[int]bool, c int) int {
	n := 0
	for k := range drop {
		if k < c {
			n++
		}
	}
	return n
}

// captionLike matches the lines printed above a table: its title (…表,
// 表一, 公开01表), the compiling unit, the unit of amounts.
var captionLike = regexp.MustCompile(`表\s*$|^表\s*[0-9一二三四五六七八九十]|公开\s*[0-9０-９]+\s*表|^编制(单位|部门)\s*[:：]|单位\s*[:：]`)

// TakeCaption moves the short caption lines that end blocks (the table's
// title, 编制单位, 单位：万元; at most three) into t.Caption, ahead of any
// caption it has, and returns the blocks left. Formats that read a table
// after the lines above it (HTML, DOCX) share it so they agree on what a
// caption is.
func TakeCaption(blocks []Block, t *Table) []Block {
	var lines []string
	bs := blocks
	for len(bs) > 0 && len(lines) < 3 {
		b := bs[len(bs)-1]
		if b.Kind != KindParagraph && (b.Kind != KindHeading || b.Numbering != "") {
			break
		}
		if utf8.RuneCountInString(b.Text) > 60 ||
			!strings.Contains(b.Text, "表") && !strings.Contains(b.Text, "单位") || !captionLike.MatchString(b.Text) {
			break
		}
		lines = append(lines, b.Text)
		bs = bs[:len(bs)-1]
	}
	if len(lines) == 0 {
		return blocks
	}
	caps := make([]string, 0, len(lines)+len(t.Caption))
	for i := len(lines) - 1; i >= 0; i-- {
		caps = append(caps, lines[i])
	}
	t.Caption = append(caps, t.Caption...)
	return bs
}
