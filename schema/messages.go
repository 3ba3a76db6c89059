package schema

import "fmt"

// msgKind names a message template.
type msgKind int

const (
	msgParts           msgKind = iota // a stated figure vs the sum of its parts
	msgUnitSlip                       // appended: the part that, read as 万元, makes it hold
	msgSourcesShort                   // appended: sources not listed may be the rest
	msgPair                           // the same figure printed in two places
	msgText                           // the narrative's figure vs the table's
	msgImplausible                    // a figure that cannot be money
	msgWhyPercent                     // … a percentage read as money
	msgWhyYear                        // … a whole number that reads like a year
	msgWhyHuge                        // … more than 1 万亿元
	msgRestated                       // an amount restated differently in one paragraph
	msgItemPct                        // the narrative's stated change in %
	msgPct                            // a computed % vs the stated one
	msgCompletionBase                 // a completion rate stated against the wrong budget
	msgTableUnreadable                // a table that failed its self-check
	msgUnreadable                     // … why: sums off by several amounts
	msgOneCause                       // … why: every broken sum off by one amount
	msgSameCause                      // appended: more sums off by the same amount
	msgCarryConvention                // appended: the difference is the carry-over
	msgUnnamedRows                    // appended: rows of unknown standing in a sum
	msgFileNameYear                   // the file name states another year than the document
	msgPlacePage                      // where a sentence is: page and section
	msgPlaceLine                      // … line and section
	msgPlaceSection                   // … section only
	msgCompareBudget                  // a budget compared with a year other than Y−1
	msgCompareFinal                   // a final account compared with a year other than Y−1
	msgChangePct                      // a stated change in % that the figures do not give
	msgPctFromZero                    // an increase in % from a base of 0
	msgSharePct                       // a stated share that the figures do not give
	msgSharesOver                     // shares of one whole that add up to more than 100 %
	msgChangeUnitSlip                 // a change in 元 that fits the % only as 万元
	msgFigureLost                     // a unit with no figure before it
	msgFigureMoved                    // a figure parted from its unit by a word
	msgIssuerDiffers                  // the issuer's name printed two ways in one document
	msgIssuerSubst                    // … how: one character for another
	msgIssuerPlace                    // … how: a place dropped from the middle
	msgIssuerPrefix                   // … how: the leading place or parent left out
	msgIssuerShort                    // … how: a short form
	msgIssuerOther                    // … how: another name
	msgFileNameIssuer                 // the file name names another department than the document
	msgCodeName                       // a code printed with a name not its own that year
	msgCodeOldName                    // appended: the name the code had in other years
	msgCodeOtherName                  // appended: the name of another code
	msgSplitVsTable                   // a narrative figure of the 基本支出 split or 财政拨款 total vs its table
	msgSplitSameDiff                  // appended: another figure off by the same amount
	msgSplitAllFunds                  // appended: the text's figure is the all-funds 基本支出
	msgSplitScope                     // appended: the two figures are not defined alike
	msgTablePage                      // where a table figure is: table, page, row or column
	msgTableNoPage                    // … table, row or column
	msgCopiedAmount                   // an item's restated amount is its neighbour's
	msgCopiedPct                      // an item's stated % is its neighbour's
	msgCopiedPctIs                    // … printed alike
	msgCopiedPctFits                  // … or fitting the neighbour's figures
	msgCopiedPctToo                   // appended: the % is the neighbour's too
	msgCopiedChange                   // a sentence's stated % is the neighbouring sentence's
)

