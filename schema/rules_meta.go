package schema

import (
	"fmt"
	"strings"
)

// What each rule of the rules table checks, in one line of Chinese (for
// users) and English (for developers): what `yusuan schema --rules` and
// README's rule list say. A test keeps it complete and README in step.
var ruleDescriptions = map[string]struct{ zh, en string }{
	"summary.revenue_equals_expenditure":                  {"收入总计与支出总计相等（含结转结余）", "revenue total equals expenditure total (with the carry-overs)"},
	"summary.revenue_total_equals_sources":                {"收入合计等于各项收入来源之和", "revenue total equals the sum of its sources"},
	"summary.expenditure_basic_plus_project":              {"支出合计等于基本支出与项目支出之和", "expenditure total equals basic plus project expenditure"},
	"summary.change_parts_equal_total":                    {"支出增减总额等于基本支出与项目支出增减之和", "the change of the total equals the changes of basic and project expenditure"},
	"three_public.parts_equal_total":                      {"“三公”经费合计等于出国、用车、接待三项之和", "三公 total equals overseas travel + vehicles + reception"},
	"three_public.vehicles_equal_purchase_plus_operation": {"公务用车购置及运行费等于购置费与运行费之和", "vehicle costs equal purchase plus operation"},
	"procurement.parts_equal_total":                       {"政府采购总额等于货物、工程、服务之和", "procurement total equals goods + works + services"},
	"assets.total_equals_parts":                           {"资产表合计等于各行之和", "the assets table's total equals its lines"},
	"assets.narrative_total_equals_table":                 {"正文资产总额与资产表一致", "the narrative's assets total equals the table's"},
	"tables.revenue_equals_expenditure":                   {"收支总表收入总计与支出总计相等", "a 收支总表's revenue and expenditure totals are equal"},
	"tables.grand_total_equals_total_plus_carry":          {"总计等于本年合计加结转结余", "总计 equals 本年合计 plus the carry rows"},
	"tables.side_total_equals_rows":                       {"收支总表每一栏合计等于其各行之和", "each side's total equals its top-level rows"},
	"tables.row_total_equals_parts":                       {"每行合计列等于其组成列之和", "each row's total column equals the columns that are its parts"},
	"tables.parent_equals_children":                       {"类等于其款之和，款等于其项之和", "a 类 equals its 款, a 款 its 项, per column"},
	"tables.total_row_equals_classes":                     {"分科目表合计行等于各类之和", "a coded table's 合计 row equals its 类 rows"},
	ruleTableUnreadable:                                   {"表格自检：表内合计多处以不同差额不符，视为读取错误，不再使用", "table self-check: sums off by unrelated amounts mean a misread table, which is then not used"},
	"tables.amount_plausible":                             {"表中金额不可能为金额（百分比、年份、超过1万亿元）", "a table cell that cannot be money (a percentage, a year, over 1 万亿元)"},
	"summary.narrative_vs_table":                          {"正文收支及“三公”数字与表格一致", "the narrative's headline and 三公 figures equal the tables'"},
	"narrative_items.vs_table":                            {"正文逐项支出科目金额与表中同一科目一致", "each expenditure line of the narrative equals the table row with its code"},
	"narrative_items.restated_amount":                     {"正文同一科目前后两处金额一致", "an expenditure line's amount equals its restatement in the same paragraph"},
	"narrative_items.change_pct":                          {"正文科目增减比例与本年、上年数一致", "an expenditure line's stated change in % follows from this and last year's figures"},
	"tables.code_name_mismatch":                           {"科目编码与名称不符：功能分类或经济分类编码所印名称不是当年政府收支分类科目中该编码的名称", "a functional or economic code printed with a name that is not its name in that year's code book"},
	"tables.summary_vs_fiscal_summary":                    {"收支总表与财政拨款收支总表的财政拨款数一致", "the 收支总表 and the 财政拨款收支总表 agree on appropriations"},
	"tables.summary_vs_breakdown":                         {"收支总表与收入总表、支出总表合计一致", "the 收支总表 totals equal the revenue and expenditure tables' 合计"},
	"tables.fiscal_summary_vs_general_budget":             {"财政拨款收支总表一般公共预算栏与一般公共预算支出表一致", "the 财政拨款收支总表's 一般公共预算 column equals the 一般公共预算支出表"},
	"tables.expenditure_vs_general_budget":                {"一般公共预算支出表与支出总表按科目一致", "the 一般公共预算支出表 and the 支出总表 agree per code and column"},
	"tables.basic_vs_economic":                            {"基本支出与基本支出经济分类表合计一致", "基本支出 equals the total of the economic-classification table"},
	"three_public.table_parts":                            {"“三公”经费表各项之和等于合计", "the 三公 table's items add up to its total"},
	"operating_expenses.narrative_vs_table":               {"机关运行经费正文与表格一致", "机关运行经费 of the narrative equals the tables'"},
	"tables.last_year_plus_change":                        {"表中上年数加增减额等于本年数", "a row's last-year figure plus its change equals this year's"},
	"tables.change_pct":                                   {"表中增减百分比与本年、上年数一致", "a row's change in % follows from its figures"},
	"tables.completion_pct":                               {"表中完成率等于决算数除以预算数", "a row's completion rate equals 决算 ÷ 预算"},
	"narrative_items.completion_pct":                      {"正文完成率与决算数、年初或全年预算数一致", "the narrative's completion rate follows from 决算 and the budget it names"},
	"narrative.comparison_year":                           {"比较年度：预算、决算应与上年相比（不应与本年或其他年度相比）", "comparison year: a budget or final account for Y compares with Y−1, not with Y or another year"},
	"narrative.change_pct":                                {"正文“增加X万元，增长Y%”的比例与本年数、增减额一致；上年为0时的增长率无从计算", "a sentence's stated change in % follows from its figure and change; growth from 0 is undefined"},
	ruleUnitSlip:                                          {"单位疑误：印作“元”的金额读作“万元”才相符（数值按原文保留）", "unit slip: an amount printed in 元 that fits only as 万元 (kept as printed)"},
	"narrative.lost_figure":                               {"金额缺失或错位：“万元”前没有数字，该项金额无法确定", "lost figure: 万元 with no figure before it, so the amount cannot be assigned"},
	"narrative.share_pct":                                 {"正文“其中……占X%”的比例与各项及总数一致，同一总数下各项占比相加不超过100%", "a 其中 list's stated shares follow from the parts and the whole, and add up to no more than 100 %"},
	"meta.file_name_disagrees":                            {"文件名所写年度或部门与文件内容不一致（以内容为准，仅提示）", "the file's name states another year or department than the document (the document is taken; a note)"},
	"meta.issuer_name_differs":                            {"发布部门名称在标题、表头、表名和正文中前后不一（“与”作“和”、漏写区县等）", "the issuer's name differs between the title, table headers, tables' titles and the narrative (与 for 和, a district dropped, …)"},
	"narrative_items.copied_from_neighbour":               {"疑照抄相邻科目：正文某科目重述的金额或增减比例恰为相邻科目的数字", "an expenditure line whose restated amount or stated % is its neighbour's (copied and not corrected)"},
	"basic_expenditure.narrative_vs_table":                {"正文一般公共预算基本支出及其人员经费、公用经费与基本支出表（经济分类）一致", "the narrative's 基本支出 and its 人员经费 / 公用经费 equal the economic-classification table's (B6/F6)"},
	"fiscal_total.narrative_vs_table":                     {"正文财政拨款收支总计与财政拨款收支总表总计一致", "the narrative's 财政拨款 revenue and expenditure total equals the 财政拨款收支总表's 总计 (B4/F4)"},
}

// RuleInfo describes one rule for users: its name and what it checks.
type RuleInfo struct {
	Name string `json:"name"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// Rules lists the rules Validate runs, in order, with what each checks.
func Rules() []RuleInfo {
	out := make([]RuleInfo, len(rules))
	for i := range rules {
		d := ruleDescriptions[rules[i].name]
		out[i] = RuleInfo{Name: rules[i].name, Zh: d.zh, En: d.en}
	}
	return out
}

// RulesMarkdown is the rule list as a Markdown table: name, 中文说明, English.
func RulesMarkdown() string {
	var b strings.Builder
	b.WriteString("| Rule | 中文说明 | English |\n|---|---|---|\n")
	for _, r := range Rules() {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", r.Name, r.Zh, r.En)
	}
	return b.String()
}
