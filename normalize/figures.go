package normalize

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract/numbering"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

// labelled is an amount found in running text with the words that name it.
type labelled struct {
	label    string // text from the previous clause boundary to the amount
	after    string // text from the amount to the end of its sentence
	sentence string // text from the start of the sentence to the amount
	money    Money
	block    *extract.Block
}

// clauseBreak ends a label: punctuation, "其中", or a previous amount.
var clauseBreak = regexp.MustCompile(`[，,；;。：:\n]|其中`)

// classLine matches labels of classified line items: "（类）", "（204类）", "项级科目".
var classLine = regexp.MustCompile(`[（(]\d*[类款项][）)]|[类款项]级科目|科目编码`)

// labelledAmounts returns each amount in a paragraph with its label.
func labelledAmounts(b *extract.Block) []labelled {
	text := b.Text
	amounts := FindAmounts(text)
	if len(amounts) == 0 {
		return nil
	}
	runes := []rune(text)
	// Where each rune's sentence starts and ends, found in one pass, so a
	// long paragraph with many figures stays linear.
	sentStart := make([]int, len(runes)+1)
	for i, st := 0, 0; i <= len(runes); i++ {
		sentStart[i] = st
		if i < len(runes) && isSentenceEnd(runes[i]) {
			st = i + 1
		}
	}
	sentEnd := make([]int, len(runes)+1)
	for i, en := len(runes), len(runes); i >= 0; i-- {
		if i < len(runes) && isSentenceEnd(runes[i]) {
			en = i
		}
		sentEnd[i] = en
	}
	var out []labelled
	prevEnd := 0
	for _, m := range amounts {
		from := max(prevEnd, sentStart[m.Start])
		seg := string(runes[from:m.Start])
		if locs := clauseBreak.FindAllStringIndex(seg, -1); len(locs) > 0 {
			seg = seg[locs[len(locs)-1][1]:]
		}
		after := string(runes[m.End:max(m.End, sentEnd[m.End])])
		before := string(runes[sentStart[m.Start]:m.Start])
		out = append(out, labelled{label: strings.TrimSpace(seg), after: after, sentence: before, money: m, block: b})
		prevEnd = m.End
	}
	return out
}

// isSentenceEnd reports the runes that end a sentence for labelling.
func isSentenceEnd(r rune) bool { return r == '。' || r == '；' || r == ';' || r == '\n' }

// amountOf attaches provenance to a money value found in block b.
func amountOf(m Money, b *extract.Block) *schema.Amount {
	return &schema.Amount{Yuan: m.Yuan, Value: m.Value, Unit: m.Unit, Text: m.Text, At: b.AtOffset(m.Start)}
}

// zeroAmount is an amount the document states as absent ("无…").
func zeroAmount(unit, text string, b *extract.Block) *schema.Amount {
	if unit == "" {
		unit = "万元"
	}
	return &schema.Amount{Yuan: decimal.Decimal{}, Value: decimal.Decimal{}, Unit: unit, Text: text, At: b.At}
}

func set(dst **schema.Amount, a *schema.Amount) {
	if *dst == nil {
		*dst = a
	}
}

func hasAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var (
	increaseWords = []string{"增加", "增长", "上升", "提高", "多"}
	decreaseWords = []string{"减少", "下降", "降低", "减"}
	unchanged     = regexp.MustCompile(`(无增减|没有增减|持平|无变化|未发生变化|保持不变)`)
	noneProcure   = regexp.MustCompile(`(无|未|没有)[^，。；]{0,8}(政府采购|采购预算|采购)`)
	reasonStart   = regexp.MustCompile(`^(主要|原因|增加的?原因|减少的?原因|主要原因)`)
)

