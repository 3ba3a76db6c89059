package normalize

import (
	"math"
	"sort"
	"strings"

	"github.com/yusuan/yusuan/schema"
)

// headingVariants lists published spellings of each section heading
// (../shared/design/domain.md §5, plus spellings seen in the corpus). They
// are not matched literally: each is segmented into words at start-up, and
// a heading is scored by the words it shares with each key's variants,
// weighted by how specific a word is to one key. So an unseen spelling
// ("关于机关运行经费支出的说明") lands on the key whose words it uses.
// "overall" expands to revenue, expenditure and change.
var headingVariants = []struct {
	key      string
	variants []string
}{
	{schema.SecResponsibilities, []string{"部门职责", "主要职责", "部门主要职责", "单位职责", "职能职责", "主要职能", "部门概况", "单位概况", "基本职能", "工作职责", "单位基本情况"}},
	{schema.SecOrganization, []string{"机构设置", "内设机构", "部门机构设置", "部门单位构成", "部门预算单位构成", "部门决算单位构成", "单位构成", "机构情况", "人员构成", "部门概况", "单位概况", "预算单位范围"}},
	{"overall", []string{"部门预算安排的总体情况", "收支预算总体情况", "收入支出决算总体情况说明", "财政拨款收支总体情况", "部门收支总体情况", "预算收支安排", "总体情况", "收支总体情况", "财政拨款支出预算情况", "一般公共预算支出情况"}},
	{schema.SecRevenue, []string{"收入说明", "收入预算情况", "收入总体情况", "收入决算情况", "部门收入情况", "收入预算", "预算收入"}},
	{schema.SecExpenditure, []string{"支出说明", "支出预算情况", "支出总体情况", "支出决算情况", "基本支出情况说明", "项目支出情况", "一般公共预算支出情况", "支出预算", "预算支出"}},
	{schema.SecChange, []string{"比上年增减情况", "增减变化情况", "与上年相比增减变化", "增减情况", "变化原因"}},
	{schema.SecOperatingExpenses, []string{"机关运行经费安排情况", "机关运行经费支出情况说明", "关于机关运行经费支出说明", "机关运行经费", "运行经费情况"}},
	{schema.SecThreePublic, []string{"财政拨款三公经费预算情况及增减变化原因", "一般公共预算三公经费支出情况", "三公经费培训费及会议费支出情况说明", "三公经费", "三公经费支出情况", "三公经费预算"}},
	{schema.SecPerformance, []string{"绩效预算信息", "绩效目标设置情况", "预算绩效管理情况说明", "预算绩效情况说明", "部门整体绩效目标", "重点项目绩效目标", "整体支出绩效自评", "绩效目标", "绩效评价", "项目绩效", "绩效指标"}},
	{schema.SecProcurement, []string{"政府采购预算情况", "政府采购情况说明", "政府采购支出情况说明", "政府采购", "采购预算"}},
	{schema.SecAssets, []string{"国有资产信息", "国有资产占用情况", "国有资产占用情况说明", "国有资产", "固定资产", "资产占用"}},
	{schema.SecGlossary, []string{"名词解释", "专业名词解释", "名词说明", "术语解释"}},
	{schema.SecOther, []string{"其他需要说明的事项", "其他重要事项的情况说明", "其他说明", "其他事项", "其他情况说明"}},
	{schema.SecTables, []string{"部门预算公开表", "预算公开表", "决算公开表", "附表", "公开表格", "附件"}},
}

// stopWords carry no topic: they appear in headings of every section.
var stopWords = map[string]bool{
	"情况": true, "说明": true, "部门": true, "预算": true, "决算": true, "的": true, "及": true,
	"和": true, "与": true, "关于": true, "年": true, "年度": true, "本": true, "单位": true, "、": true,
	"“": true, "”": true, "\"": true, "（": true, "）": true, "(": true, ")": true, ":": true, "：": true,
	"安排": true, "信息": true, "工作": true, "管理": true, "建设": true, "措施": true, "公开": true, "有关": true, "主要": true, "相关": true, "其": true, " ": true,
}

// specificKeys name one topic each; when one of them matches a heading,
// the broad overall keys do not ("三公经费…增减变化原因" is about 三公, not change).
var specificKeys = map[string]bool{
	schema.SecOperatingExpenses: true, schema.SecThreePublic: true, schema.SecPerformance: true,
	schema.SecProcurement: true, schema.SecAssets: true, schema.SecGlossary: true, schema.SecOther: true,
	schema.SecProjects: true, schema.SecTasks: true,
}

// Lexicon classifies headings onto section keys.
type Lexicon struct {
	seg    Segmenter
	weight map[string]map[string]float64 // key → word → weight
}

