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
	key   schema.RowKey
	words []string
	none  []string
}{
	{schema.RowRevenueNonFiscalBalance, []string{"使用非财政拨款结余", "资金余额"}, nil},
	{schema.RowRevenueCarriedOver, []string{"上年结转", "年初结转", "年初财政拨款结转", "上年结余"}, nil},
	{schema.RowExpenditureCarriedForward, []string{"结转下年", "年末结转", "年末财政拨款结转"}, nil},
	{schema.RowExpenditureBalanceDistribution, []string{"结余分配"}, nil},
	{schema.RowRevenueGeneralPublicBudget, []string{"一般公共预算"}, []string{"支出"}},
	{schema.RowRevenueGovernmentFund, []string{"政府性基金"}, []string{"支出"}},
	{schema.RowRevenueStateCapital, []string{"国有资本经营"}, []string{"支出"}},
	{schema.RowRevenueSpecialAccount, []string{"财政专户"}, nil},
	{schema.RowRevenueBusinessOperating, []string{"事业单位经营收入", "经营收入"}, nil},
	{schema.RowRevenueBusiness, []string{"事业收入"}, nil},
	{schema.RowRevenueSuperiorSubsidy, []string{"上级补助收入"}, nil},
	{schema.RowRevenueAffiliated, []string{"附属单位上缴"}, nil},
	{schema.RowRevenueOther, []string{"其他收入", "其他资金", "单位资金"}, nil},
	{schema.RowRevenueFiscal, []string{"财政拨款"}, []string{"支出"}},
	// 基本支出 is by definition 人员经费 + 公用经费; templates that name the
	// two parts of 部门预算 after their use print them as "人员经费和公用经费
	// 支出" and "专项业务经费支出" (the 项目支出 of those templates).
	{schema.RowExpenditureBasic, []string{"基本支出", "人员经费和公用经费"}, nil},
	{schema.RowExpenditureProject, []string{"项目支出", "专项业务经费"}, nil},
	{schema.RowExpenditureReserve, []string{"预留机动"}, nil},
}

// assignKeys gives the rows of a summary table their meaning. Totals
// depend on what else is printed: "收入合计" is the grand total where a
// 当年收入小计 row precedes it (Jiangsu), this year's total otherwise.
func assignKeys(items []schema.LineItem, kind schema.TableKind) {
	switch kind {
	case schema.KindB1, schema.KindF1, schema.KindB4, schema.KindF4, schema.KindB2, schema.KindF2, schema.KindB3, schema.KindF3:
	default:
		return
	}
	sideOf := func(it *schema.LineItem) string {
		switch {
		case it.Side == schema.SideRevenue:
			return schema.SideRevenue
		case it.Side == schema.SideExpenditure || it.Side == schema.SidePurpose:
			return schema.SideExpenditure
		case strings.Contains(it.Name, "收入"):
			return schema.SideRevenue
		case strings.Contains(it.Name, "支出"):
			return schema.SideExpenditure
		case kind == schema.KindB2 || kind == schema.KindF2:
			return schema.SideRevenue
		}
		return schema.SideExpenditure
	}
	hasThisYear := map[string]bool{}
	for i := range items {
		it := &items[i]
		if it.RowKind != "" && it.Code == "" && (strings.HasPrefix(it.Name, "本年") || strings.HasPrefix(it.Name, "当年")) {
			hasThisYear[sideOf(it)] = true
		}
	}
	twoSided := kind.TwoSided()
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
			if !twoSided && kind != schema.KindB2 && kind != schema.KindF2 {
				continue
			}
			switch {
			case it.Parent != "":
			case strings.HasPrefix(it.Name, "本年") || strings.HasPrefix(it.Name, "当年"):
				it.Key = schema.TotalKey(side)
			case it.RowKind == schema.RowGrandTotal || hasThisYear[side]:
				it.Key = schema.GrandTotalKey(side)
			default:
				it.Key = schema.TotalKey(side)
			}
			continue
		}
		if !twoSided && kind != schema.KindB2 && kind != schema.KindF2 {
			continue
		}
		for _, rk := range rowKeys {
			if hasAny(it.Name, rk.words...) && !hasAny(it.Name, rk.none...) {
				k := rk.key
				if k.Side() == schema.SideRevenue && side != schema.SideRevenue && k != schema.RowRevenueCarriedOver {
					break
				}
				if k.Side() == schema.SideExpenditure && side == schema.SideRevenue {
					break
				}
				if it.Parent != "" && it.Subitem {
					// Jiangsu 收入预算总表: sub-rows of a source group.
					break
				}
				it.Key = k
				if k == schema.RowRevenueCarriedOver && twoSided {
					carry[side] = it.Name
				}
				break
			}
		}
	}
}