// fillNarrative reads the headline figures stated in the narrative. A
// paragraph is read under its section's topic, unless it opens with a
// lead-in of its own ("2.政府采购情况。…" inside "其他重要事项").
func (n *Normalizer) fillNarrative(d *schema.Document, o *outline) {
	st := &figState{weak: map[**schema.Amount]bool{}}
	for _, s := range o.sections {
		for _, b := range s.blocks {
			if b.Kind != extract.KindParagraph {
				continue
			}
			keys := s.Keys
			if lead := n.leadTopic(b.Text); len(lead) > 0 && !s.has(schema.SecGlossary) && !s.has(schema.SecPerformance) && !s.has(schema.SecResponsibilities) {
				keys = lead
			}
			has := func(k string) bool {
				for _, x := range keys {
					if x == k {
						return true
					}
				}
				return false
			}
			switch {
			case has(schema.SecThreePublic):
				n.threePublicFigures(d, b, s.Heading)
			case has(schema.SecOperatingExpenses):
				n.operatingFigures(d, b)
			case has(schema.SecProcurement):
				n.procurementFigures(d, b)
			case has(schema.SecAssets):
				n.assetFigures(d, b)
			case has(schema.SecRevenue) || has(schema.SecExpenditure) || has(schema.SecChange) || has(schema.SecOverview):
				n.summaryFigures(d, b, has(schema.SecChange) && !has(schema.SecRevenue), fiscalScope(s.Heading), st)
			case strings.Contains(compact(Clean(b.Text)), "机关运行经费"):
				// "1.机关运行经费。" as a lead-in of its own under 其他重要事项,
				// the figure in the next paragraph.
				n.operatingFigures(d, b)
			}
		}
	}
	st.split.settle(&d.Summary)
	thisYearRevenue(&d.Summary)
	thisYearExpenditure(&d.Summary)
}

// leadTopic classifies a paragraph's numbered lead-in phrase, if it has one.
func (n *Normalizer) leadTopic(text string) []string {
	lead := leadPhrase(text)
	if lead == "" {
		return nil
	}
	return n.lex.Classify(lead)
}

// changeSign reports whether a label announces a change versus last year,
// and its sign.
func changeSign(label string) (bool, int) {
	switch {
	case hasAny(label, decreaseWords...):
		return true, -1
	case hasAny(label, increaseWords...) && !hasAny(label, "增加值"):
		return true, 1
	}
	return false, 0
}

func signed(a *schema.Amount, sign int) *schema.Amount {
	if sign < 0 && a.Yuan.Sign() > 0 {
		a.Yuan = a.Yuan.Neg()
	}
	return a
}

// figState is what reading one document's figures remembers between paragraphs.
type figState struct {
	// weak marks totals taken from a "总计" (which may include carry-overs):
	// a later "本年收入合计" replaces them.
	weak map[**schema.Amount]bool
	// split is a 其中 list's 基本支出 / 项目支出 of one source's spending.
	split fiscalSplit
}

// setTotal sets a revenue or expenditure total, preferring 本年…合计 over 总计.
func (st *figState) setTotal(dst **schema.Amount, a *schema.Amount, label string) {
	weak := hasAny(label, "总计") && !hasAny(label, "合计")
	if *dst == nil || st.weak[dst] && hasAny(label, "合计", "本年") {
		*dst = a
		st.weak[dst] = weak
	}
}

// fiscalScope: a heading about the part paid from 财政拨款 only ("三、财政拨款
// 情况说明", "一般公共预算支出情况"), under which 基本支出 and 项目支出 are that
// part's, not the department's.
func fiscalScope(heading string) bool {
	return hasAny(heading, "财政拨款", "一般公共预算") && !hasAny(heading, "总体", "收支总")
}