// NewLexicon segments the heading variants once.
func NewLexicon(seg Segmenter) *Lexicon {
	vocab := map[string]map[string]bool{}
	for _, hv := range headingVariants {
		if vocab[hv.key] == nil {
			vocab[hv.key] = map[string]bool{}
		}
		for _, v := range hv.variants {
			for _, w := range seg.Cut(v) {
				if !stopWords[w] {
					vocab[hv.key][w] = true
				}
			}
		}
	}
	df := map[string]int{}
	for _, ws := range vocab {
		for w := range ws {
			df[w]++
		}
	}
	n := float64(len(vocab))
	l := &Lexicon{seg: seg, weight: map[string]map[string]float64{}}
	for k, ws := range vocab {
		l.weight[k] = map[string]float64{}
		for w := range ws {
			// Rarer across keys is more telling; longer words are more specific.
			l.weight[k][w] = math.Log(1+n/float64(df[w])) * (1 + 0.25*float64(len([]rune(w))-1))
		}
	}
	return l
}

// anchors are the words that name a topic outright. A heading holding one
// is classified by its anchors, ordered by where they appear; only headings
// with none fall back to the segmented-word score.
var anchors = []struct {
	key   string
	words []string
}{
	{schema.SecResponsibilities, []string{"职责", "职能", "概况", "基本情况"}},
	{schema.SecTasks, []string{"工作任务", "主要任务", "任务及目标", "工作目标", "工作计划", "工作要点"}},
	{schema.SecOrganization, []string{"机构", "单位构成", "人员构成", "概况"}},
	{"overall", []string{"总体情况", "总体", "收支预算", "收支决算", "收支安排", "收支总", "收支情况", "预算收支", "决算收支"}},
	// Generic titles ("部门预算情况说明") are the overview only when nothing
	// more specific is named ("支出预算情况说明" is expenditure).
	{"overall?", []string{"编制说明", "预算情况说明", "决算情况说明", "预算安排情况"}},
	{schema.SecRevenue, []string{"收入"}},
	{schema.SecExpenditure, []string{"支出"}},
	{schema.SecChange, []string{"增减", "变化", "比上年", "较上年"}},
	{schema.SecOperatingExpenses, []string{"机关运行", "运行经费"}},
	{schema.SecThreePublic, []string{"三公"}},
	{schema.SecPerformance, []string{"绩效"}},
	{schema.SecProcurement, []string{"政府采购", "采购"}},
	{schema.SecAssets, []string{"资产"}},
	{schema.SecGlossary, []string{"名词", "术语"}},
	{schema.SecOther, []string{"其他需要", "其他重要", "其他事项", "其他说明", "其他情况", "其他相关"}},
	{schema.SecProjects, []string{"项目经费情况", "项目情况说明", "项目经费说明", "项目支出情况说明"}},
	{schema.SecTables, []string{"公开表", "附表", "报表"}},
}

// minScore is the least word score that counts as a match.
const minScore = 2.5

// Classify returns the section keys of a heading, most telling first; nil
// when no key matches.
func (l *Lexicon) Classify(heading string) []string {
	keys, _ := l.classify(heading)
	return keys
}

// classify also reports whether the keys came from an anchor word (strong)
// or only from the word score (weak).
func (l *Lexicon) classify(heading string) ([]string, bool) {
	t := compact(Clean(heading))
	t = strings.NewReplacer("“", "", "”", "", "\"", "", "「", "", "」", "", "‘", "", "’", "").Replace(t)
	if t == "" {
		return nil, false
	}
	if keys := classifyByAnchors(t); len(keys) > 0 {
		return keys, true
	}
	return l.classifyByWords(t), false
}

func classifyByAnchors(t string) []string {
	type hit struct {
		key string
		pos int
	}
	var hits []hit
	specific := false
	for _, a := range anchors {
		pos := -1
		for _, w := range a.words {
			if i := strings.Index(t, w); i >= 0 && (pos < 0 || i < pos) {
				pos = i
			}
		}
		if pos >= 0 {
			hits = append(hits, hit{a.key, pos})
			specific = specific || specificKeys[a.key]
		}
	}
	if len(hits) > 1 {
		kept := hits[:0]
		for _, h := range hits {
			if h.key != "overall?" {
				kept = append(kept, h)
			}
		}
		hits = kept
	}
	for i := range hits {
		if hits[i].key == "overall?" {
			hits[i].key = "overall"
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].pos < hits[j].pos })
	var keys []string
	for _, h := range hits {
		if specific && !specificKeys[h.key] {
			continue
		}
		keys = appendKey(keys, h.key)
	}
	return keys
}

func appendKey(keys []string, k string) []string {
	if k == "overall" {
		for _, x := range []string{schema.SecRevenue, schema.SecExpenditure, schema.SecChange} {
			keys = appendKey(keys, x)
		}
		return keys
	}
	for _, x := range keys {
		if x == k {
			return keys
		}
	}
	return append(keys, k)
}

func (l *Lexicon) classifyByWords(t string) []string {
	words := l.seg.Cut(t)
	seen := map[string]bool{}
	scores := map[string]float64{}
	for _, w := range words {
		if stopWords[w] || seen[w] {
			continue
		}
		seen[w] = true
		for k, ws := range l.weight {
			scores[k] += ws[w]
		}
	}
	best, bestKey := 0.0, ""
	for k, s := range scores {
		if s > best || s == best && k < bestKey {
			best, bestKey = s, k
		}
	}
	if best < minScore {
		return nil
	}
	return appendKey(nil, bestKey)
}
