package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
)

// grid builds a table from rows of "|"-separated cells; "〃" marks a cell
// covered by the span of the cell to its left.
func grid(header int, rows ...string) *extract.Table {
	t := &extract.Table{HeaderRows: header, ColumnNumberRow: -1}
	for _, r := range rows {
		var row []extract.Cell
		for _, s := range strings.Split(r, "|") {
			if s == "〃" {
				row = append(row, extract.Cell{Covered: true})
				for k := len(row) - 2; k >= 0; k-- {
					if !row[k].Covered {
						row[k].ColSpan = max(row[k].ColSpan, 1) + 1
						break
					}
				}
				continue
			}
			row = append(row, extract.Cell{Text: s})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func texts(t *extract.Table) string {
	var b strings.Builder
	for _, row := range t.Rows {
		for c, cell := range row {
			if c > 0 {
				b.WriteByte('|')
			}
			if cell.Covered {
				b.WriteString("〃")
			} else {
				b.WriteString(cell.Text)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestMarkRowNumberCols(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    *extract.Table
		want []int
	}{
		{"决算 收支总表 with 行次 on both sides", grid(2,
			"收入|〃|〃|支出|〃|〃",
			"项目|行次|金额|项目|行次|金额",
			"一、一般公共预算财政拨款收入|1|19,572.91|一、一般公共服务支出|32|10,685.56",
			"二、政府性基金预算财政拨款收入|2||二、外交支出|33|",
			"本年收入合计|3|20,451.35|本年支出合计|34|14,572.53"), []int{1, 4}},
		{"unheaded row numbers after the label", grid(1,
			"项目||金额",
			"年初结转和结余|29|1,615.24",
			"|30|",
			"总计|31|22,066.59"), []int{1}},
		{"序号 leading a list of units is the list's label", grid(1,
			"序号|单位名称|人数",
			"1|本级|12",
			"2|某中心|8",
			"3|某站|5"), nil},
		{"amounts are not row numbers", grid(1,
			"项目|金额",
			"一般公共服务支出|1",
			"教育支出|2",
			"住房保障支出|5"), nil},
	} {
		extract.MarkRowNumberCols(tc.t)
		if fmt.Sprint(tc.t.RowNumberCols) != fmt.Sprint(tc.want) {
			t.Errorf("%s: RowNumberCols = %v, want %v", tc.name, tc.t.RowNumberCols, tc.want)
		}
	}
}

func TestWithoutColumns(t *testing.T) {
	tab := grid(2,
		"收入|〃|〃|支出|〃|〃",
		"项目|行次|金额|项目|行次|金额",
		"合计|1|10|合计|2|10")
	got := texts(tab.WithoutColumns([]int{1, 4}))
	want := "收入|〃|支出|〃\n项目|金额|项目|金额\n合计|10|合计|10\n"
	if got != want {
		t.Errorf("WithoutColumns:\n%s\nwant\n%s", got, want)
	}
	if s := tab.WithoutColumns([]int{1, 4}).Rows[0][0].ColSpan; s != 2 {
		t.Errorf("span over a dropped column: %d, want 2", s)
	}
	// A span whose first column goes moves to the next column.
	got = texts(grid(0, "行次|〃|x", "1|a|b").WithoutColumns([]int{0}))
	if got != "行次|x\na|b\n" {
		t.Errorf("dropped span origin:\n%s", got)
	}
}

func TestIsColumnNumberRow(t *testing.T) {
	for _, tc := range []struct {
		row  string
		want bool
	}{
		{"栏次|1|2|3", true},
		{"**|1|2|3|4", true}, // label column marked with asterisks
		{"—|—|1|2", true},
		{"合计|1|2|3", false},
		{"201|一般公共服务支出|5|6", false},
	} {
		if got := extract.IsColumnNumberRow(grid(0, tc.row).Rows[0]); got != tc.want {
			t.Errorf("IsColumnNumberRow(%q) = %v, want %v", tc.row, got, tc.want)
		}
	}
}