func (n *Normalizer) summaryFigures(d *schema.Document, b *extract.Block, inChange, fiscal bool, st *figState) {
	sm := &d.Summary
	runes := []rune(b.Text)
	for _, l := range labelledAmounts(b) {
		a := amountOf(l.money, b)
		lb := Clean(l.label)
		if !hasAny(lb, "收", "支", "拨款", "结转", "来源") {
			// "（二）支出预算：2026年年初预算数174,900.64万元": the topic is the lead-in.
			if lead := sentenceTopic(Clean(l.sentence)); lead != "" {
				lb = lead + lb
			}
		}
		if isChange, _ := changeSign(lb); !isChange && otherYear(lb, d.Meta.FiscalYear) {
			continue // "2016年度部门支出预算安排为…": last year's figure ("较2019年增加" is a change)
		}
		if classLine.MatchString(lb) {
			continue // "一般公共服务（类）支出…": a line item, not a headline figure
		}
		// "财政拨款基本支出" and "一般公共预算…项目支出" are the part paid from
		// one source, not the department's split.
		scoped := fiscal || hasAny(lb, "财政拨款", "一般公共预算", "基金", "国有资本", "财政专户")
		head, inSplit := Money{}, false
		if !scoped && hasAny(lb, "基本支出", "项目支出") {
			head, inSplit = fiscalListHead(runes, l.money.Start)
		}
		if isChange, sign := changeSign(lb); isChange {
			scoped = scoped || inSplit
			a = signed(a, sign)
			switch {
			case scoped:
			case hasAny(lb, "基本支出"):
				set(&sm.Change.Basic, a)
			case hasAny(lb, "项目支出"):
				set(&sm.Change.Project, a)
			case hasAny(lb, "预留", "机动经费"):
				set(&sm.Change.Reserve, a)
			case hasAny(lb, "上年", "上一年", "较", "比", "同比") || hasAny(l.sentence, "上年", "相比", "较", "比", "同比") || inChange:
				set(&sm.Change.Total, a)
			}
			n.reasons(d, l)
			continue
		}
		switch {
		case hasAny(lb, "年末结转", "年终结转", "结转下年", "结转到下年"):
			set(&sm.Expenditure.CarriedForward, a)
		case hasAny(lb, "收支") || hasAny(lb, "收入") && hasAny(lb, "支出") && !scoped:
			st.setTotal(&sm.Revenue.Total, a, lb)
			st.setTotal(&sm.Expenditure.Total, amountOf(l.money, b), lb)
		case hasAny(lb, "支出", "机动经费"):
			switch {
			case scoped:
			case inSplit:
				st.split.note(head, lb, a)
			case hasAny(lb, "基本支出"):
				set(&sm.Expenditure.Basic, a)
			case hasAny(lb, "项目支出"):
				set(&sm.Expenditure.Project, a)
			case hasAny(lb, "预留", "机动经费", "预备费"):
				set(&sm.Expenditure.Reserve, a)
			case hasAny(lb, "上缴上级", "经营支出", "对附属单位补助"):
				addAmount(&sm.Expenditure.Other, a)
			case hasAny(lb, "人员", "公用", "结转", "对个人和家庭"):
			case functionalClass(lb):
				// "教育支出33,862.49万元" listed after the total: one 类, not the total.
			default:
				st.setTotal(&sm.Expenditure.Total, a, lb)
			}
		case hasAny(lb, "收入", "来源", "拨款", "结转"):
			switch {
			case hasAny(lb, "上年结转", "年初结转", "结转"):
				set(&sm.Revenue.CarriedOver, a)
			case hasAny(lb, "一般公共预算", "公共预算", "公共财政"):
				set(&sm.Revenue.GeneralPublicBudget, a)
			case hasAny(lb, "政府性基金", "基金"):
				set(&sm.Revenue.GovernmentFundBudget, a)
			case hasAny(lb, "国有资本"):
				set(&sm.Revenue.StateCapitalBudget, a)
			case hasAny(lb, "财政专户"):
				set(&sm.Revenue.SpecialAccount, a)
			case hasAny(lb, "事业收入", "经营收入", "事业单位经营"):
				set(&sm.Revenue.Business, a)
			case hasAny(lb, "其他", "单位资金"):
				set(&sm.Revenue.Other, a)
			case hasAny(lb, "非财政拨款", "结余"):
				// 使用非财政拨款结余: a balance drawn on, not this year's revenue
				// and not 财政拨款 (the label contains it); no field.
			case hasAny(lb, "财政拨款"):
				set(&sm.Revenue.FiscalAppropriation, a)
			case hasAny(lb, "上级补助", "附属单位上缴", "附属单位缴款"):
				// sources the summary has no field for; never the total
			default:
				st.setTotal(&sm.Revenue.Total, a, lb)
			}
		}
	}
	if inChange {
		for _, c := range splitSentences(b.Text) {
			for _, part := range strings.FieldsFunc(c, func(r rune) bool { return r == '，' || r == ',' }) {
				if reasonStart.MatchString(strings.TrimSpace(part)) {
					addReason(d, strings.TrimSpace(part))
				}
			}
		}
	}
}