// economicKind: the tables whose rows follow the 部门预算支出经济分类.
func economicKind(kind schema.TableKind) bool {
	switch kind {
	case schema.KindB6, schema.KindF6, schema.KindFiscalBasic, schema.KindOperating:
		return true
	}
	return false
}

// economicNames are the 类 and 款 of the 部门预算支出经济分类 (财政部
// 《政府收支分类科目》, 支出经济分类科目; names as printed in the corpus's
// B6/F6 tables, older spellings beside them). Tables that print economic
// rows by name only get their codes from here. 309 资本性支出（基本建设）
// and 310 资本性支出 reuse the same 款 names (办公设备购置, 公务用车购置 …),
// so their 款 are never coded by name; a 款 name is coded only under a 类
// it belongs to, or where it is unique.
var economicNames = []struct {
	code  string
	names []string
}{
	{"301", []string{"工资福利支出"}},
	{"30101", []string{"基本工资"}},
	{"30102", []string{"津贴补贴"}},
	{"30103", []string{"奖金"}},
	{"30106", []string{"伙食补助费"}},
	{"30107", []string{"绩效工资"}},
	{"30108", []string{"机关事业单位基本养老保险缴费"}},
	{"30109", []string{"职业年金缴费"}},
	{"30110", []string{"职工基本医疗保险缴费"}},
	{"30111", []string{"公务员医疗补助缴费"}},
	{"30112", []string{"其他社会保障缴费"}},
	{"30113", []string{"住房公积金"}},
	{"30114", []string{"医疗费"}},
	{"30199", []string{"其他工资福利支出"}},
	{"302", []string{"商品和服务支出"}},
	{"30201", []string{"办公费"}},
	{"30202", []string{"印刷费"}},
	{"30203", []string{"咨询费"}},
	{"30204", []string{"手续费"}},
	{"30205", []string{"水费"}},
	{"30206", []string{"电费"}},
	{"30207", []string{"邮电费"}},
	{"30208", []string{"取暖费"}},
	{"30209", []string{"物业管理费"}},
	{"30211", []string{"差旅费"}},
	{"30212", []string{"因公出国(境)费用", "因公出国(境)费"}},
	{"30213", []string{"维修(护)费", "维修费", "维护费"}},
	{"30214", []string{"租赁费"}},
	{"30215", []string{"会议费"}},
	{"30216", []string{"培训费"}},
	{"30217", []string{"公务接待费"}},
	{"30218", []string{"专用材料费"}},
	{"30224", []string{"被装购置费"}},
	{"30225", []string{"专用燃料费"}},
	{"30226", []string{"劳务费"}},
	{"30227", []string{"委托业务费"}},
	{"30228", []string{"工会经费"}},
	{"30229", []string{"福利费"}},
	{"30231", []string{"公务用车运行维护费"}},
	{"30239", []string{"其他交通费用"}},
	{"30240", []string{"税金及附加费用"}},
	{"30299", []string{"其他商品和服务支出"}},
	{"303", []string{"对个人和家庭的补助"}},
	{"30301", []string{"离休费"}},
	{"30302", []string{"退休费"}},
	{"30303", []string{"退职(役)费"}},
	{"30304", []string{"抚恤金"}},
	{"30305", []string{"生活补助"}},
	{"30306", []string{"救济费"}},
	{"30307", []string{"医疗费补助"}},
	{"30308", []string{"助学金"}},
	{"30309", []string{"奖励金"}},
	{"30310", []string{"个人农业生产补贴"}},
	{"30399", []string{"其他对个人和家庭的补助"}},
	{"307", []string{"债务利息及费用支出"}},
	{"309", []string{"资本性支出(基本建设)"}},
	{"310", []string{"资本性支出"}},
	{"399", []string{"其他支出"}},
}

// economicCode returns the economic code a row label names, or "". class
// is the 类 of the rows above: a 款 name is taken only under its own 类
// (or where none is known), never under 309/310.
func economicCode(name, class string) string {
	n := strings.NewReplacer("（", "(", "）", ")", " ", "").Replace(name)
	for _, ec := range economicNames {
		for _, w := range ec.names {
			if n != w {
				continue
			}
			if len(ec.code) == 5 && class != "" && class != ec.code[:3] {
				return ""
			}
			if len(ec.code) == 5 && (class == "309" || class == "310") {
				return ""
			}
			return ec.code
		}
	}
	return ""
}
