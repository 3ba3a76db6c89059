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
				n.threePublicFigures(d, b)
			case has(schema.SecOperatingExpenses):
				n.operatingFigures(d, b)
			case has(schema.SecProcurement):
				n.procurementFigures(d, b)
			case has(schema.SecAssets):
				n.assetFigures(d, b)
			case has(schema.SecRevenue) || has(schema.SecExpenditure) || has(schema.SecChange) || has(schema.SecOverview):
				n.summaryFigures(d, b, has(schema.SecChange) && !has(schema.SecRevenue), st)
			}
		}
	}
}

// leadTopic classifies a paragraph's numbered lead-in phrase, if it has one.
func (n *Normalizer) leadTopic(text string) []string {
	num, ok := numbering.Parse(text)
	if !ok {
		return nil
	}
	rest := num.Rest
	i := strings.IndexAny(rest, "。：:")
	if i <= 0 || utf8.RuneCountInString(rest[:i]) > 16 {
		return nil
	}
	return n.lex.Classify(rest[:i])
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
}

// setTotal sets a revenue or expenditure total, preferring 本年…合计 over 总计.
func (st *figState) setTotal(dst **schema.Amount, a *schema.Amount, label string) {
	weak := hasAny(label, "总计") && !hasAny(label, "合计")
	if *dst == nil || st.weak[dst] && hasAny(label, "合计", "本年") {
		*dst = a
		st.weak[dst] = weak
	}
}

func (n *Normalizer) summaryFigures(d *schema.Document, b *extract.Block, inChange bool, st *figState) {
	sm := &d.Summary
	for _, l := range labelledAmounts(b) {
		a := amountOf(l.money, b)
		lb := Clean(l.label)
		if isChange, _ := changeSign(lb); !isChange && otherYear(lb, d.Meta.FiscalYear) {
			continue // "2016年度部门支出预算安排为…": last year's figure ("较2019年增加" is a change)
		}
		if classLine.MatchString(lb) {
			continue // "一般公共服务（类）支出…": a line item, not a headline figure
		}
		// "财政拨款基本支出" and "一般公共预算…项目支出" are the part paid from
		// one source, not the department's split.
		scoped := hasAny(lb, "财政拨款", "一般公共预算", "基金", "国有资本", "财政专户")
		if isChange, sign := changeSign(lb); isChange {
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
		case hasAny(lb, "年末结转", "结转下年", "结转到下年"):
			set(&sm.Expenditure.CarriedForward, a)
		case hasAny(lb, "收支") || hasAny(lb, "收入") && hasAny(lb, "支出") && !scoped:
			st.setTotal(&sm.Revenue.Total, a, lb)
			st.setTotal(&sm.Expenditure.Total, amountOf(l.money, b), lb)
		case hasAny(lb, "支出", "机动经费"):
			switch {
			case scoped:
			case hasAny(lb, "基本支出"):
				set(&sm.Expenditure.Basic, a)
			case hasAny(lb, "项目支出"):
				set(&sm.Expenditure.Project, a)
			case hasAny(lb, "预留", "机动经费", "预备费"):
				set(&sm.Expenditure.Reserve, a)
			case hasAny(lb, "上缴上级", "经营支出", "对附属单位补助"):
				addAmount(&sm.Expenditure.Other, a)
			case hasAny(lb, "人员", "公用", "结转", "对个人和家庭"):
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
			case hasAny(lb, "财政拨款"):
				set(&sm.Revenue.FiscalAppropriation, a)
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
// ("支出决算为0.00万元") speaks of the item named last in its sentence. In a
// final account, figures labelled 预算 (年初预算为…) are the budget printed
// beside the actual ones and go to three_public_budget.
func (n *Normalizer) threePublicFigures(d *schema.Document, b *extract.Block) {
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
	var lastItem schema.ColumnKey
	lastSentence := ""
	for _, l := range labelledAmounts(b) {
		a := amountOf(l.money, b)
		lb := compact(Clean(l.label))
		if isChange, sign := changeSign(lb); isChange && (hasAny(lb, "上年", "比", "较", "同比") || hasAny(l.sentence, "上年", "相比", "较", "比", "同比")) {
			item := schema.ThreePublicItem(lb)
			if item == "" && l.sentence != "" && strings.HasPrefix(l.sentence, lastSentence) {
				item = lastItem // "因公出国（境）费…80万元，比上年预算减少20万元"
			}
			if item == "" || item == schema.ColTotal {
				set(&tp.Change, signed(a, sign))
			}
			continue
		}
		item := schema.ThreePublicItem(lb)
		if item == "" && l.sentence != "" && strings.HasPrefix(l.sentence, lastSentence) {
			item = lastItem
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
	if tp.Change == nil && unchanged.MatchString(b.Text) && tp.Total != nil {
		loc := unchanged.FindStringIndex(b.Text)
		tp.Change = zeroAmount(tp.Total.Unit, b.Text[loc[0]:loc[1]], b)
	}
}

func (n *Normalizer) operatingFigures(d *schema.Document, b *extract.Block) {
	for _, l := range labelledAmounts(b) {
		lb := Clean(l.label)
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