// sentenceTopic is the lead-in of a sentence that names its topic before a
// colon ("（二）支出预算：2026年年初预算数…" → "支出预算"), when it is about
// revenue or expenditure as a whole.
func sentenceTopic(sentence string) string {
	t := sentence
	if num, ok := numbering.Parse(t); ok {
		t = num.Rest
	}
	i := strings.IndexAny(t, "：:")
	if i <= 0 || utf8.RuneCountInString(t[:i]) > 10 {
		return ""
	}
	lead := t[:i]
	if hasAny(lead, "收入", "支出", "收支") && !hasAny(lead, "其中", "财政拨款", "一般公共预算", "基金") {
		return lead
	}
	return ""
}

// functionalClass: a label that is only a functional 类 name ("教育支出",
// "社会保障和就业支出", "一般公共服务支出"), with no word of a total.
func functionalClass(lb string) bool {
	lb = strings.TrimSpace(lb)
	if hasAny(lb, "预算", "决算", "合计", "总", "本年", "全年", "年度", "部门", "单位", "共", "安排", "为") {
		return false
	}
	return strings.HasSuffix(lb, "支出") && utf8.RuneCountInString(lb) > 2 && !hasAny(lb, "基本", "项目")
}

// otherYear reports a label naming a year that is not the document's.
func otherYear(label string, fiscal int) bool {
	if fiscal == 0 {
		return false
	}
	for _, m := range yearRe.FindAllStringSubmatch(label, -1) {
		if y := yearOf(m[0]); y != 0 && y != fiscal {
			return true
		}
	}
	return false
}

// addAmount accumulates several printed figures into one, keeping the
// first one's provenance and all of their texts.
func addAmount(dst **schema.Amount, a *schema.Amount) {
	if *dst == nil {
		c := *a
		*dst = &c
		return
	}
	(*dst).Yuan = (*dst).Yuan.Add(a.Yuan)
	(*dst).Value = (*dst).Value.Add(a.Value)
	(*dst).Text += " + " + a.Text
}

func (n *Normalizer) reasons(d *schema.Document, l labelled) {
	for _, part := range strings.FieldsFunc(l.after, func(r rune) bool { return r == '，' || r == ',' }) {
		if r := strings.TrimSpace(part); reasonStart.MatchString(r) {
			addReason(d, r)
			return
		}
	}
}

func addReason(d *schema.Document, r string) {
	for _, x := range d.Summary.Change.Reasons {
		if x == r {
			return
		}
	}
	d.Summary.Change.Reasons = append(d.Summary.Change.Reasons, r)
}

// threePublicItem is schema.ThreePublicItem for a narrative label, except
// that a figure for 三公 together with 会议费 and 培训费 ("三公经费及会议费、
// 培训费共…") is none of the fields (行政经费 names none either).
func threePublicItem(lb string) schema.ColumnKey {
	if hasAny(lb, "三公") && hasAny(lb, "会议", "培训") {
		return ""
	}
	return schema.ThreePublicItem(lb)
}

func threePublicField(tp *schema.ThreePublic, item schema.ColumnKey) **schema.Amount {
	switch item {
	case schema.ColVehicles:
		return &tp.Vehicles
	case schema.ColVehiclePurchase:
		return &tp.VehiclePurchase
	case schema.ColVehicleOperation:
		return &tp.VehicleOperation
	case schema.ColOverseasTravel:
		return &tp.OverseasTravel
	case schema.ColReception:
		return &tp.Reception
	case schema.ColMeeting:
		return &tp.Meeting
	case schema.ColTraining:
		return &tp.Training
	case schema.ColTotal:
		return &tp.Total
	}
	return nil
}

