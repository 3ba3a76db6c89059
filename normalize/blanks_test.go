package normalize

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

// TestPrintedBlanks: the blank cells of a printed row are 0 (text "", the
// cell's at) in a table that checks itself, and stay absent where the
// table does not check out, where the 0 would break one of its sums (a
// lost figure, not a blank), and in a blank form.
func TestPrintedBlanks(t *testing.T) {
	tests := []struct {
		name  string
		table *extract.Table
		want  []string // per line item: its amounts, "key=yuan" with "key=0@row,col" for a blank 0
	}{
		{
			name: "blank project cells of a table that adds up; 备注 is no amount column",
			table: grid(1,
				"科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 | 备注",
				"201 | 一般公共服务支出 | 100.00 | 60.00 | 40.00 | ",
				"20101 | 人大事务 | 60.00 | 60.00 |  | ",
				"20102 | 政协事务 | 40.00 |  | 40.00 | ",
				"合计 | < | 100.00 | 60.00 | 40.00 | "),
			want: []string{
				"basic=600000 project=400000 total=1000000",
				"basic=600000 project=0@2,4 total=600000",
				"basic=0@3,3 project=400000 total=400000",
				"basic=600000 project=400000 total=1000000",
			},
		},
		{
			name: "a blank that would break a sum is a lost figure, not a blank",
			table: grid(1,
				"科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出",
				"201 | 一般公共服务支出 | 100.00 | 60.00 | 40.00",
				"20101 | 人大事务 | 100.00 | 60.00 | 40.00",
				"20102 | 政协事务 |  |  | ",
				"合计 | < |  | 60.00 | 40.00"),
			want: []string{
				"basic=600000 project=400000 total=1000000",
				"basic=600000 project=400000 total=1000000",
				"",
				"basic=600000 project=400000",
			},
		},
		{
			name: "a table that does not check out keeps its blanks absent",
			table: grid(1,
				"科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出",
				"201 | 一般公共服务支出 | 100.00 | 60.00 | 10.00",
				"20101 | 人大事务 | 70.00 | 30.00 | ",
				"20102 | 政协事务 | 50.00 | 20.00 | 5.00",
				"合计 | < | 130.00 | 60.00 | 40.00"),
			want: []string{
				"basic=600000 project=100000 total=1000000",
				"basic=300000 total=700000",
				"basic=200000 project=50000 total=500000",
				"basic=600000 project=400000 total=1300000",
			},
		},
		{
			name: "a blank form stays blank",
			table: grid(1,
				"科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出",
				"201 | 一般公共服务支出 |  |  | ",
				"合计 | < |  |  | "),
			want: []string{"", ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := view(tt.table, "支出总表", "万元")
			d := &schema.Document{Tables: []schema.Table{{Kind: schema.KindB3, Title: v.title, Unit: "万元",
				Columns: v.shape.columnKeys(schema.KindB3), LineItems: v.shape.lineItems(schema.KindB3)}}}
			schema.CheckTables(d)
			fillPrintedBlanks(d, []*tableView{v})
			var got []string
			for _, it := range d.Tables[0].LineItems {
				got = append(got, amountsOf(it))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("amounts:\n%s\nwant:\n%s\n(check %+v)", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), d.Tables[0].Check)
			}
		})
	}
}

// amountsOf renders a line item's amounts, a blank 0 with its cell.
func amountsOf(it schema.LineItem) string {
	var am []string
	for k, a := range it.Amounts {
		s := string(k) + "=" + a.Yuan.String()
		if a.Blank() {
			s += "@" + itoa(a.At.Row) + "," + itoa(a.At.Col)
		}
		am = append(am, s)
	}
	sort.Strings(am)
	return strings.Join(am, " ")
}

func itoa(p *int) string {
	if p == nil {
		return "?"
	}
	return strconv.Itoa(*p)
}

// TestThreePublicBlankCells: a printed 三公 row's blank columns are 0, but
// a column whose cell holds a figure the row was read without (it went to
// another block) is no blank.
func TestThreePublicBlankCells(t *testing.T) {
	at := func(r, c int) schema.At { return schema.At{Page: 1}.InTable(0, r, c) }
	tb := &schema.Table{Kind: schema.KindB7,
		Header: [][]string{{"合计", "因公出国（境）费", "公务接待费", "公务用车购置及运行维护费"}},
		Rows:   [][]string{{"10.00", "", "", "10.00"}},
		Columns: []schema.Column{{Col: 0, Key: schema.ColTotal}, {Col: 1, Key: schema.ColOverseasTravel},
			{Col: 2, Key: schema.ColReception}, {Col: 3, Key: schema.ColVehicles}}}
	row := &schema.LineItem{Amounts: map[schema.ColumnKey]*schema.Amount{schema.ColTotal: {Yuan: decimal.FromInt(100000), Text: "10.00", At: at(1, 0)}}}
	got := withBlankCells(tb, row)
	for key, want := range map[schema.ColumnKey]string{schema.ColOverseasTravel: "0", schema.ColReception: "0", schema.ColVehicles: "<nil>"} {
		s := "<nil>"
		if a := got.Amounts[key]; a != nil {
			s = a.Yuan.String()
		}
		if s != want {
			t.Errorf("%s = %s, want %s", key, s, want)
		}
	}
}

// TestBlankColumnIsNoPrintedColumn: a header cell wider than the figures
// under it (合计 over a gap and the figures) leaves a grid column blank
// from top to bottom; it prints nothing, so its cells get no 0.
func TestBlankColumnIsNoPrintedColumn(t *testing.T) {
	v := view(grid(1,
		"项目 | 合计 | < | 一般公共预算",
		"行政经费 |  | 444.39 | 444.39",
		"“三公”经费 |  | 4.80 | 4.80"), "行政经费及“三公”经费预算表", "万元")
	for c, want := range map[int]bool{1: false, 2: true, 3: true} {
		if got := v.shape.columnPrints(c); got != want {
			t.Errorf("column %d prints = %v, want %v", c, got, want)
		}
	}
}
