package schema

import "strings"

// The vocabulary normalize and the rules (and compare, and the writers)
// share: table kinds, the keys of summary rows, the canonical column keys
// and their measures, and the section keys, each with its Chinese label.
// The constants' values are the strings the JSON output carries; nothing
// outside this file spells them out.

// TableKind says which table a Table is (domain.md §2–3).
type TableKind string

// Standard tables of a 部门预算 (B) and a 部门决算 (F), and the local and
// special kinds.
const (
	KindB1 TableKind = "B1"
	KindB2 TableKind = "B2"
	KindB3 TableKind = "B3"
	KindB4 TableKind = "B4"
	KindB5 TableKind = "B5"
	KindB6 TableKind = "B6"
	KindB7 TableKind = "B7"
	KindB8 TableKind = "B8"
	KindB9 TableKind = "B9"
	KindF1 TableKind = "F1"
	KindF2 TableKind = "F2"
	KindF3 TableKind = "F3"
	KindF4 TableKind = "F4"
	KindF5 TableKind = "F5"
	KindF6 TableKind = "F6"
	KindF7 TableKind = "F7"
	KindF8 TableKind = "F8"
	KindF9 TableKind = "F9"

	KindOther             TableKind = "other"
	KindProcurement       TableKind = "procurement"
	KindAssets            TableKind = "assets"
	KindPerformance       TableKind = "performance"
	KindProject           TableKind = "project"
	KindOperating         TableKind = "operating_expenses" // 一般公共预算机关运行经费支出预算表 (Jiangsu)
	KindFiscalExpenditure TableKind = "fiscal_expenditure" // 财政拨款支出预算表（功能科目）(Jiangsu)
	KindFiscalBasic       TableKind = "fiscal_basic"       // 财政拨款基本支出预算表（经济科目）(Jiangsu)
	KindUnits             TableKind = "units"              // 部门决算单位构成 (序号 | 单位名称 | 备注)
)

// TableKindLabels are the Chinese names of the table kinds (domain.md §2–3).
var TableKindLabels = map[TableKind]string{
	KindB1: "部门收支总表", KindB2: "部门收入总表", KindB3: "部门支出总表",
	KindB4: "财政拨款收支总表", KindB5: "一般公共预算支出表", KindB6: "一般公共预算基本支出表",
	KindB7: "一般公共预算“三公”经费支出表", KindB8: "政府性基金预算支出表", KindB9: "国有资本经营预算支出表",
	KindF1: "收入支出决算总表", KindF2: "收入决算表", KindF3: "支出决算表",
	KindF4: "财政拨款收入支出决算总表", KindF5: "一般公共预算财政拨款支出决算表", KindF6: "一般公共预算财政拨款基本支出决算表",
	KindF7: "一般公共预算财政拨款“三公”经费支出决算表", KindF8: "政府性基金预算财政拨款收入支出决算表", KindF9: "国有资本经营预算财政拨款支出决算表",
	KindOther: "其他表格", KindProcurement: "政府采购表", KindAssets: "国有资产占用情况表",
	KindPerformance: "绩效目标表", KindProject: "项目支出表", KindOperating: "机关运行经费表",
	KindFiscalExpenditure: "财政拨款支出表", KindFiscalBasic: "财政拨款基本支出表", KindUnits: "单位构成",
}

// Label is the kind's Chinese name, or the kind itself when it has none.
func (k TableKind) Label() string {
	if l, ok := TableKindLabels[k]; ok {
		return l
	}
	return string(k)
}

// TwoSided reports whether tables of the kind print revenue and
// expenditure side by side (B1/F1, B4/F4).
func (k TableKind) TwoSided() bool {
	return k == KindB1 || k == KindF1 || k == KindB4 || k == KindF4
}

// ThreePublic reports whether the kind is the 三公 table (B7/F7).
func (k TableKind) ThreePublic() bool { return k == KindB7 || k == KindF7 }

// Sides of a table: which block of a side-by-side table a row or column is in.
const (
	SideRevenue     = "revenue"
	SideExpenditure = "expenditure"
	SidePurpose     = "purpose" // 支出用途 (Jiangsu)
	SidePersonnel   = "personnel"
	SidePublicUse   = "public_use"
)

// RowKey says what a summary row is (LineItem.Key): its side, a dot, and
// the line.
type RowKey string