// threePublicFigures reads the 三公 paragraph. A label that names no item
// ("支出决算为0.00万元") speaks of the item named last in its sentence, else
// of the paragraph's lead-in ("（一）因公出国（境）费用。2026年预算数…"), else
// of the sub-heading the paragraph sits under ("（二）公务接待费" / "2026年预算
// 安排…"). In a final account, figures labelled 预算 (年初预算为…) are the
// budget printed beside the actual ones and go to three_public_budget.
func (n *Normalizer) threePublicFigures(d *schema.Document, b *extract.Block, heading string) {
	if isDefinition(b.Text) {
		return
	}
	tp := &d.ThreePublic
	if tp.Explanation == "" {
		tp.Explanation = b.Text
	} else if !strings.Contains(tp.Explanation, b.Text) {
		tp.Explanation += "\n" + b.Text
	}
	final := d.Meta.Kind == schema.KindFinalAccount
	// The item the paragraph as a whole is about, for labels that name none;
	// a heading about all of 三公 gives no part.
	context := threePublicItem(compact(Clean(leadPhrase(b.Text))))
	if context == "" || context == schema.ColTotal {
		if h := threePublicItem(compact(Clean(heading))); h != schema.ColTotal {
			context = h
		}
	}
	var lastItem schema.ColumnKey
	lastSentence := ""
	for _, l := range labelledAmounts(b) {
		a := amountOf(l.money, b)
		lb := compact(Clean(l.label))
		if isChange, sign := changeSign(lb); isChange && (hasAny(lb, "上年", "比", "较", "同比") || hasAny(l.sentence, "上年", "相比", "较", "比", "同比")) {
			item := threePublicItem(lb)
			if item == "" && l.sentence != "" && strings.HasPrefix(l.sentence, lastSentence) {
				item = lastItem // "因公出国（境）费…80万元，比上年预算减少20万元"
			}
			if (item == "" || item == schema.ColTotal) && context == "" && !combinedThreePublic(l.sentence) {
				set(&tp.Change, signed(a, sign))
			}
			continue
		}
		item := threePublicItem(lb)
		if item == "" && l.sentence != "" && strings.HasPrefix(l.sentence, lastSentence) {
			item = lastItem
		}
		if item == "" && !hasAny(lb, "会议", "培训") && !combinedThreePublic(l.sentence) {
			item = context
		}
		if item == "" {
			continue
		}
		lastItem, lastSentence = item, l.sentence
		if item == schema.ColOperatingExpenses {
			// "三公经费和机关运行经费" sections state both.
			set(&d.OperatingExpenses, a)
			continue
		}
		target := tp
		if final && hasAny(lb, "预算") && !hasAny(lb, "决算") {
			if d.ThreePublicBudget == nil {
				d.ThreePublicBudget = &schema.ThreePublic{}
			}
			target = d.ThreePublicBudget
		}
		set(threePublicField(target, item), a)
	}
	if tp.Change == nil && unchanged.MatchString(b.Text) && tp.Total != nil && context == "" {
		loc := unchanged.FindStringIndex(b.Text)
		tp.Change = zeroAmount(tp.Total.Unit, b.Text[loc[0]:loc[1]], b)
	}
	absentParts(tp, d.Meta.Unit, b)
	if tp.Total == nil {
		text := Clean(b.Text)
		for _, loc := range noThreePublic.FindAllStringIndex(text, -1) {
			rest := text[loc[1]:]
			if i := strings.IndexAny(rest, "，,。；;"); i >= 0 {
				rest = rest[:i]
			}
			if hasAny(rest, "的部门", "的单位") {
				continue // "无“三公”经费财政拨款支出的部门，作下述说明": an instruction
			}
			zeroThreePublic(tp, d.Meta.Unit, text[loc[0]:loc[1]], b.At)
			break
		}
	}
}