// messages are the templates, Chinese and English, with the same
// arguments in the same order (fmt verbs with explicit indexes). The
// first argument of a comparison says what is compared and where it is
// printed; in Chinese it ends in 不符 where the template does not say how
// the figures differ.
var messages = map[msgKind]struct{ zh, en string }{
	msgParts: {
		zh: "%[1]s：列示%[2]s%[3]s，%[4]s，相差%[5]s元",
		en: "%[1]s: stated %[2]s (%[3]s 元) but the parts add up to %[4]s 元, a difference of %[5]s 元",
	},
	msgUnitSlip: {
		zh: "；若将“%[1]s”读作万元则相符（疑将万元印作元）",
		en: "; it holds if %[1]q is read as 万元 (元 printed where 万元 is meant?)",
	},
	msgSourcesShort: {
		zh: "（未列出的收入来源可能构成其余部分）",
		en: " (sources not listed may account for the rest)",
	},
	msgPair: {
		zh: "%[1]s：%[2]s%[3]s与%[4]s%[5]s相差%[6]s元",
		en: "%[1]s: %[2]s (%[3]s 元) against %[4]s (%[5]s 元), a difference of %[6]s 元",
	},
	msgText: {
		zh: "%[1]s：正文为%[2]s%[3]s，表格为%[4]s%[5]s，相差%[6]s元",
		en: "%[1]s: the text says %[2]s (%[3]s 元), the table %[4]s (%[5]s 元), a difference of %[6]s 元",
	},
	msgImplausible: {
		zh: "%[1]s，“%[2]s”行，%[3]s列：“%[4]s”%[5]s",
		en: "%[1]s, row %[2]q, %[3]s: %[4]q is %[5]s",
	},
	msgWhyPercent: {zh: "疑为百分比而非金额", en: "a percentage read as money"},
	msgWhyYear:    {zh: "在带小数的表中为整数，疑为年份", en: "a whole number in a table of decimals that reads like a year"},
	msgWhyHuge:    {zh: "超过1万亿元", en: "more than 1 万亿元"},
	msgRestated: {
		zh: "%[1]s %[2]s：先列%[3]s，同段又列%[4]s（相差%[5]s元）",
		en: "%[1]s %[2]s: stated as %[3]s, then restated as %[4]s in the same paragraph (a difference of %[5]s 元)",
	},
	msgItemPct: {
		zh: "%[1]s %[2]s：%[3]s较上年%[4]s变动%[5]s%%，正文称%[6]s%%",
		en: "%[1]s %[2]s: %[3]s against last year's %[4]s is a change of %[5]s%%, but the text states %[6]s%%",
	},
	msgPct: {
		zh: "%[1]s：%[2]s ÷ %[3]s 为%[4]s%%，列示为%[5]s",
		en: "%[1]s: %[2]s ÷ %[3]s is %[4]s%%, but %[5]s is stated",
	},
	msgTableUnreadable: {
		zh: "%[1]s：表内数字未能正确读取，未用于汇总和核对（%[2]s）",
		en: "%[1]s: the table could not be read reliably; none of its figures are used in the summary or in checks (%[2]s)",
	},
	msgUnreadable: {
		zh: "表内%[1]v处合计与分项不符，差额各不相同（%[2]v种），多为读取错位所致",
		en: "%[1]v of its sums miss by %[2]v different amounts, which points at a misreading",
	},
	msgOneCause: {
		zh: "表内%[1]v处合计与分项不符，差额均为%[2]s元，同一原因",
		en: "%[1]v of its sums miss, all by the same %[2]s 元: one cause",
	},
	msgSameCause: {
		zh: "（另有%[1]v处合计相差同一金额，同一原因）",
		en: " (and %[1]v more sums of the table miss by the same amount: one cause)",
	},
	msgCarryConvention: {
		zh: "；差额等于结转结余%[1]s（%[2]s元），系一方含结转、一方不含的口径差异",
		en: "; the difference equals the carry-over %[1]s (%[2]s 元): one figure includes it, the other does not",
	},
	msgFileNameYear: {
		zh: "文件名“%[1]s”写的是%[2]v年，文件内容为%[3]v年（以内容为准）",
		en: "the file name %[1]q says %[2]v, the document itself %[3]v (the document is taken)",
	},
	msgIssuerDiffers: {
		zh: "发布部门名称前后不一：%[1]s为“%[2]s”，%[3]s为“%[4]s”（%[5]s）",
		en: "the issuer's name is printed two ways: %[1]s has %[2]q, %[3]s %[4]q (%[5]s)",
	},
	msgIssuerSubst:  {zh: "一字之差：“%[1]s”作“%[2]s”", en: "one character differs: %[1]s printed as %[2]s"},
	msgIssuerPlace:  {zh: "其一漏写“%[1]s”，成了另一级部门的名称", en: "one leaves out %[1]s, which makes it the name of a department at another level"},
	msgIssuerPrefix: {zh: "其一省略“%[1]s”，仅提示", en: "one leaves out %[1]s; a note"},
	msgIssuerShort:  {zh: "简称与全称，仅提示", en: "a short form and the full name; a note"},
	msgIssuerOther:  {zh: "名称不同，或为所属单位、旧称，仅提示", en: "different names, perhaps a subordinate unit or a former name; a note"},
	msgFileNameIssuer: {
		zh: "文件名“%[1]s”写的部门是“%[2]s”，文件内容为“%[3]s”（%[4]s；以内容为准）",
		en: "the file name %[1]q names %[2]q, the document itself %[3]q (%[4]s; the document is taken)",
	},
	msgUnnamedRows: {
		zh: "（其中%[1]v行既非已知收入来源也无科目编码，是否为分项无法确定，仅供参考）",
		en: " (%[1]v of the rows are neither a known source nor a coded class, so which rows are parts is uncertain)",
	},
	msgCompletionBase: {
		zh: "%[1]s：%[2]s 称为年初预算%[3]s的完成率，实为全年预算%[4]s的完成率",
		en: "%[1]s: %[2]s is stated as the completion of a 年初预算 of %[3]s; it is the completion of the 全年预算 %[4]s",
	},
	msgCodeName: {
		zh: "科目名称：%[1]s科目%[2]s的名称印为“%[3]s”，%[4]v年政府收支分类科目中%[2]s为“%[5]s”%[6]s",
		en: "code name: %[1]s names code %[2]s %[3]q; in the %[4]v 政府收支分类科目 %[2]s is %[5]q%[6]s",
	},
	msgCodeOldName:   {zh: "（所印名称是该编码在%[1]s年的名称，科目已更名）", en: " (the printed name is the code's name of %[1]s: the item was renamed)"},
	msgCodeOtherName: {zh: "（所印名称是科目%[1]s的名称）", en: " (the printed name is the name of code %[1]s)"},
	msgPlacePage:     {zh: "第%[1]v页“%[2]s”", en: "page %[1]v, section %[2]q"},
	msgPlaceLine:     {zh: "第%[1]v行“%[2]s”", en: "line %[1]v, section %[2]q"},
	msgPlaceSection:  {zh: "“%[1]s”", en: "section %[1]q"},
	msgCompareBudget: {
		zh: "比较年度：%[1]v年预算的正文有%[2]v处与%[3]v年相比（应与上年即%[4]v年相比），首见于%[5]s：“%[6]s”",
		en: "comparison year: the %[1]v budget compares with %[3]v in %[2]v places (the year before is %[4]v), first at %[5]s: %[6]q",
	},
	msgCompareFinal: {
		zh: "比较年度：%[1]v年决算的正文有%[2]v处与%[3]v年相比（应与上年即%[4]v年或本年预算相比），首见于%[5]s：“%[6]s”",
		en: "comparison year: the %[1]v final account compares with %[3]v in %[2]v places (the year before is %[4]v, or its own budget), first at %[5]s: %[6]q",
	},
	msgChangePct: {
		zh: "增减比例：%[1]s：“%[2]s”，按增减额%[3]s与本年%[4]s，上年应为%[5]s万元，增减比例应为%[6]s%%，正文为%[7]s%%",
		en: "change in %%: %[1]s %[2]q: a change of %[3]s to %[4]s puts last year at %[5]s 万元, a change of %[6]s%%, but the text states %[7]s%%",
	},
	msgPctFromZero: {
		zh: "增减比例：%[1]s：“%[2]s”，上年为0，增长%[3]s%%无从计算",
		en: "change in %%: %[1]s %[2]q: last year was 0, so a growth of %[3]s%% is undefined",
	},
	msgChangeUnitSlip: {
		zh: "单位疑误：%[1]s：“%[2]s”，增减额%[3]s按原单位计算增减%[4]s%%，读作%[5]s则为%[6]s%%，与正文%[7]s%%相符（疑将%[8]s印作%[9]s；数值按原文保留）",
		en: "unit slip: %[1]s %[2]q: the change %[3]s gives %[4]s%% as printed, but %[6]s%% read in %[5]s, which matches the stated %[7]s%% (%[9]s printed where %[8]s is meant?; the value is kept as printed)",
	},
	msgFigureLost: {
		zh: "金额缺失：%[1]s：“%[2]s”，“%[3]s”前没有数字，该项金额无法确定",
		en: "figure missing: %[1]s %[2]q: no figure before %[3]s, so the amount cannot be assigned",
	},
	msgFigureMoved: {
		zh: "金额错位：%[1]s：“%[2]s”，数字%[3]s与单位“%[4]s”之间隔有文字，该项金额无法确定",
		en: "figure misplaced: %[1]s %[2]q: the figure %[3]s is parted from its unit %[4]s by a word, so the amount cannot be assigned with certainty",
	},
	msgSplitVsTable: {
		zh: "%[1]s：%[2]s正文为%[3]s（%[4]s元），%[5]s为%[6]s（%[7]s元），相差%[8]s元",
		en: "%[1]s: the text at %[2]s says %[3]s (%[4]s 元), %[5]s prints %[6]s (%[7]s 元), a difference of %[8]s 元",
	},
	msgSplitSameDiff: {
		zh: "；%[1]s（正文%[2]s，表中%[3]s）相差同一金额，同一原因",
		en: "; %[1]s (text %[2]s, table %[3]s) differs by the same amount: one cause",
	},
	msgSplitAllFunds: {
		zh: "；正文数与%[1]s%[2]s（全部资金）相同，疑将全部资金口径的数字写作一般公共预算口径",
		en: "; the text's figure is %[1]s %[2]s (all funds): the all-funds figure written as the 一般公共预算 one?",
	},
	msgSplitScope: {
		zh: "（正文称“财政拨款”，表为一般公共预算口径，两者未必相同，仅供参考）",
		en: " (the text says 财政拨款, the table covers 一般公共预算 only: not necessarily the same quantity)",
	},
	msgTablePage:   {zh: "%[1]s（第%[2]v页）%[3]s", en: "%[1]s (page %[2]v), %[3]s"},
	msgTableNoPage: {zh: "%[1]s%[2]s", en: "%[1]s, %[2]s"},
	msgCopiedAmount: {
		zh: "疑照抄上下文：%[1]s：%[2]s开头列%[3]s，同段又列%[4]s，与相邻科目“%[5]s”的金额相同（相差%[6]s元）",
		en: "copied from its neighbour?: %[1]s: %[2]s opens with %[3]s and restates %[4]s, which is the amount of the neighbouring item %[5]q (a difference of %[6]s 元)",
	},
	msgCopiedPct: {
		zh: "疑照抄上下文：%[1]s：%[2]s称增减%[3]s%%，按其本年%[4]s、上年%[5]s应为%[6]s%%；%[7]s",
		en: "copied from its neighbour?: %[1]s: %[2]s states a change of %[3]s%%, but its own %[4]s against %[5]s give %[6]s%%; %[7]s",
	},
	msgCopiedPctIs: {
		zh: "%[1]s%%即为相邻科目“%[2]s”所列的增减比例",
		en: "%[1]s%% is the change printed for the neighbouring item %[2]q",
	},
	msgCopiedPctFits: {
		zh: "%[1]s%%与相邻科目“%[2]s”的数字相符（仅供参考）",
		en: "%[1]s%% fits the figures of the neighbouring item %[2]q (a hint)",
	},
	msgCopiedChange: {
		zh: "疑照抄上下文：%[1]s：“%[2]s”，按增减额%[3]s与本年%[4]s，增减比例应为%[5]s%%；正文所称%[6]s%%即为相邻一句“%[7]s”的增减比例",
		en: "copied from its neighbour?: %[1]s %[2]q: a change of %[3]s to %[4]s is %[5]s%%; the stated %[6]s%% is the change of the sentence beside it, %[7]q",
	},
	msgCopiedPctToo: {
		zh: "；所称增减%[1]s%%亦为该相邻科目的比例（按本科目数字应为%[2]s%%）",
		en: "; its stated change of %[1]s%% is the neighbour's too (its own figures give %[2]s%%)",
	},
	msgSharesOver: {
		zh: "占比合计：%[1]s：“%[2]s”，%[3]s下各项占比%[4]s相加为%[5]s%%，超过100%%",
		en: "shares: %[1]s %[2]q: the shares of %[3]s (%[4]s) add up to %[5]s%%, more than 100%%",
	},
	msgSharePct: {
		zh: "占比：%[1]s：“%[2]s”，%[3]s占%[4]s应为%[5]s%%，正文为%[6]s%%",
		en: "share: %[1]s %[2]q: %[3]s of %[4]s is %[5]s%%, but the text states %[6]s%%",
	},
}

// withinRoundingZh follows a Chinese message whose figures differ by no
// more than rounding: 不符 alone would read as a claim. (The English
// message says so through its severity, as it always has.)
const withinRoundingZh = "（在四舍五入误差范围内）"

// bi is a text in both languages: Chinese for the users (Finding.Message),
// English for the developers (Finding.MessageEn).
type bi struct{ zh, en string }

// same is a text that reads alike in both languages (a code, a name as printed).
func same(s string) bi { return bi{s, s} }

// plus appends o to b, language by language.
func (b bi) plus(o bi) bi { return bi{b.zh + o.zh, b.en + o.en} }

// format fills the template of kind with args in both languages; an
// argument that is a bi gives each language its own text.
func format(kind msgKind, args ...any) bi {
	m := messages[kind]
	zh, en := make([]any, len(args)), make([]any, len(args))
	for i, a := range args {
		if b, ok := a.(bi); ok {
			zh[i], en[i] = b.zh, b.en
		} else {
			zh[i], en[i] = a, a
		}
	}
	return bi{fmt.Sprintf(m.zh, zh...), fmt.Sprintf(m.en, en...)}
}
