package xlsx

import (
	"strings"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
)

// maxHeaderRows bounds the header of a table without figures.
const maxHeaderRows = 6

// detectHeader sets HeaderRows and ColumnNumberRow. Header rows are the
// leading rows before the first row holding a number (an amount or a
// 类/款/项 code); in an empty template, before the first row labelled as
// data (一、…, 1. …, 合计). They are extended over the rowspans of header
// cells. A row numbering the columns (栏次, 1 2 3 …) ends the header.
func detectHeader(t *extract.Table) {
	t.ColumnNumberRow = -1
	for r, row := range t.Rows {
		if r > maxHeaderRows {
			break
		}
		if extract.IsColumnNumberRow(row) {
			t.ColumnNumberRow = r
			break
		}
	}
	h := -1
	for r, row := range t.Rows {
		if r == t.ColumnNumberRow || extract.RowHasNumber(row) {
			h = r
			break
		}
	}
	template := false
	if h < 0 {
		// No figures at all: an empty template. The header ends at the
		// first row labelled as data, or, in a table of headers only,
		// takes all its rows.
		template = true
		for r, row := range t.Rows {
			if r > maxHeaderRows {
				break
			}
			if rowLabelsData(row) {
				h = r
				break
			}
		}
		if h < 0 && len(t.Rows) <= maxHeaderRows {
			h = len(t.Rows)
		}
	}
	if h <= 0 || h > len(t.Rows) || h == len(t.Rows) && !template {
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
	if ext < len(t.Rows) || template && ext == len(t.Rows) {
		// A header cell spanning down into what looked like data makes
		// those rows header too; a span to the end of the table is a row
		// label, not a header.
		h = ext
	}
	t.HeaderRows = h
}

// rowLabelsData: the row's first text is numbered (一、财政拨款收入) or a total.
func rowLabelsData(row []extract.Cell) bool {
	for _, c := range row {
		s := strings.TrimSpace(c.Text)
		if c.Covered || s == "" {
			continue
		}
		if c.RowSpan > 1 {
			return false // a header cell over two rows (合计 above 小计)
		}
		if n, ok := numbering.Parse(s); ok && n.Style != numbering.None && n.Rest != "" {
			return true
		}
		switch strings.ReplaceAll(s, " ", "") {
		case "合计", "总计", "收入总计", "支出总计", "本年收入合计", "本年支出合计":
			return true
		}
		return false
	}
	return false
}