// absentParts sets to 0 each 三公 part a clause says is not budgeted
// ("因公出国（境）经费未安排", "无公务用车购置费"), where it says so; a clause
// about change ("无变化") or one that prints a figure is not such a clause.
func absentParts(tp *schema.ThreePublic, unit string, b *extract.Block) {
	for _, clause := range strings.FieldsFunc(Clean(b.Text), func(r rune) bool { return strings.ContainsRune("，,；;。", r) }) {
		c := compact(clause)
		if !hasAny(c, "未安排", "无", "没有", "不安排") || hasAny(c, "变化", "增减", "结转", "三公") || len(FindAmounts(c)) > 0 {
			continue
		}
		switch item := threePublicItem(c); item {
		case schema.ColOverseasTravel, schema.ColVehiclePurchase, schema.ColReception, schema.ColVehicles, schema.ColVehicleOperation:
			if unit == "" {
				unit = "万元"
			}
			set(threePublicField(tp, item), &schema.Amount{Unit: unit, Text: clause, At: b.At})
		}
	}
}

// noThreePublic is a sentence saying the department has no 三公 spending at
// all ("本部门无“三公”经费", "没有安排'三公'经费支出"); one about a carried-over
// or earlier year's 三公 ("无2021年结转的“三公”经费") is not.
var noThreePublic = regexp.MustCompile(`(?:无|没有|未安排|不安排|未发生)[^，,。；;结年]{0,10}[“”‘’"'「」]?三公[“”‘’"'「」]?经费`)

// combinedThreePublic: the sentence is about 三公 together with 会议费 and
// 培训费, so an unlabelled figure in it is their sum, not a 三公 field.
func combinedThreePublic(sentence string) bool {
	return hasAny(sentence, "三公") && hasAny(sentence, "会议", "培训") && !hasAny(sentence, "其中")
}

// leadPhrase is a paragraph's numbered lead-in ("（一）因公出国（境）费用。…"
// → "因公出国（境）费用"), or "".
func leadPhrase(text string) string {
	num, ok := numbering.Parse(text)
	if !ok {
		return ""
	}
	rest := num.Rest
	i := strings.IndexAny(rest, "。：:")
	if i <= 0 || utf8.RuneCountInString(rest[:i]) > 16 {
		return ""
	}
	return rest[:i]
}

// zeroThreePublic sets the 三公 total and every part the document says is
// absent to 0, where it said so.
func zeroThreePublic(tp *schema.ThreePublic, unit, text string, at schema.At) {
	if unit == "" {
		unit = "万元"
	}
	for _, f := range []**schema.Amount{&tp.Total, &tp.OverseasTravel, &tp.Vehicles, &tp.VehiclePurchase, &tp.VehicleOperation, &tp.Reception} {
		set(f, &schema.Amount{Unit: unit, Text: text, At: at})
	}
}

// deriveThreePublicTotal: a 三公 total the document does not print is the
// sum of its three printed parts (用车 from 购置 + 运行 where only those are
// printed), marked derived and placed at its first part. With a part
// missing nothing is derived.
func deriveThreePublicTotal(tp *schema.ThreePublic) {
	if tp == nil || tp.Total != nil {
		return
	}
	vehicles, vname := tp.Vehicles, "vehicles"
	if vehicles == nil && tp.VehiclePurchase != nil && tp.VehicleOperation != nil {
		vehicles = &schema.Amount{Yuan: tp.VehiclePurchase.Yuan.Add(tp.VehicleOperation.Yuan),
			Value: tp.VehiclePurchase.Value.Add(tp.VehicleOperation.Value), Unit: tp.VehiclePurchase.Unit, At: tp.VehiclePurchase.At,
			Text: tp.VehiclePurchase.Text + " + " + tp.VehicleOperation.Text}
		vname = "vehicle_purchase, vehicle_operation"
	}
	parts := []*schema.Amount{tp.OverseasTravel, vehicles, tp.Reception}
	for _, p := range parts {
		if p == nil {
			return
		}
	}
	total := &schema.Amount{Unit: parts[0].Unit, At: parts[0].At,
		Derived: "sum of overseas_travel, " + vname + ", reception"}
	sameUnit := true
	texts := make([]string, 0, len(parts))
	for _, p := range parts {
		texts = append(texts, p.Text)
		total.Yuan = total.Yuan.Add(p.Yuan)
		total.Value = total.Value.Add(p.Value)
		sameUnit = sameUnit && p.Unit == total.Unit
	}
	if !sameUnit {
		total.Value, total.Unit = total.Yuan, "元"
	}
	total.Text = strings.Join(texts, " + ")
	tp.Total = total
}