// Row keys of the summary tables (B1/F1/B4/F4, B2/F2, B3/F3).
const (
	RowRevenueTotal               RowKey = "revenue.total"
	RowRevenueGrandTotal          RowKey = "revenue.grand_total"
	RowRevenueCarriedOver         RowKey = "revenue.carried_over"
	RowRevenueNonFiscalBalance    RowKey = "revenue.non_fiscal_balance_used"
	RowRevenueGeneralPublicBudget RowKey = "revenue.general_public_budget"
	RowRevenueGovernmentFund      RowKey = "revenue.government_fund_budget"
	RowRevenueStateCapital        RowKey = "revenue.state_capital_budget"
	RowRevenueSpecialAccount      RowKey = "revenue.special_account"
	RowRevenueBusinessOperating   RowKey = "revenue.business_operating"
	RowRevenueBusiness            RowKey = "revenue.business"
	RowRevenueSuperiorSubsidy     RowKey = "revenue.superior_subsidy"
	RowRevenueAffiliated          RowKey = "revenue.affiliated"
	RowRevenueOther               RowKey = "revenue.other"
	RowRevenueFiscal              RowKey = "revenue.fiscal"

	RowExpenditureTotal               RowKey = "expenditure.total"
	RowExpenditureGrandTotal          RowKey = "expenditure.grand_total"
	RowExpenditureCarriedForward      RowKey = "expenditure.carried_forward"
	RowExpenditureBalanceDistribution RowKey = "expenditure.balance_distribution"
	RowExpenditureBasic               RowKey = "expenditure.basic"
	RowExpenditureProject             RowKey = "expenditure.project"
	RowExpenditureReserve             RowKey = "expenditure.reserve"
)

// RowKeyLabels are the Chinese names of the row keys.
var RowKeyLabels = map[RowKey]string{
	RowRevenueTotal: "本年收入合计", RowRevenueGrandTotal: "收入总计", RowRevenueCarriedOver: "上年结转",
	RowRevenueNonFiscalBalance: "使用非财政拨款结余", RowRevenueGeneralPublicBudget: "一般公共预算拨款收入",
	RowRevenueGovernmentFund: "政府性基金预算拨款收入", RowRevenueStateCapital: "国有资本经营预算拨款收入",
	RowRevenueSpecialAccount: "财政专户管理资金收入", RowRevenueBusinessOperating: "事业单位经营收入",
	RowRevenueBusiness: "事业收入", RowRevenueSuperiorSubsidy: "上级补助收入", RowRevenueAffiliated: "附属单位上缴收入",
	RowRevenueOther: "其他收入", RowRevenueFiscal: "财政拨款收入",
	RowExpenditureTotal: "本年支出合计", RowExpenditureGrandTotal: "支出总计", RowExpenditureCarriedForward: "结转下年",
	RowExpenditureBalanceDistribution: "结余分配", RowExpenditureBasic: "基本支出", RowExpenditureProject: "项目支出",
	RowExpenditureReserve: "预留机动经费",
}

// TotalKey is the key of a side's 本年 total row: "revenue.total".
func TotalKey(side string) RowKey { return RowKey(side + ".total") }

// GrandTotalKey is the key of a side's 总计 row: "expenditure.grand_total".
func GrandTotalKey(side string) RowKey { return RowKey(side + ".grand_total") }

// Side is the side a row key is on: "revenue" or "expenditure".
func (k RowKey) Side() string {
	for i := 0; i < len(k); i++ {
		if k[i] == '.' {
			return string(k[:i])
		}
	}
	return ""
}

// Label is the key's Chinese name, or the key itself.
func (k RowKey) Label() string {
	if l, ok := RowKeyLabels[k]; ok {
		return l
	}
	return string(k)
}

// ColumnKey is the canonical name of an amount column (Column.Key and the
// keys of LineItem.Amounts and LineItem.Percents): a base, optionally
// followed by "." and a Measure ("total.final").
type ColumnKey string

