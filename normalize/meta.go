package normalize

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
	"github.com/yusuan/yusuan/internal/units"
	"github.com/yusuan/yusuan/schema"
)

// provinces are the province-level divisions, for reading regions.
var provinces = []string{
	"北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省",
	"浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省",
	"四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区",
	"西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区",
}

var municipalities = map[string]bool{"北京市": true, "天津市": true, "上海市": true, "重庆市": true}

// orgSuffixes end the names of departments and units.
var orgSuffixes = []string{"委员会", "办公厅", "办公室", "办事处", "检察院", "法院", "人民政府", "政府", "中心", "幼儿园",
	"学校", "医院", "福利院", "指挥部", "管理处", "管理局", "局", "委", "办", "院", "厅", "会", "部", "室", "所", "站",
	"馆", "队", "处", "街道", "社", "团", "园", "校", "司", "府"}

var (
	yearRe       = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	cnYearRe     = regexp.MustCompile(`([〇零一二三四五六七八九]{4})年`)
	alsoNamedRe  = regexp.MustCompile(`加挂(.{2,40}?)(?:牌子|的牌子)`)
	shortNameRe  = regexp.MustCompile(`[（(]简称[“"]?([^”"）)]{2,20})[”"]?[）)]`)
	deptCodeRe   = regexp.MustCompile(`(?:部门|单位|预算)编码[:：]?\s*\[?(\d{3,9})\]?`)
	bracketCode  = regexp.MustCompile(`^[\[【［](\d{3,9})[\]】］]\s*\p{Han}`)
	titleTailRe  = regexp.MustCompile(`(?:年度|年)?(?:部门|单位)?(?:预算|决算)`)
	cityRe       = regexp.MustCompile(`^(.{2,6}?(?:市|自治州|州|地区|盟))`)
	countyRe     = regexp.MustCompile(`^(.{1,7}?(?:区|县|旗|市))`)
	unitDeclared = units.DeclaredRE() // one table of units (internal/units)
)

func (n *Normalizer) fillMeta(d *schema.Document, x *extract.Document, title string) {
	m := &d.Meta
	m.Title = title
	head := allText(x, 64<<10)
	if !strings.Contains(head, "预算") && !strings.Contains(head, "决算") || yearOf(head) == 0 {
		// A volume of tables only: the captions carry the year and the kind.
		head += captionText(x)
	}
	m.FiscalYear = yearOf(m.Title)
	if m.FiscalYear == 0 {
		m.FiscalYear = yearOf(head)
	}
	switch {
	case strings.Contains(m.Title, "决算"):
		m.Kind = schema.KindFinalAccount
	case strings.Contains(m.Title, "预算"):
		m.Kind = schema.KindBudget
	case strings.Contains(head, "决算"):
		m.Kind = schema.KindFinalAccount
	case strings.Contains(head, "预算"):
		m.Kind = schema.KindBudget
	}
	switch {
	case strings.Contains(m.Title, "单位预算") || strings.Contains(m.Title, "单位决算"):
		m.Scope = schema.ScopeUnit
	case m.Kind != "":
		m.Scope = schema.ScopeDepartment
	}
	m.Issuer.Name = issuerOf(m.Title)
	if ci := coverIssuer(x); ci != "" && (!endsWithOrg(m.Issuer.Name) || strings.HasSuffix(ci, m.Issuer.Name)) {
		m.Issuer.Name = ci
	}
	m.Issuer.OtherNames = otherNames(head, m.Issuer.Name)
	m.Issuer.Code = codeOf(x, head)
	m.Region = regionOf(m.Issuer.Name, head)
	m.Unit = unitOf(head)
}

// captionText joins the tables' captions, for documents that are tables only.
func captionText(x *extract.Document) string {
	var b strings.Builder
	for _, blk := range x.Blocks {
		if blk.Kind == extract.KindTable && blk.Table != nil {
			for _, c := range blk.Table.Caption {
				b.WriteString(c)
				b.WriteByte('\n')
			}
		}
		if b.Len() > 16<<10 {
			break
		}
	}
	return b.String()
}

