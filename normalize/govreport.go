package normalize

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

// A government's budget or final-account report to the people's congress
// (预算执行情况和预算草案的报告, 决算报告) is not a department's disclosure:
// it is read for its meta and sections only. It is known by its class of
// cover: a title "关于…年…预算执行情况和…年预算草案的报告" (or "…决算的报告"),
// addressed to the congress or its standing committee ("各位代表：",
// "…人大常委会：", "受市人民政府委托"). Department disclosures mention 人大 and
// 政府 too, but never carry such a title above such an address.

// govReport is what such a report's cover says.
type govReport struct {
	title  string // "关于合肥市2022年预算执行情况和2023年预算草案的报告"
	issuer string // as printed, completed with its place: "合肥市财政局", "南宁市人民政府"
}

var (
	// govSubject is what a report's title is about.
	govSubject = regexp.MustCompile(`预算执行|预算草案|预算[（(]草案[）)]|决算`)
	// congressAddress opens a report to the congress or its standing committee.
	congressAddress = regexp.MustCompile(`各位代表|各位委员|人大常委会|人民代表大会常务委员会|受\p{Han}{0,4}(?:人民政府|政府)\p{Han}{0,2}委托`)
	// governmentLine is the government printed above the title: "南宁市人民政府".
	governmentLine = regexp.MustCompile(`^\p{Han}{0,12}?(?:人民政府|政府)$`)
	// presenterLine is the finance department presenting it: "合肥市财政局",
	// "市财政局局长郑晓静".
	presenterLine = regexp.MustCompile(`^(\p{Han}{0,8}?[市省区县]?财政(?:局|厅))(?:副?(?:局长|厅长)\p{Han}{0,4})?$`)
	// reportPlace is the place a report is about or was given in:
	// "关于合肥市2022年…", "在南宁市第十五届…", "合肥市人民代表大会常务委员会：".
	reportPlace = regexp.MustCompile(`(?:关于|在|^)(\p{Han}{1,6}?[市省区县])(?:与|第|本级|市级|全市|人民|人大|财政|\d)`)
	reportTail  = regexp.MustCompile(`报告(?:[（(]书面[）)])?`)
)

// governmentReport recognises a report to the people's congress from its
// first blocks.
func governmentReport(x *extract.Document) (govReport, bool) {
	var lines []string
	for _, b := range x.Blocks {
		if len(lines) >= 16 {
			break
		}
		if b.Kind != extract.KindHeading && b.Kind != extract.KindParagraph || b.TOC {
			continue
		}
		if t := compact(Clean(b.Text)); t != "" {
			lines = append(lines, t)
		}
	}
	start := -1
	for i, l := range lines {
		if i >= 8 {
			break
		}
		if strings.Contains(l, "关于") {
			start = i
			break
		}
	}
	if start < 0 {
		return govReport{}, false
	}
	var r govReport
	first := lines[start]
	at := strings.Index(first, "关于")
	printed := ""
	if prefix := first[:at]; endsWithOrg(prefix) {
		printed = prefix
	} else {
		first = first[at:]
	}
	title, end := first, start
	for end < len(lines)-1 && end-start < 3 && !strings.Contains(title, "报告") {
		end++
		title += lines[end]
	}
	loc := reportTail.FindStringIndex(title)
	if loc == nil || utf8.RuneCountInString(title[:loc[1]]) > 80 {
		return govReport{}, false
	}
	r.title = title[:loc[1]]
	if !govSubject.MatchString(r.title) || strings.Contains(r.title, "部门") || strings.Contains(r.title, "单位") {
		return govReport{}, false
	}
	addressed := false
	for _, l := range lines[end+1:] {
		if congressAddress.MatchString(l) {
			addressed = true
			break
		}
	}
	if !addressed {
		return govReport{}, false
	}
	if printed == "" && start > 0 && governmentLine.MatchString(lines[start-1]) {
		printed = lines[start-1]
	}
	if printed == "" {
		printed = presenter(lines[end+1:])
	}
	place := ""
	for _, l := range append([]string{r.title}, lines[end+1:]...) {
		if m := reportPlace.FindStringSubmatch(l); m != nil {
			place = m[1]
			break
		}
	}
	r.issuer = withPlace(printed, place)
	return r, true
}

// presenter is the finance department printed under the title, before the
// address: on its own line, after the date line it was run into ("…会议上
// 市财政局"), or with its head's name ("市财政局局长郑晓静").
func presenter(lines []string) string {
	for _, l := range lines {
		if congressAddress.MatchString(l) && strings.HasSuffix(l, "：") || strings.HasSuffix(l, ":") {
			break
		}
		if i := strings.LastIndex(l, "会议上"); i >= 0 {
			l = l[i+len("会议上"):]
		}
		if m := presenterLine.FindStringSubmatch(l); m != nil {
			return m[1]
		}
	}
	return ""
}

// withPlace completes a name printed without its place ("市财政局",
// "市人民政府") with the place the report names; a report that prints no
// issuer is its government's.
func withPlace(name, place string) string {
	if place == "" {
		return name
	}
	if name == "" {
		return place + "人民政府"
	}
	last, _ := utf8.DecodeLastRuneInString(place)
	if first, _ := utf8.DecodeRuneInString(name); first == last && !strings.HasPrefix(name, place) {
		return place + name[utf8.RuneLen(first):]
	}
	return name
}

// fillGovernmentMeta fills meta for a report to the people's congress.
func fillGovernmentMeta(m *schema.Meta, r govReport, head string) {
	m.Title = r.title
	m.Scope = schema.ScopeGovernment
	m.Kind = schema.KindBudget
	if strings.Contains(r.title, "决算") {
		m.Kind = schema.KindFinalAccount
	}
	m.FiscalYear = titleYear(r.title, m.Kind)
	m.Issuer.Name = r.issuer
	m.Issuer.OtherNames = []string{}
	m.Region = regionOf(r.issuer, head)
	m.Unit = unitOf(head)
}

// keepGovernmentMeta empties what a report to the people's congress has
// no place for: a department's figures (its city-wide aggregates are not
// one department's revenue or 三公), the kinds and line items of its
// appended tables, and findings about them.
func keepGovernmentMeta(d *schema.Document) {
	if d.Meta.Scope != schema.ScopeGovernment {
		return
	}
	d.Responsibilities = []string{}
	d.Summary = schema.Summary{Change: schema.Change{Reasons: []string{}}}
	d.OperatingExpenses, d.OperatingExplain = nil, ""
	d.ThreePublic, d.ThreePublicBudget = schema.ThreePublic{}, nil
	d.Performance = schema.Performance{Goals: []schema.Goal{}, Programs: []schema.Program{}, IndicatorTables: []schema.IndicatorTable{}}
	d.Procurement = schema.Procurement{Items: []schema.ProcurementItem{}}
	d.Assets = schema.Assets{Items: []schema.AssetItem{}}
	d.NarrativeItems = nil
	for i := range d.Tables {
		d.Tables[i].Kind = schema.KindOther
		d.Tables[i].LineItems = []schema.LineItem{}
	}
	d.Findings = []schema.Finding{}
}