// Column keys.
const (
	ColAmount     ColumnKey = "amount"
	ColTotal      ColumnKey = "total"
	ColGrandTotal ColumnKey = "grand_total"
	ColRevenue    ColumnKey = "revenue"     // 本年收入 (F8)
	ColExpend     ColumnKey = "expenditure" // 本年支出 (F8)

	ColBasic               ColumnKey = "basic"
	ColProject             ColumnKey = "project"
	ColReserve             ColumnKey = "reserve"
	ColRemitToSuperior     ColumnKey = "remit_to_superior"
	ColBusinessExpense     ColumnKey = "business_expense"
	ColSubsidyToAffiliated ColumnKey = "subsidy_to_affiliated"
	ColPersonnel           ColumnKey = "personnel"
	ColPublicUse           ColumnKey = "public_use"
	ColBeginningBalance    ColumnKey = "beginning_balance"
	ColEndingBalance       ColumnKey = "ending_balance"
	ColCarriedOver         ColumnKey = "carried_over"

	ColFiscal              ColumnKey = "fiscal"
	ColGeneralPublicBudget ColumnKey = "general_public_budget"
	ColGovernmentFund      ColumnKey = "government_fund_budget"
	ColStateCapital        ColumnKey = "state_capital_budget"
	ColSpecialAccount      ColumnKey = "special_account"
	ColBusinessOperating   ColumnKey = "business_operating"
	ColBusiness            ColumnKey = "business"
	ColSuperiorSubsidy     ColumnKey = "superior_subsidy"
	ColAffiliated          ColumnKey = "affiliated"
	ColOther               ColumnKey = "other"
	// ColNonFiscalBalance is a balance drawn on beside this year's sources
	// (使用非财政拨款结余, 上年实户资金余额): part of the 合计 of a table by
	// source, like 上年结转.
	ColNonFiscalBalance ColumnKey = "non_fiscal_balance"

	ColLastYear      ColumnKey = "last_year"
	ColChange        ColumnKey = "change"
	ColChangePct     ColumnKey = "change_pct"
	ColCompletionPct ColumnKey = "completion_pct"
	ColBudget        ColumnKey = "budget"
	ColFinal         ColumnKey = "final"

	// The 三公 table's columns (and rows, where it prints items as rows).
	ColOverseasTravel    ColumnKey = "overseas_travel"
	ColVehicles          ColumnKey = "vehicles"
	ColVehiclePurchase   ColumnKey = "vehicle_purchase"
	ColVehicleOperation  ColumnKey = "vehicle_operation"
	ColReception         ColumnKey = "reception"
	ColMeeting           ColumnKey = "meeting"
	ColTraining          ColumnKey = "training"
	ColOperatingExpenses ColumnKey = "operating_expenses"
)

// ColumnKeyLabels are the Chinese names of the column keys' bases.
var ColumnKeyLabels = map[ColumnKey]string{
	ColAmount: "金额", ColTotal: "合计", ColGrandTotal: "总计", ColRevenue: "本年收入", ColExpend: "本年支出",
	ColBasic: "基本支出", ColProject: "项目支出", ColReserve: "预留机动经费", ColRemitToSuperior: "上缴上级支出",
	ColBusinessExpense: "经营支出", ColSubsidyToAffiliated: "对附属单位补助支出", ColPersonnel: "人员经费",
	ColPublicUse: "公用经费", ColBeginningBalance: "年初结转和结余", ColEndingBalance: "年末结转和结余",
	ColCarriedOver: "上年结转", ColFiscal: "财政拨款", ColGeneralPublicBudget: "一般公共预算",
	ColGovernmentFund: "政府性基金预算", ColStateCapital: "国有资本经营预算", ColSpecialAccount: "财政专户管理资金",
	ColBusinessOperating: "事业单位经营收入", ColBusiness: "事业收入", ColSuperiorSubsidy: "上级补助收入",
	ColAffiliated: "附属单位上缴收入", ColOther: "其他收入", ColNonFiscalBalance: "使用非财政拨款结余", ColLastYear: "上年数", ColChange: "增减额",
	ColChangePct: "增减%", ColCompletionPct: "完成率", ColBudget: "预算数", ColFinal: "决算数",
	ColOverseasTravel: "因公出国（境）费", ColVehicles: "公务用车购置及运行费", ColVehiclePurchase: "公务用车购置费",
	ColVehicleOperation: "公务用车运行费", ColReception: "公务接待费", ColMeeting: "会议费", ColTraining: "培训费",
	ColOperatingExpenses: "机关运行经费",
}

// Measure is what a column of a table that prints several figures per
// item measures: the 预算数 or the 决算数 of a final account, or last year.
type Measure string

// Measures.
const (
	MeasureNone     Measure = ""
	MeasureBudget   Measure = "budget"
	MeasureFinal    Measure = "final"
	MeasureLastYear Measure = "last_year"
)

// MeasureLabels are the Chinese names of the measures.
var MeasureLabels = map[Measure]string{MeasureBudget: "预算数", MeasureFinal: "决算数", MeasureLastYear: "上年"}

