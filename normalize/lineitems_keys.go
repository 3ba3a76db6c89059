package normalize

import (
	"strings"

	"github.com/yusuan/yusuan/schema"
)

// functionalClasses are the 类 of the 支出功能分类 (《政府收支分类科目》,
// stable across the years of the corpus; names as renamed over time, so
// both spellings are listed). The two-sided summary tables print 类 rows
// by name only ("一、公共安全支出"); this gives them their code.
var functionalClasses = []struct {
	code  string
	names []string
}{
	{"201", []string{"一般公共服务支出"}},
	{"202", []string{"外交支出"}},
	{"203", []string{"国防支出"}},
	{"204", []string{"公共安全支出"}},
	{"205", []string{"教育支出"}},
	{"206", []string{"科学技术支出"}},
	{"207", []string{"文化旅游体育与传媒支出", "文化体育与传媒支出"}},
	{"208", []string{"社会保障和就业支出"}},
	{"209", []string{"社会保险基金支出"}},
	{"210", []string{"卫生健康支出", "医疗卫生与计划生育支出", "医疗卫生支出"}},
	{"211", []string{"节能环保支出"}},
	{"212", []string{"城乡社区支出"}},
	{"213", []string{"农林水支出"}},
	{"214", []string{"交通运输支出"}},
	{"215", []string{"资源勘探工业信息等支出", "资源勘探信息等支出", "资源勘探电力信息等支出"}},
	{"216", []string{"商业服务业等支出"}},
	{"217", []string{"金融支出"}},
	{"219", []string{"援助其他地区支出"}},
	{"220", []string{"自然资源海洋气象等支出", "国土海洋气象等支出"}},
	{"221", []string{"住房保障支出"}},
	{"222", []string{"粮油物资储备支出"}},
	{"223", []string{"国有资本经营预算支出"}},
	{"224", []string{"灾害防治及应急管理支出"}},
	{"227", []string{"预备费"}},
	{"229", []string{"其他支出"}},
	{"230", []string{"转移性支出"}},
	{"231", []string{"债务还本支出"}},
	{"232", []string{"债务付息支出"}},
	{"233", []string{"债务发行费用支出"}},
	{"234", []string{"抗疫特别国债安排的支出"}},
}

// functionalClassCode returns the 类 code a row label names, or "".
func functionalClassCode(name string) string {
	for _, fc := range functionalClasses {
		for _, n := range fc.names {
			if name == n {
				return fc.code
			}
		}
	}
	return ""
}

// rowKeys name the rows of the summary tables (B1/F1/B4/F4, Jiangsu's
// 收入预算总表 and 支出用途 block). Tried in order; the first match wins.
var rowKeys = []struct {
	key   string
	words []string
	none  []string
}{
	{"revenue.non_fiscal_balance_used", []string{"使用非财政拨款结余"}, nil},
	{"revenue.carried_over", []string{"上年结转", "年初结转", "年初财政拨款结转", "上年结余"}, nil},
	{"expenditure.carried_forward", []string{"结转下年", "年末结转", "年末财政拨款结转"}, nil},
	{"expenditure.balance_distribution", []string{"结余分配"}, nil},
	{"revenue.general_public_budget", []string{"一般公共预算"}, []string{"支出"}},
	{"revenue.government_fund_budget", []string{"政府性基金"}, []string{"支出"}},
	{"revenue.state_capital_budget", []string{"国有资本经营"}, []string{"支出"}},
	{"revenue.special_account", []string{"财政专户"}, nil},
	{"revenue.business_operating", []string{"事业单位经营收入", "经营收入"}, nil},
	{"revenue.business", []string{"事业收入"}, nil},
	{"revenue.superior_subsidy", []string{"上级补助收入"}, nil},
	{"revenue.affiliated", []string{"附属单位上缴"}, nil},
	{"revenue.other", []string{"其他收入", "其他资金", "单位资金"}, nil},
	{"revenue.fiscal", []string{"财政拨款"}, []string{"支出"}},
	{"expenditure.basic", []string{"基本支出"}, nil},
	{"expenditure.project", []string{"项目支出"}, nil},
	{"expenditure.reserve", []string{"预留机动"}, nil},
}

// assignKeys gives the rows of a summary table their meaning. Totals
// depend on what else is printed: "收入合计" is the grand total where a
// 当年收入小计 row precedes it (Jiangsu), this year's total otherwise.
func assignKeys(items []schema.LineItem, kind string) {
	switch kind {
	case "B1", "F1", "B4", "F4", "B2", "F2", "B3", "F3":
	default:
		return
	}
	sideOf := func(it *schema.LineItem) string {
		switch {
		case it.Side == "revenue":
			return "revenue"
		case it.Side == "expenditure" || it.Side == "purpose":
			return "expenditure"
		case strings.Contains(it.Name, "收入"):
			return "revenue"
		case strings.Contains(it.Name, "支出"):
			return "expenditure"
		case kind == "B2" || kind == "F2":
			return "revenue"
		}
		return "expenditure"
	}
	hasThisYear := map[string]bool{}
	for i := range items {
		it := &items[i]
		if it.RowKind != "" && it.Code == "" && (strings.HasPrefix(it.Name, "本年") || strings.HasPrefix(it.Name, "当年")) {
			hasThisYear[sideOf(it)] = true
		}
	}
	twoSided := kind == "B1" || kind == "F1" || kind == "B4" || kind == "F4"
	carry := map[string]string{} // side → the 年初结转和结余 row whose parts follow it
	for i := range items {
		it := &items[i]
		if it.Code != "" {
			continue
		}
		side := sideOf(it)
		if it.RowKind != "" {
			delete(carry, side)
		} else if c := carry[side]; c != "" && it.Side != "" {
			// F4: 年初财政拨款结转和结余 then 一、一般公共预算财政拨款 … its parts.
			it.Subitem, it.Parent = true, c
			continue
		}
		if it.RowKind != "" && totalKind(it.Name) != "" {
			if !twoSided && kind != "B2" && kind != "F2" {
				continue
			}
			switch {
			case it.Parent != "":
			case strings.HasPrefix(it.Name, "本年") || strings.HasPrefix(it.Name, "当年"):
				it.Key = side + ".total"
			case it.RowKind == schema.RowGrandTotal || hasThisYear[side]:
				it.Key = side + ".grand_total"
			default:
				it.Key = side + ".total"
			}
			continue
		}
		if !twoSided && kind != "B2" && kind != "F2" {
			continue
		}
		for _, rk := range rowKeys {
			if hasAny(it.Name, rk.words...) && !hasAny(it.Name, rk.none...) {
				k := rk.key
				if strings.HasPrefix(k, "revenue.") && side != "revenue" && !strings.HasPrefix(k, "revenue.carried") {
					break
				}
				if strings.HasPrefix(k, "expenditure.") && side == "revenue" {
					break
				}
				if it.Parent != "" && it.Subitem {
					// Jiangsu 收入预算总表: sub-rows of a source group.
					break
				}
				it.Key = k
				if k == "revenue.carried_over" && twoSided {
					carry[side] = it.Name
				}
				break
			}
		}
	}
}
