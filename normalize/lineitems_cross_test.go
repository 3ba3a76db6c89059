package normalize

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

// TestLineItemsLastYearAndPercents: a table printing last year, the change
// and the change in % beside this year (synthesized: the corpus has none),
// a 三公 table for two years, and economic rows printed by name only.
func TestLineItemsLastYearAndPercents(t *testing.T) {
	tests := []struct {
		name, title string
		kind        schema.TableKind
		table       *extract.Table
		columns     []string
		want        []string // code|name|amounts|percents
	}{
		{
			name: "上年 | 本年 | 比上年增减 › 金额, %", title: "一般公共预算支出表", kind: "B5",
			table: grid(2,
				"科目编码 | 科目名称 | 上年预算数 | 本年预算数 | 比上年增减 | <",
				"^ | ^ | ^ | ^ | 金额 | %",
				"201 | 一般公共服务支出 | 100.00 | 110.00 | 10.00 | 10.00%",
				"208 | 社会保障和就业支出 | 1690.69 | 1672.67 | -18.02 | -1.07%",
			),
			columns: []string{"last_year", "amount", "change", "change_pct"},
			want: []string{
				"201|一般公共服务支出|amount=1100000,change=100000,last_year=1000000|change_pct=10.00",
				"208|社会保障和就业支出|amount=16726700,change=-180200,last_year=16906900|change_pct=-1.07",
			},
		},
		{
			name: "三公 for two years", title: "“三公”经费支出预算表", kind: "B7",
			table: grid(2,
				"2024年预算数 | < | < | < | 2025年预算数 | < | < | <",
				"合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务接待费 | 合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务接待费",
				"12.00 | 2.00 | 5.00 | 3.00 | 10.00 | 2.00 | 5.00 | 3.00",
			),
			columns: []string{"total.last_year", "overseas_travel.last_year", "vehicles.last_year", "reception.last_year", "total", "overseas_travel", "vehicles", "reception"},
		},
		{
			// 2025年执行数 beside 2026年预算数: the earlier year's columns are
			// last year's; the change between them is not.
			name: "执行数 of last year beside this year's budget", title: "一般公共预算支出表", kind: "B5",
			table: grid(2,
				"科目编码 | 科目名称 | 2025年执行数 | 2026年预算数 | < | < | 2026年预算数比2025年执行数 | <",
				"^ | ^ | 执行数 | 小计 | 基本支出 | 项目支出 | 增减额 | 增减(%)",
				"2101101 | 行政单位医疗 | 218.91 | | | | -218.91 | -100.00%",
			),
			columns: []string{"amount.last_year", "total", "basic", "project", "change", "change_pct"},
		},
		{
			// 一般公共预算拨款 › 小计 | 其中…: the source's subtotal; 上年结转 is
			// this year's revenue brought forward, not a last-year figure.
			name: "a source's 小计 and 上年结转", title: "收入总表", kind: "B2",
			table: grid(2,
				"单位名称 | 合计 | 一般公共预算拨款 | < | 上年结转 | 其他收入",
				"^ | ^ | 小计 | 其中：专项资金列入部门预算项目 | ^ | ^",
				"合计 | 142.00 | 100.00 | | 40.00 | 2.00",
			),
			columns: []string{"total", "general_public_budget", "amount", "carried_over", "other"},
		},
		{
			// 事业收入 › 金额 | 其中：教育收费: the 金额 is the source, the 其中
			// column a part of it, not a source to add.
			name: "金额 and 其中 under a source", title: "收入预算表", kind: "B2",
			table: grid(2,
				"科目编码 | 科目名称 | 本年收入合计 | 财政拨款收入 | 事业收入 | < | 其他收入",
				"^ | ^ | ^ | ^ | 金额 | 其中：教育收费 | ^",
				"205 | 教育支出 | 380.00 | 200.00 | 120.00 | 75.00 | 60.00",
			),
			columns: []string{"total", "fiscal", "business", "amount", "other"},
		},
		{
			// 总计 › 一般公共预算 | 政府性基金预算 …: the 三公 total by fund.
			name: "三公 总计 by fund", title: "财政拨款“三公”经费支出表", kind: "B7",
			table: grid(2,
				"年度 | 总计 | < | 因公出国(境)费 | < | 公务接待费 | <",
				"^ | 一般公共预算 | 政府性基金预算 | 一般公共预算 | 政府性基金预算 | 一般公共预算 | 政府性基金预算",
				"2026年 | 5.58 | 0.00 | 0.00 | 0.00 | 2.98 | 0.00",
			),
			columns: []string{"total", "total_2", "overseas_travel", "overseas_travel_2", "reception", "reception_2"},
		},
		{
			// 专项业务经费 is the project spending of some provinces; 备注 holds
			// remarks, not amounts.
			name: "专项业务经费 and 备注", title: "一般公共预算支出明细表", kind: "B5",
			table: grid(1,
				"序号 | 功能科目编码 | 功能科目名称 | 合计 | 人员经费支出 | 公用经费支出 | 专项业务经费支出 | 备注",
				"1 | | 合计 | 179.17 | | 91.39 | 87.78 | ",
			),
			columns: []string{"total", "personnel", "public_use", "project"},
		},
		{
			// Balances drawn on beside this year's sources are parts of
			// the 合计, each of them.
			name: "balances drawn on", title: "部门综合预算收入总表", kind: "B2",
			table: grid(1,
				"单位名称 | 合计 | 一般公共预算拨款 | 使用非财政拨款结余 | 上年结转 | 上年实户资金余额 | 其他收入",
				"合计 | 142.00 | 100.00 | | 20.00 | 20.00 | 2.00",
			),
			columns: []string{"total", "general_public_budget", "non_fiscal_balance", "carried_over", "non_fiscal_balance_2", "other"},
		},
		{
			name: "economic rows by name", title: "一般公共预算基本支出表", kind: "B6",
			table: grid(1,
				"科目名称 | 合计 | 人员经费 | 公用经费",
				"工资福利支出 | 100.00 | 100.00 | ",
				"基本工资 | 60.00 | 60.00 | ",
				"津贴补贴 | 40.00 | 40.00 | ",
				"商品和服务支出 | 20.00 | | 20.00",
				"办公费 | 20.00 | | 20.00",
				"资本性支出 | 5.00 | | 5.00",
				"办公设备购置 | 5.00 | | 5.00",
				"合计 | 125.00 | 100.00 | 25.00",
			),
			want: []string{"301|工资福利支出", "30101|基本工资", "30102|津贴补贴", "302|商品和服务支出", "30201|办公费", "310|资本性支出", "|办公设备购置", "|合计"},
		},
		{
			name: "an unknown economic name: no codes by name at all", title: "一般公共预算基本支出表", kind: "B6",
			table: grid(1,
				"科目名称 | 合计",
				"工资福利支出 | 100.00",
				"基本工资 | 60.00",
				"特殊岗位津贴 | 40.00",
			),
			want: []string{"|工资福利支出", "|基本工资", "|特殊岗位津贴"},
		},
	}
	for _, tt := range tests {
		v := view(tt.table, tt.title, "万元")
		cols := v.shape.columnKeys(tt.kind)
		items := v.shape.lineItems(tt.kind)
		if tt.columns != nil {
			var gc []string
			for _, c := range cols {
				gc = append(gc, string(c.Key))
			}
			if strings.Join(gc, " ") != strings.Join(tt.columns, " ") {
				t.Errorf("%s: columns %v, want %v", tt.name, gc, tt.columns)
			}
		}
		if tt.want == nil {
			continue
		}
		var got []string
		for _, it := range items {
			s := it.Code + "|" + it.Name
			if strings.Contains(tt.want[0], "=") {
				var am, pc []string
				for k, a := range it.Amounts {
					am = append(am, string(k)+"="+a.Yuan.String())
				}
				for k, p := range it.Percents {
					pc = append(pc, string(k)+"="+p.Value.String())
				}
				sort.Strings(am)
				sort.Strings(pc)
				s += "|" + strings.Join(am, ",") + "|" + strings.Join(pc, ",")
			}
			got = append(got, s)
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func TestEconomicCode(t *testing.T) {
	for _, tt := range []struct{ name, class, want string }{
		{"工资福利支出", "", "301"},
		{"维修（护）费", "302", "30213"},
		{"住房公积金", "301", "30113"},
		{"住房公积金", "302", ""}, // not under its own 类
		{"办公设备购置", "310", ""},
		{"资本性支出（基本建设）", "", "309"},
		{"其他支出", "", "399"},
		{"办公费", "310", ""},
	} {
		if got := economicCode(tt.name, tt.class); got != tt.want {
			t.Errorf("economicCode(%q, %q) = %q, want %q", tt.name, tt.class, got, tt.want)
		}
	}
}

// TestRowNumberColumnNotAmount: a 序号 column counts rows; it is neither a
// label nor an amount, so the first row with amounts is the 合计.
func TestRowNumberColumnNotAmount(t *testing.T) {
	v := view(grid(2,
		"序号 | 单位名称 | 2026年 | < ",
		"^ | ^ | 合计 | 公务接待费",
		"1 | 合计 | 38.84 | 38.84",
		"2 | 某某局 | 38.84 | 38.84",
	), "“三公”经费预算表", "万元")
	for _, c := range v.shape.columnKeys(schema.KindB7) {
		if c.Col == 0 {
			t.Errorf("序号 column keyed %s", c.Key)
		}
	}
	items := v.shape.lineItems(schema.KindB7)
	if len(items) == 0 || items[0].Name != "合计" || len(items[0].Amounts) != 2 {
		t.Fatalf("first item = %+v, want 合计 with 2 amounts", items)
	}
}

func TestBalancesArePartsOfTotal(t *testing.T) {
	v := view(grid(1,
		"单位名称 | 合计 | 一般公共预算拨款 | 使用非财政拨款结余 | 上年实户资金余额",
		"合计 | 140.00 | 100.00 | 20.00 | 20.00",
	), "部门综合预算收入总表", "元")
	for _, c := range v.shape.columnKeys(schema.KindB2) {
		if c.Key == schema.ColTotal {
			got := fmt.Sprint(c.Parts)
			if got != "[general_public_budget non_fiscal_balance non_fiscal_balance_2]" {
				t.Errorf("parts of the total = %s", got)
			}
		}
	}
}
