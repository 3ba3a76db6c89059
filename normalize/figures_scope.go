package normalize

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/decimal"

	"github.com/yusuan/yusuan/schema"
)

// A 其中 list splits the figure just before it: in "财政拨款安排支出X元，其中：
// 基本支出A元…；项目支出B元" the 基本支出 and 项目支出 are the part paid from
// 财政拨款, not the department's split, even though their own labels name
// no source. Such a split is the department's only where its head is the
// department's whole expenditure (everything paid from that one source);
// it is kept aside and taken only then.

// fiscalSources are the words that scope a figure to one source of funds.
var fiscalSources = []string{"财政拨款", "一般公共预算", "政府性基金", "国有资本", "财政专户"}

// clauseSep parts clauses: full-width punctuation, and an ASCII comma or
// colon that is no thousands separator.
var clauseSep = regexp.MustCompile(`[，；：;]|[,:](?:[^\d]|$)`)

// fiscalListHead returns the head of the 其中 list the amount at rune
// offset start belongs to, when that head is a spending figure of one
// source of funds ("财政拨款安排支出121,884,997.75元"). The list runs to the
// end of the sentence ("。"): its items may be parted by "；", each with its
// change and reasons.
func fiscalListHead(runes []rune, start int) (Money, bool) {
	from := min(start, len(runes))
	for from > 0 && runes[from-1] != '。' && runes[from-1] != '\n' {
		from--
	}
	s := string(runes[from:min(start, len(runes))])
	i := strings.LastIndex(s, "其中")
	if i < 0 {
		return Money{}, false
	}
	head := strings.TrimRight(s[:i], "，,：:（( ")
	if locs := clauseSep.FindAllStringIndex(head, -1); len(locs) > 0 {
		j := locs[len(locs)-1][0]
		_, size := utf8.DecodeRuneInString(head[j:])
		head = head[j+size:]
	}
	if j := strings.LastIndex(head, "其中"); j >= 0 {
		head = head[j+len("其中"):] // "（其中财政拨款700万元）": a part named in passing
	}
	head = compact(Clean(head))
	if !hasAny(head, fiscalSources...) || !hasAny(head, "支出") || hasAny(head, "基本支出", "项目支出") {
		return Money{}, false
	}
	ms := FindAmounts(head)
	if len(ms) == 0 {
		return Money{}, false
	}
	return ms[len(ms)-1], true
}

// fiscalSplit is a 基本支出 / 项目支出 split of one source's spending, kept
// aside until the document's whole expenditure is known.
type fiscalSplit struct {
	head           Money
	basic, project *schema.Amount
}

// note keeps a split item (label lb, amount a) under its list's head.
func (fs *fiscalSplit) note(head Money, lb string, a *schema.Amount) {
	if fs.head.Text == "" {
		fs.head = head
	}
	if !fs.head.Yuan.Equal(head.Yuan) {
		return // a second list: only the first is kept
	}
	switch {
	case hasAny(lb, "基本支出"):
		set(&fs.basic, a)
	case hasAny(lb, "项目支出"):
		set(&fs.project, a)
	}
}

// settle gives the summary the split when its head is the whole
// expenditure the document states; otherwise the split stays out.
func (fs *fiscalSplit) settle(sm *schema.Summary) {
	total := sm.Expenditure.Total
	if fs.head.Text == "" || total == nil || !total.Yuan.Equal(fs.head.Yuan) {
		return
	}
	set(&sm.Expenditure.Basic, fs.basic)
	set(&sm.Expenditure.Project, fs.project)
}

// A narrative's "收入预算X万元" may be 收入总计, this year's revenue plus the
// carry-over: its listed parts include "上年结转结余". schema.md defines
// revenue.total as 本年收入合计, so where the stated sources and the
// carry-over add up to the stated figure, this year's revenue is the figure
// less the carry-over (derived); a total the listed parts do not bear out
// is left as it is.

// thisYearRevenue replaces a narrative revenue total that is 收入总计 by
// 本年收入合计 = 收入总计 − carried_over.
func thisYearRevenue(sm *schema.Summary) {
	r := &sm.Revenue
	total, carried := r.Total, r.CarriedOver
	if total == nil || carried == nil || carried.Yuan.Sign() <= 0 || total.Derived != "" {
		return
	}
	// The sources listed by budget (一般公共预算, 政府性基金, 国有资本经营) or
	// as one 财政拨款 figure, with the non-fiscal ones.
	rest := []*schema.Amount{r.SpecialAccount, r.Business, r.Other}
	byBudget := append([]*schema.Amount{r.GeneralPublicBudget, r.GovernmentFundBudget, r.StateCapitalBudget}, rest...)
	byFiscal := append([]*schema.Amount{r.FiscalAppropriation}, rest...)
	if !addsUp(total, carried, byBudget) && !addsUp(total, carried, byFiscal) {
		return
	}
	r.Total = less(total, carried, "收入总计 − carried_over")
}

// thisYearExpenditure is thisYearRevenue's mirror: a narrative
// expenditure figure that 基本支出, 项目支出 (and the other uses) plus the
// 年终结转结余 add up to is 支出总计; 本年支出合计 is it − carried_forward.
func thisYearExpenditure(sm *schema.Summary) {
	e := &sm.Expenditure
	total, carried := e.Total, e.CarriedForward
	if total == nil || carried == nil || carried.Yuan.Sign() <= 0 || total.Derived != "" || e.Basic == nil || e.Project == nil {
		return
	}
	if !addsUp(total, carried, []*schema.Amount{e.Basic, e.Project, e.Reserve, e.Other}) {
		return
	}
	e.Total = less(total, carried, "支出总计 − carried_forward")
}

// less is total − part, derived as said.
func less(total, part *schema.Amount, derived string) *schema.Amount {
	a := &schema.Amount{Yuan: total.Yuan.Sub(part.Yuan), Unit: total.Unit, At: total.At,
		Text: total.Text + " − " + part.Text, Derived: derived}
	if part.Unit == total.Unit {
		a.Value = total.Value.Sub(part.Value)
	} else {
		a.Value, a.Unit = a.Yuan, "元"
	}
	return a
}

// addsUp: the stated parts (the first one at least) and the carry-over
// add up to total, within 0.01 万元 per term.
func addsUp(total, carried *schema.Amount, sources []*schema.Amount) bool {
	if sources[0] == nil {
		return false // no main part listed: nothing bears the reading out
	}
	sum := carried.Yuan
	terms := 1
	for _, a := range sources {
		if a != nil {
			sum = sum.Add(a.Yuan)
			terms++
		}
	}
	slack := roundingPerTerm.Mul(decimal.FromInt(int64(terms)))
	return sum.Sub(total.Yuan).Abs().Cmp(slack) <= 0
}

// roundingPerTerm is 0.01 万元 in 元.
var roundingPerTerm = decimal.FromInt(100)