// findTitle reads the title from the cover: the leading short lines before
// the table of contents or the first numbered heading, joined ("上海市普陀区
// 规划和自然" + "资源局" + "2024年度部门决算"), leaving out dates, "预算单位：…"
// lines and printers' marks. Failing that, the file's own title.
func findTitle(x *extract.Document, name string) string {
	var parts []string
	page := 0
	for _, b := range x.Blocks {
		if b.Kind == extract.KindTable || b.Kind == extract.KindImage {
			if len(parts) > 0 {
				break
			}
			continue
		}
		t := strings.TrimSpace(b.Text)
		if t == "" {
			continue
		}
		if page == 0 {
			page = b.At.Page
		}
		if b.TOC || b.At.Page != page || compact(t) == "目录" || utf8.RuneCountInString(t) > 40 || strings.ContainsAny(t, "。；") {
			break
		}
		if num, ok := numbering.Parse(t); ok && num.Style != numbering.None {
			break
		}
		if coverLabel.MatchString(t) || dateLine.MatchString(compact(t)) || strings.HasSuffix(t, "印制") {
			continue
		}
		parts = append(parts, compact(t))
		if len(parts) >= 4 {
			break
		}
	}
	// The title is the first run of lines that names the document, taken
	// with the fragments printed above it ("上海市普陀区规划和自然" / "资源局" /
	// "2024年度部门决算") but not with labelled lines ("发布时间：…").
	for e := range parts {
		s := e
		for s > 0 && e-s < 3 && isTitleFragment(parts[s-1]) {
			s--
		}
		for ; s <= e; s++ {
			if t := strings.Join(parts[s:e+1], ""); isTitleText(t) {
				return t
			}
		}
	}
	// No cover: the first heading that names an issuer and a year.
	for _, b := range x.Blocks {
		t := compact(b.Text)
		if b.Kind == extract.KindHeading && !b.TOC && isTitleText(t) && utf8.RuneCountInString(t) <= 60 {
			if loc := yearRe.FindStringIndex(t); loc != nil && loc[0] > 0 && endsWithOrg(strings.TrimPrefix(stripPart(t[:loc[0]]), "关于")) {
				return stripPart(t)
			}
		}
	}
	// Then the file's name, which publishers fill with the same words.
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	if i := strings.IndexAny(base, "_"); i > 0 {
		base = base[:i]
	}
	if isTitleText(base) && yearRe.MatchString(base) {
		return base
	}
	// The PDF's own metadata is last: it is often left over from an earlier year.
	if x.Title != "" && isTitleText(x.Title) {
		return x.Title
	}
	return ""
}

// isTitleFragment: a cover line that can be part of a title split over
// lines — no label, no date, no sentence.
func isTitleFragment(p string) bool {
	return !strings.ContainsAny(p, "：:。，；") && !dateLine.MatchString(p) && utf8.RuneCountInString(p) <= 30
}

// stripPart drops a leading "第二部分" or "附件二".
func stripPart(t string) string {
	if num, ok := numbering.Parse(t); ok && num.Style == numbering.Part {
		t = num.Rest
	}
	if m := attachmentRe.FindStringIndex(t); m != nil {
		t = t[m[1]:]
	}
	return t
}

var attachmentRe = regexp.MustCompile(`^附件(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2}[:：、.])?[:：、.]?`)

var (
	// coverLabel is a cover line naming the issuer: "预算主管部门：上海市普陀区司法局".
	coverLabel = regexp.MustCompile(`^(?:预算主管部门|主管部门|预算单位|部门名称|单位名称|编制单位|编制部门|部门|单位)\s*[:：]\s*(\S.{1,40})$`)
	dateLine   = regexp.MustCompile(`^(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?$`)
)

// coverIssuer finds "预算主管部门：X" and its kin among the first blocks.
func coverIssuer(x *extract.Document) string {
	for i, b := range x.Blocks {
		if i > 30 {
			break
		}
		if b.Kind != extract.KindHeading && b.Kind != extract.KindParagraph {
			continue
		}
		if m := coverLabel.FindStringSubmatch(compact(b.Text)); m != nil && endsWithOrg(m[1]) {
			return m[1]
		}
	}
	// Then the tables' "部门：…" / "编制部门：…" captions.
	for _, b := range x.Blocks {
		if b.Kind != extract.KindTable || b.Table == nil {
			continue
		}
		for _, c := range b.Table.Caption {
			for _, part := range strings.Fields(c) {
				if m := coverLabel.FindStringSubmatch(compact(part)); m != nil && endsWithOrg(m[1]) {
					return m[1]
				}
			}
		}
	}
	return ""
}

