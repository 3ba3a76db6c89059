package normalize

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
	"github.com/yusuan/yusuan/schema"
)

// grid builds a table from rows written "a | b | c": "<" marks a cell
// covered by the cell on its left (a column span), "^" one covered by the
// cell above (a row span). header is the extractor's header row count.
func grid(header int, rows ...string) *extract.Table {
	t := &extract.Table{HeaderRows: header, ColumnNumberRow: -1}
	for r, line := range rows {
		var row []extract.Cell
		for c, txt := range strings.Split(line, "|") {
			txt = strings.TrimSpace(txt)
			cell := extract.Cell{Text: txt, At: prov.At{Line: r + 1}.InTable(0, r, c)}
			switch txt {
			case "<":
				cell = extract.Cell{Covered: true}
				for o := c - 1; o >= 0; o-- {
					if !row[o].Covered {
						row[o].ColSpan = max(row[o].ColSpan, 1) + 1
						break
					}
				}
			case "^":
				cell = extract.Cell{Covered: true}
				for o := r - 1; o >= 0; o-- {
					if !t.Rows[o][c].Covered {
						t.Rows[o][c].RowSpan = max(t.Rows[o][c].RowSpan, 1) + 1
						break
					}
				}
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func view(t *extract.Table, title, unit string) *tableView {
	v := &tableView{block: &extract.Block{Kind: extract.KindTable, Table: t}, t: t, title: title, unit: unit}
	v.header = headerRows(v)
	v.shape = analyzeTable(v)
	return v
}

// describe renders line items compactly: code/level/parent name [key] {amounts}.
func describe(items []schema.LineItem) []string {
	var out []string
	for _, it := range items {
		var am []string
		for k, a := range it.Amounts {
			am = append(am, string(k)+"="+a.Yuan.String())
		}
		sort.Strings(am)
		s := fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s|%v|%s", it.Side, it.Code, it.Level, it.Parent, it.Name, it.Key, it.RowKind, it.Subitem, strings.Join(am, ","))
		out = append(out, s)
	}
	return out
}

func TestLineItems(t *testing.T) {
	tests := []struct {
		name, title, unit string
		kind              schema.TableKind
		table             *extract.Table
		want              []string
		columns           []string // key:parts
	}{
		{
			name: "split 类 款 项 columns, codes rebuilt, 合计 across the code columns", title: "2026年部门一般公共预算支出功能分类预算表", unit: "元", kind: "B5",
			table: grid(3,
				"项目 | < | < | < | 一般公共预算支出 | < | <",
				"功能分类科目编码 | < | < | 功能分类科目名称 | 合计 | 基本支出 | 项目支出",
				"类 | 款 | 项 | ^ | ^ | ^ | ^",
				"204 |  |  | 公共安全支出 | 100.00 | 60.00 | 40.00",
				"204 | 06 |  | 司法 | 100.00 | 60.00 | 40.00",
				"204 | 06 | 01 | 行政运行 | 60.00 | 60.00 | 0.00",
				" | | 99 | 其他司法支出 | 40.00 | | 40.00",
				"合计 | < | < | < | 100.00 | 60.00 | 40.00"),
			want: []string{
				"|204|类||公共安全支出|||false|basic=60,project=40,total=100",
				"|20406|款|204|司法|||false|basic=60,project=40,total=100",
				"|2040601|项|20406|行政运行|||false|basic=60,project=0,total=60",
				"|2040699|项|20406|其他司法支出|||false|project=40,total=40",
				"||||合计||total|false|basic=60,project=40,total=100",
			},
			columns: []string{"total:basic+project", "basic:", "project:"},
		},
		{
			name: "joined codes, 栏次 row skipped, blank vs 0 vs dash", title: "支出决算表", unit: "万元", kind: "F3",
			table: grid(2,
				"项目 | < | 本年支出合计 | 基本支出 | 项目支出",
				"科目编码 | 科目名称 | ^ | ^ | ^",
				"栏次 | < | 1 | 2 | 3",
				"合计 | < | 5,410.10 | 4,210.10 | 1,200.00",
				"205 | 教育支出 | 5,100.00 | 3,960.00 | -",
				"20502 | 普通教育 | 5,100.00 | 0 | ",
				"01 | 学前教育 | 10 | — | 10"),
			want: []string{
				"||||合计||total|false|basic=42101000,project=12000000,total=54101000",
				"|205|类||教育支出|||false|basic=39600000,total=51000000",
				"|20502|款|205|普通教育|||false|basic=0,total=51000000",
				"|2050201|项|20502|学前教育|||false|project=100000,total=100000",
			},
		},
		{
			name: "two-sided summary table: sides, 类 by name, 其中 and numbered parts, keys", title: "部门收支总表", unit: "万元", kind: "B1",
			table: grid(2,
				"收入 | < | 支出 | <",
				"项目 | 预算数 | 项目 | 预算数",
				"一、财政拨款收入 | 500.00 | 一、公共安全支出 | 400.00",
				"1.一般公共预算 | 500.00 | 二、住房保障支出 | 100.00",
				"二、事业收入 | 0.00 |  | ",
				"其中：事业单位经营收入 | 0.00 |  | ",
				"本年收入合计 | 500.00 | 本年支出合计 | 500.00",
				"上年结转 |  | 结转下年 | ",
				"收入总计 | 500.00 | 支出总计 | 500.00"),
			want: []string{
				"revenue||||财政拨款收入|revenue.fiscal||false|amount=5000000",
				"revenue||||一般公共预算|revenue.general_public_budget||true|amount=5000000",
				"revenue||||事业收入|revenue.business||false|amount=0",
				"revenue||||事业单位经营收入|revenue.business_operating||true|amount=0",
				"revenue||||本年收入合计|revenue.total|total|false|amount=5000000",
				"revenue||||上年结转|revenue.carried_over||false|",
				"revenue||||收入总计|revenue.grand_total|grand_total|false|amount=5000000",
				"expenditure|204|类||公共安全支出|||false|amount=4000000",
				"expenditure|221|类||住房保障支出|||false|amount=1000000",
				"expenditure||||本年支出合计|expenditure.total|total|false|amount=5000000",
				"expenditure||||结转下年|expenditure.carried_forward||false|",
				"expenditure||||支出总计|expenditure.grand_total|grand_total|false|amount=5000000",
			},
		},
		{
			name: "F6 side by side: 人员经费 | 公用经费 halves, 款 printed as one digit", title: "一般公共预算财政拨款基本支出决算表", unit: "万元", kind: "F6",
			table: grid(3,
				"经济分类 | < | 科目名称 | 决算数 | 经济分类 | < | 科目名称 | 决算数",
				"科目编码 | < | ^ | ^ | 科目编码 | < | ^ | ^",
				"类 | 款 | ^ | ^ | 类 | 款 | ^ | ^",
				"301 |  | 工资福利支出 | 10.00 | 302 |  | 商品和服务支出 | 3.00",
				"301 | 2 | 津贴补贴 | 10.00 | 302 | 01 | 办公费 | 3.00",
				"人员经费合计 | < | < | 10.00 | 公用经费合计 | < | < | 3.00"),
			want: []string{
				"personnel|301|类||工资福利支出|||false|amount=100000",
				"personnel|30102|款|301|津贴补贴|||false|amount=100000",
				"personnel||||人员经费合计||total|false|amount=100000",
				"public_use|302|类||商品和服务支出|||false|amount=30000",
				"public_use|30201|款|302|办公费|||false|amount=30000",
				"public_use||||公用经费合计||total|false|amount=30000",
			},
		},
		{
			name: "三公 with 会议费 and 培训费: the first 合计 is the grand total", title: "“三公”经费、会议费、培训费支出预算表", unit: "万元", kind: "B7",
			table: grid(3,
				"合计 | “三公”经费 | < | < | < | < | < | 会议费 | 培训费",
				"^ | 小计 | 因公出国（境）费 | 公务用车购置及运行维护费 | < | < | 公务接待费 | ^ | ^",
				"^ | ^ | ^ | 小计 | 公务用车购置费 | 公务用车运行维护费 | ^ | ^ | ^",
				"1,471.70 | 508.20 | 70.00 | 411.20 |  | 411.20 | 27.00 | 933.50 | 30.00"),
			want: []string{
				"|||||||false|grand_total=14717000,meeting=9335000,overseas_travel=700000,reception=270000,total=5082000,training=300000,vehicle_operation=4112000,vehicles=4112000",
			},
			columns: []string{"grand_total:total+meeting+training", "total:overseas_travel+vehicles+reception", "overseas_travel:", "vehicles:vehicle_purchase+vehicle_operation", "vehicle_purchase:", "vehicle_operation:", "reception:", "meeting:", "training:"},
		},
		{
			name: "Jiangsu 收入预算总表: group column, 小计 rows take the group's name", title: "收入预算总表", unit: "万元", kind: "B2",
			table: grid(1,
				"项目名称 | < | 金额",
				"收入总计 | < | 100.00",
				"一般公共预算资金 | 小计 | 100.00",
				"^ | 公共财政拨款(补助)资金 | 100.00",
				"其他资金 | 小计 | ",
				"^ | 事业收入 | "),
			want: []string{
				"||||收入总计|revenue.grand_total|grand_total|false|amount=1000000",
				"||||一般公共预算资金|revenue.general_public_budget|subtotal|false|amount=1000000",
				"|||一般公共预算资金|公共财政拨款(补助)资金|||true|amount=1000000",
				"||||其他资金|revenue.other|subtotal|false|",
				"|||其他资金|事业收入|||true|",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := view(tt.table, tt.title, tt.unit)
			if k := classifyTable(v, false); k != tt.kind {
				t.Errorf("kind = %q, want %q", k, tt.kind)
			}
			cols := v.shape.columnKeys(tt.kind)
			got := describe(v.shape.lineItems(tt.kind))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("line items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.columns != nil {
				var gc []string
				for _, c := range cols {
					gc = append(gc, string(c.Key)+":"+schema.JoinKeys(c.Parts, "+"))
				}
				if strings.Join(gc, " ") != strings.Join(tt.columns, " ") {
					t.Errorf("columns = %v, want %v", gc, tt.columns)
				}
			}
		})
	}
}

func TestMeasureInPath(t *testing.T) {
	for _, c := range []struct {
		path []string
		want schema.Measure
		rest string
	}{
		{[]string{"合计", "预算数"}, schema.MeasureBudget, "合计"},
		{[]string{"预算数", "公务用车购置及运行维护费", "小计"}, schema.MeasureBudget, "公务用车购置及运行维护费/小计"},
		{[]string{"决算数", "合计"}, schema.MeasureFinal, "合计"},
		{[]string{"全年预算数"}, schema.MeasureBudget, ""},
		{[]string{"公务接待费"}, schema.MeasureNone, "公务接待费"},
	} {
		m, rest := measureInPath(c.path)
		if m != c.want || strings.Join(rest, "/") != c.rest {
			t.Errorf("measureInPath(%v) = %s %v, want %s %s", c.path, m, rest, c.want, c.rest)
		}
	}
}