func (n *Normalizer) operatingFigures(d *schema.Document, b *extract.Block) {
	for _, l := range labelledAmounts(b) {
		lb := compact(Clean(l.label))
		if hasAny(lb, "机关运行", "运行经费", "运行费") && !hasAny(lb, "增加", "减少", "上年") {
			if d.OperatingExpenses == nil {
				d.OperatingExpenses = amountOf(l.money, b)
				d.OperatingExplain = b.Text
			}
		}
	}
}

func (n *Normalizer) procurementFigures(d *schema.Document, b *extract.Block) {
	p := &d.Procurement
	for _, l := range labelledAmounts(b) {
		a := amountOf(l.money, b)
		lb := Clean(l.label)
		switch {
		case hasAny(lb, "货物"):
			set(&p.Goods, a)
		case hasAny(lb, "工程"):
			set(&p.Works, a)
		case hasAny(lb, "购买服务"):
			// 政府购买服务 is its own programme, not the 服务类 of procurement.
		case hasAny(lb, "服务"):
			set(&p.Services, a)
		case hasAny(lb, "采购"):
			set(&p.Total, a)
		}
	}
	if p.Total == nil {
		if loc := noneProcure.FindStringIndex(b.Text); loc != nil {
			p.Total = zeroAmount(d.Meta.Unit, b.Text[loc[0]:loc[1]], b)
		}
	}
}

var (
	vehicleCount   = regexp.MustCompile(`(?:共有|拥有|现有|共)车辆\s*(\d+)\s*辆`)
	equipmentCount = regexp.MustCompile(`(单价\s*\d+(?:\.\d+)?\s*万元\s*(?:[（(]含[）)])?\s*以上的?(?:通用|专用)?设备)(?:[（(][^）)]{0,8}[）)])?\s*(\d+)\s*(台[（(]套[）)]|台|套)`)
)

// assetCounts reads the vehicles and costly equipment the narrative counts
// ("共有车辆3辆", "单价100万元（含）以上设备（不含车辆）0台（套）") when no
// assets table lists them.
func assetCounts(d *schema.Document, b *extract.Block) {
	for _, it := range d.Assets.Items {
		if it.Name == "车辆" {
			return
		}
	}
	text := Clean(b.Text)
	add := func(name, qty, unit string, byteOff int) {
		q, err := decimal.Parse(qty)
		if err != nil {
			return
		}
		d.Assets.Items = append(d.Assets.Items, schema.AssetItem{
			Name: name, Quantity: &q, QuantityUnit: unit,
			At: b.AtOffset(utf8.RuneCountInString(text[:byteOff])),
		})
	}
	if m := vehicleCount.FindStringSubmatchIndex(text); m != nil {
		add("车辆", text[m[2]:m[3]], "辆", m[0])
	}
	if m := equipmentCount.FindStringSubmatchIndex(text); m != nil {
		add(compact(text[m[2]:m[3]]), text[m[4]:m[5]], text[m[6]:m[7]], m[0])
	}
}

func (n *Normalizer) assetFigures(d *schema.Document, b *extract.Block) {
	assetCounts(d, b)
	if m := dateRe.FindStringSubmatch(Clean(b.Text)); m != nil && d.Assets.AsOf == "" && hasAny(b.Text, "截至", "截止", "年末", "底") {
		d.Assets.AsOf = isoDate(m)
	}
	for _, l := range labelledAmounts(b) {
		lb := Clean(l.label)
		if hasAny(lb, "资产") && d.Assets.NarrativeTotal == nil {
			d.Assets.NarrativeTotal = amountOf(l.money, b)
		}
	}
}