func endsWithOrg(s string) bool {
	for _, suf := range orgSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

func yearOf(s string) int {
	if m := yearRe.FindStringSubmatch(Clean(s)); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	if m := cnYearRe.FindStringSubmatch(s); m != nil {
		y := 0
		for _, r := range m[1] {
			y = y*10 + int(cnDigit[r])
		}
		if y >= 1990 && y <= 2100 {
			return y
		}
	}
	return 0
}

// issuerOf reads the department name from a title such as
// "廊坊市广阳区科学技术局2020年部门预算信息公开情况说明" or
// "2016年度平潭县人民检察院部门决算说明".
func issuerOf(title string) string {
	t := stripPart(compact(Clean(title)))
	t = strings.TrimPrefix(t, "关于")
	loc := yearRe.FindStringIndex(t)
	var before, after string
	if loc != nil {
		before = strings.TrimSpace(t[:loc[0]])
		after = strings.TrimPrefix(t[loc[1]:], "度")
		if tl := titleTailRe.FindStringIndex(after); tl != nil {
			after = after[:tl[0]]
		} else {
			after = ""
		}
	} else if tl := titleTailRe.FindStringIndex(t); tl != nil {
		before = t[:tl[0]]
	}
	before = strings.Trim(before, " 《》“”")
	after = strings.Trim(after, " 《》“”")
	switch {
	case after != "" && endsWithOrg(after) && (before == "" || !endsWithOrg(before)):
		return after
	case before != "":
		return before
	}
	return after
}

func otherNames(text, issuer string) []string {
	names := []string{}
	add := func(s string) {
		s = strings.Trim(strings.TrimSpace(s), "“”\"")
		if s == "" || s == issuer {
			return
		}
		for _, x := range names {
			if x == s {
				return
			}
		}
		names = append(names, s)
	}
	for _, m := range alsoNamedRe.FindAllStringSubmatch(text, 5) {
		for _, part := range strings.FieldsFunc(m[1], func(r rune) bool { return r == '、' || r == '和' }) {
			add(part)
		}
	}
	for _, m := range shortNameRe.FindAllStringSubmatch(text, 3) {
		add(m[1])
	}
	return names
}

// codeOf finds the department code: "部门编码：481", or a "[481]廊坊市…局"
// line above a table (as a caption, a paragraph or the table's first cell,
// depending on how the format kept it).
func codeOf(x *extract.Document, text string) string {
	if strings.Contains(text, "编码") {
		if m := deptCodeRe.FindStringSubmatch(text); m != nil {
			return m[1]
		}
	}
	try := func(s string) string {
		if m := bracketCode.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
			return m[1]
		}
		return ""
	}
	for _, b := range x.Blocks {
		switch {
		case (b.Kind == extract.KindParagraph || b.Kind == extract.KindHeading) && utf8.RuneCountInString(b.Text) <= 60:
			if c := try(b.Text); c != "" {
				return c
			}
		case b.Kind == extract.KindTable && b.Table != nil:
			for _, c := range b.Table.Caption {
				if code := try(c); code != "" {
					return code
				}
			}
			if len(b.Table.Rows) > 0 && len(b.Table.Rows[0]) > 0 {
				if code := try(b.Table.Rows[0][0].Text); code != "" {
					return code
				}
			}
		}
	}
	return ""
}

// regionOf reads province, city and county from the issuer's name, and
// falls back on the text for a province the name leaves implied.
func regionOf(issuer, text string) schema.Region {
	var r schema.Region
	t := strings.TrimPrefix(issuer, "中共")
	for _, p := range provinces {
		if strings.HasPrefix(t, p) {
			r.Province = p
			t = t[len(p):]
			if municipalities[p] {
				r.City = p
			}
			break
		}
	}
	if r.City == "" {
		if m := cityRe.FindStringSubmatch(t); m != nil && !containsOrg(m[1]) {
			r.City = m[1]
			t = t[len(m[1]):]
		}
	}
	if m := countyRe.FindStringSubmatch(t); m != nil && !containsOrg(m[1]) && !hasAny(m[1], "片区", "社区", "小区", "园区", "街区", "校区", "辖区") {
		r.County = m[1]
	}
	if r.Province == "" && r.City != "" {
		r.Province = provinceOfCity(r.City)
	}
	if r.Province == "" {
		r.Province = dominantProvince(text)
	}
	return r
}

// containsOrg rejects a "city" or "county" that is really part of an
// organisation's name ("人民政府办公室").
func containsOrg(s string) bool {
	for _, w := range []string{"政府", "委员会", "人民", "办公", "机关", "中心", "局", "厅"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// dominantProvince returns the one province the text names at least
// twice, and no other.
func dominantProvince(text string) string {
	found := ""
	for _, p := range provinces {
		c := strings.Count(text, p)
		if c == 0 {
			continue
		}
		if found != "" {
			return ""
		}
		if c >= 2 {
			found = p
		}
	}
	return found
}

// unitOf is the declared money unit, else the one the text uses most.
func unitOf(text string) string {
	if m := unitDeclared.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	wan, yi := strings.Count(text, "万元"), strings.Count(text, "亿元")
	yuan := strings.Count(text, "元") - wan - yi
	switch {
	case wan == 0 && yi == 0 && yuan == 0:
		return ""
	case wan >= yuan && wan >= yi:
		return "万元"
	case yi > yuan:
		return "亿元"
	}
	return "元"
}
