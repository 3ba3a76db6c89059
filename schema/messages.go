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
	msgUnnamedRows: {
		zh: "（其中%[1]v行既非已知收入来源也无科目编码，是否为分项无法确定，仅供参考）",
		en: " (%[1]v of the rows are neither a known source nor a coded class, so which rows are parts is uncertain)",
	},
	msgCompletionBase: {
		zh: "%[1]s：%[2]s 称为年初预算%[3]s的完成率，实为全年预算%[4]s的完成率",
		en: "%[1]s: %[2]s is stated as the completion of a 年初预算 of %[3]s; it is the completion of the 全年预算 %[4]s",
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
