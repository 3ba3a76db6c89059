package extract

import (
	"regexp"
	"strconv"
	"strings"

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
		if strings.Trim(text, "*＊") == "" { // "**": a 栏次 row's label in some templates
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