// With is the key of the column measuring m: ColTotal.With(MeasureFinal)
// is "total.final".
func (k ColumnKey) With(m Measure) ColumnKey {
	if m == MeasureNone {
		return k
	}
	return k + "." + ColumnKey(m)
}

// Split parses "total.final" into its base and measure.
func (k ColumnKey) Split() (ColumnKey, Measure) {
	for i := 0; i < len(k); i++ {
		if k[i] == '.' {
			return k[:i], Measure(k[i+1:])
		}
	}
	return k, MeasureNone
}

// Label is the Chinese name of the key: base, then measure.
func (k ColumnKey) Label() string {
	base, m := k.Split()
	l, ok := ColumnKeyLabels[base]
	if !ok {
		l = string(base)
	}
	if m != MeasureNone {
		if ml, ok := MeasureLabels[m]; ok {
			return l + "（" + ml + "）"
		}
		return l + "." + string(m)
	}
	return l
}

// Section keys: what a narrative heading is classified onto (Section.Key).
// They stay untyped strings: normalize's classifier mixes them with its
// own pseudo-keys ("overall").
const (
	SecResponsibilities  = "responsibilities"
	SecOrganization      = "organization"
	SecRevenue           = "revenue"
	SecExpenditure       = "expenditure"
	SecChange            = "change"
	SecOperatingExpenses = "operating_expenses"
	SecThreePublic       = "three_public"
	SecPerformance       = "performance"
	SecProcurement       = "procurement"
	SecAssets            = "assets"
	SecGlossary          = "glossary"
	SecOther             = "other"
	SecTables            = "tables"
	SecOverview          = "overview"
	SecProjects          = "projects"
	SecTasks             = "tasks"
)

// SectionKeys lists every key a section may carry.
var SectionKeys = []string{SecResponsibilities, SecOrganization, SecRevenue, SecExpenditure, SecChange,
	SecOperatingExpenses, SecThreePublic, SecPerformance, SecProcurement, SecAssets, SecGlossary,
	SecOther, SecTables, SecOverview, SecProjects, SecTasks}

// SectionLabels are the Chinese names of the section keys.
var SectionLabels = map[string]string{
	SecResponsibilities: "部门职责", SecOrganization: "机构设置", SecRevenue: "收入预算", SecExpenditure: "支出预算",
	SecChange: "增减变化", SecOperatingExpenses: "机关运行经费", SecThreePublic: "“三公”经费",
	SecPerformance: "绩效目标", SecProcurement: "政府采购", SecAssets: "国有资产占用",
	SecGlossary: "名词解释", SecOther: "其他", SecTables: "公开表格", SecOverview: "概况",
	SecProjects: "项目", SecTasks: "主要任务",
}

// Carry reports a row of money carried between years (上年结转, 结转下年,
// 使用非财政拨款结余, 结余分配): not part of this year's revenue or spending.
func (k RowKey) Carry() bool {
	switch k {
	case RowRevenueCarriedOver, RowRevenueNonFiscalBalance, RowExpenditureCarriedForward, RowExpenditureBalanceDistribution:
		return true
	}
	return false
}

// JoinKeys joins column keys with sep, for messages.
func JoinKeys(keys []ColumnKey, sep string) string {
	s := ""
	for i, k := range keys {
		if i > 0 {
			s += sep
		}
		s += string(k)
	}
	return s
}

// ThreePublicItem names the 三公 item a label (a column header or a row
// name of the 三公 table, or a phrase of the narrative) is about: one of
// ColOverseasTravel, ColVehicles, ColVehiclePurchase, ColVehicleOperation,
// ColReception, ColMeeting, ColTraining, ColTotal (三公), or
// ColOperatingExpenses (机关运行经费 printed beside them); "" for none.
// 机关运行经费 is tested first: its 运行 is not the vehicles' 运行费.
func ThreePublicItem(label string) ColumnKey {
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(label, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("机关运行"):
		return ColOperatingExpenses
	case has("购置及运", "购置和运", "购置费及运", "购置与运") || (has("用车") && has("购置") && has("运行", "运维", "维护")):
		return ColVehicles
	case has("购置"):
		return ColVehiclePurchase
	case has("运行", "运维", "维护"):
		return ColVehicleOperation
	case has("公务用车", "车辆"):
		return ColVehicles
	case has("出国", "出境"):
		return ColOverseasTravel
	case has("接待"):
		return ColReception
	case has("会议"):
		return ColMeeting
	case has("培训"):
		return ColTraining
	case has("三公"):
		return ColTotal
	}
	return ""
}
