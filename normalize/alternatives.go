package normalize

import (
	"github.com/yusuan/yusuan/schema"
)

// A table that fails its self-check (schema.CheckTables) was most likely
// misread. Before giving it up, another reading of the same grid is tried:
// the commonest misreading of unruled and stacked headers, the header band
// mapped onto the value columns one column off (a header cell over two
// columns, a label printed over its neighbour). The other reading is kept
// only when the table then checks out and more of its sums of non-zero
// figures hold than under the first — and at least minHeld of them: a
// reading can pass by having nothing left to check.
const minHeld = 3

// rereadUnreadable tries the other readings of every unreadable table.
func rereadUnreadable(d *schema.Document, views []*tableView) {
	for i := range d.Tables {
		t := &d.Tables[i]
		if !t.Unreadable() || i >= len(views) || views[i].shape == nil || !itemized(t.Kind) {
			continue
		}
		for _, shift := range []int{1, -1} {
			if rereadShifted(d, i, views[i], shift) {
				break
			}
		}
	}
}

// rereadShifted reads table i again with each block's column keys moved by
// shift value columns, and keeps that reading when it is better borne out.
func rereadShifted(d *schema.Document, i int, v *tableView, shift int) bool {
	s := v.shape
	saved := make([]schema.ColumnKey, len(s.cols))
	for c := range s.cols {
		saved[c] = s.cols[c].key
	}
	restore := func() {
		for c := range s.cols {
			s.cols[c].key = saved[c]
		}
	}
	moved := false
	for _, b := range s.blocks {
		n := len(b.valueCols)
		if n < 2 {
			continue
		}
		for k, c := range b.valueCols {
			from := k + shift
			if from < 0 || from >= n {
				s.cols[c].key = schema.ColAmount // a column the header band no longer reaches
				continue
			}
			s.cols[c].key = saved[b.valueCols[from]]
			moved = true
		}
	}
	if !moved {
		restore()
		return false
	}
	t := d.Tables[i]
	t.Columns = shiftedColumns(t.Columns, s)
	t.LineItems = s.lineItems(t.Kind)
	for k := range t.LineItems {
		for _, a := range t.LineItems[k].Amounts {
			if a.At.Table == nil {
				a.At = a.At.InTable(v.index, -1, -1)
			}
		}
	}
	trial := *d
	trial.Tables = append([]schema.Table(nil), d.Tables...)
	trial.Tables[i] = t
	check := schema.CheckTable(&trial, i)
	before := d.Tables[i].Check
	if check == nil || check.Status != schema.CheckOK || check.Held < minHeld || before != nil && check.Held <= before.Held {
		restore()
		return false
	}
	check.SetReasonText(shiftReason(shift))
	t.Check = check
	d.Tables[i] = t
	return true
}

// shiftedColumns renames the table's columns after the shape's keys.
func shiftedColumns(cols []schema.Column, s *tableShape) []schema.Column {
	out := make([]schema.Column, len(cols))
	copy(out, cols)
	for k := range out {
		if c := out[k].Col; c >= 0 && c < len(s.cols) {
			out[k].Key = s.cols[c].key
			out[k].Parts = nil
		}
	}
	addParts(out)
	return out
}

// shiftReason says, in Chinese and English, how a re-read table was read.
func shiftReason(shift int) (zh, en string) {
	if shift > 0 {
		return "表头按印出位置左移一列读取后，表内各项相加相符",
			"read with the header band one column to the left of where it was printed: the table then adds up"
	}
	return "表头按印出位置右移一列读取后，表内各项相加相符",
		"read with the header band one column to the right of where it was printed: the table then adds up"
}
