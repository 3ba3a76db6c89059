package normalize

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
	"github.com/yusuan/yusuan/internal/orgname"
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

var (
	yearRe       = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	cnYearRe     = regexp.MustCompile(`([〇零一二三四五六七八九]{4})年`)
	alsoNamedRe  = regexp.MustCompile(`加挂(.{2,40}?)(?:牌子|的牌子)`)
	shortNameRe  = regexp.MustCompile(`(\p{Han}{2,40}?)[（(](?:以下)?简称[：:]?[“"「]?([^”"」）)]{2,20})[”"」]?[）)]`)
	shortNameIn  = regexp.MustCompile(`[（(](?:以下)?简称[^）)]*[）)]`)
	deptCodeRe   = regexp.MustCompile(`(?:部门|单位|预算)编码[:：]?\s*\[?(\d{3,9})\]?`)
	bracketCode  = regexp.MustCompile(`^[\[【［](\d{3,9})[\]】］]\s*\p{Han}`)
	titleTailRe  = regexp.MustCompile(`(?:年度|年)?(?:部门|单位)?(?:预算|决算)`)
	cityRe       = regexp.MustCompile(`^(.{2,6}?(?:市|自治州|州|地区|盟))`)
	countyRe     = regexp.MustCompile(`^(.{1,7}?(?:区|县|旗|市))`)
	unitDeclared = units.DeclaredRE() // one table of units (internal/units)
)

// fillMeta reads what the document is. title is findTitle's; titleFromFile
// says it came from the file's name, which then only fills what nothing
// inside the document gives (and meta.from_file_name says so).
func (n *Normalizer) fillMeta(d *schema.Document, x *extract.Document, title, name string, titleFromFile bool) {
	m := &d.Meta
	head := allText(x, 64<<10)
	if r, ok := governmentReport(x); ok {
		fillGovernmentMeta(m, r, head)
		return
	}
	m.Title = title
	own := title
	if titleFromFile {
		own = ""
	}
	fallback := head
	if !strings.Contains(head, "预算") && !strings.Contains(head, "决算") || yearOf(head) == 0 {
		// A volume of tables only: the captions carry the year and the kind.
		fallback += captionText(x)
	}
	tables := tableHeadText(x)
	m.Kind = kindOf(own, head, tables, fallback)
	m.FiscalYear = titleYear(own, m.Kind)
	if m.FiscalYear == 0 {
		m.FiscalYear = headYear(head, tables, fallback)
	}
	switch {
	case strings.Contains(own, "单位预算") || strings.Contains(own, "单位决算"):
		m.Scope = schema.ScopeUnit
	case m.Kind != "":
		m.Scope = schema.ScopeDepartment
	}
	// A title taken from the file's name still names the issuer before the
	// tables' captions do: their cells are often cut ("中国共产党某某省委员会办"
	// / "公厅"); meta.from_file_name says so.
	issuerFromFile := titleFromFile && endsWithOrg(issuerOf(title))
	m.Issuer.Name = issuerOf(own)
	if issuerFromFile {
		m.Issuer.Name = issuerOf(title)
	}
	if ci := coverIssuer(x); ci != "" && (!endsWithOrg(m.Issuer.Name) || strings.HasSuffix(ci, m.Issuer.Name)) {
		m.Issuer.Name, issuerFromFile = ci, false
	}
	fillFromFileName(m, title, titleFromFile, name)
	if issuerFromFile {
		m.FromFileName = append(m.FromFileName, "issuer")
	}
	m.Issuer.OtherNames = otherNames(head, m.Issuer.Name)
	m.IssuerPrinted = printedIssuerNames(x, title, titleFromFile)
	m.Issuer.Code = codeOf(x, head)
	m.Region = regionOf(m.Issuer.Name, head)
	m.Unit = unitOf(head)
}

// fillFromFileName fills the year, kind and issuer nothing inside the
// document gave from the file's name (through the title findTitle took from
// it, else the name itself), and lists them in meta.from_file_name.
func fillFromFileName(m *schema.Meta, title string, titleFromFile bool, name string) {
	var from []string
	if titleFromFile {
		from = append(from, "title")
	}
	src := compact(Clean(title))
	if !titleFromFile {
		base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		src = compact(Clean(strings.NewReplacer("_", "", "-", "", "—", "").Replace(base)))
	}
	if m.Kind == "" {
		if k := kindOf(src, "", "", ""); k != "" {
			m.Kind = k
			from = append(from, "kind")
			if m.Scope == "" {
				m.Scope = schema.ScopeDepartment
			}
		}
	}
	if m.FiscalYear == 0 {
		if y := titleYear(src, m.Kind); y != 0 {
			m.FiscalYear = y
			from = append(from, "fiscal_year")
		}
	}
	if m.Issuer.Name == "" {
		if is := issuerOf(src); endsWithOrg(is) {
			m.Issuer.Name = is
			from = append(from, "issuer")
		}
	}
	if titleFromFile || len(from) > 0 {
		m.FromFileName = from
	}
}

var (
	// disclosurePhrase is a year naming the disclosure: "2026年度部门预算",
	// "2019年部门综合预算", "2026市级单位预算", "2024年度部门决算".
	disclosurePhrase = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})(?:年度?)?(?:市级|区级|县级|省级|本级)?(?:部门|单位)(?:综合)?(预算|决算)`)
	// columnYear is a table header "2026年预算数" / "2024年决算数".
	columnYear = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})年度?(预算|决算)数`)
	// bracketYear is a table's "（2026年度）" line.
	bracketYear = regexp.MustCompile(`[（(]((?:19|20)\d{2})年度?[）)]`)
	// standardTableNumber is a standard table's number: "预算01表", "预算表12", "决算03表".
	standardTableNumber = regexp.MustCompile(`(预算|决算)(?:\d{1,2}表|表\d{1,2})`)
)

// kindOf reads budget or final account: from the title, then a phrase or a
// table header naming the disclosure, then the standard tables' numbers and
// titles, and last (fallback) any mention.
func kindOf(title, head, tables, fallback string) string {
	t := compact(Clean(title))
	switch {
	case strings.Contains(t, "决算"):
		return schema.KindFinalAccount
	case strings.Contains(t, "预算"):
		return schema.KindBudget
	}
	text := squeeze(head) + "\n" + squeeze(tables)
	for _, re := range []*regexp.Regexp{disclosurePhrase, columnYear, standardTableNumber} {
		if m := re.FindStringSubmatch(text); m != nil {
			return kindWord(m[len(m)-1])
		}
	}
	switch {
	case strings.Contains(tables, "收入支出决算总表"):
		return schema.KindFinalAccount
	case strings.Contains(tables, "收支总表"):
		return schema.KindBudget
	case strings.Contains(fallback, "决算"):
		return schema.KindFinalAccount
	case strings.Contains(fallback, "预算"):
		return schema.KindBudget
	}
	return ""
}

func kindWord(w string) string {
	if w == "决算" {
		return schema.KindFinalAccount
	}
	return schema.KindBudget
}

// headYear reads the year from a document with no title: a phrase naming
// the disclosure, a "2026年预算数" header, a "（2026年度）" line, and last
// the first year printed.
func headYear(head, tables, fallback string) int {
	text := squeeze(head) + "\n" + squeeze(tables)
	for _, re := range []*regexp.Regexp{disclosurePhrase, columnYear, bracketYear} {
		if m := re.FindStringSubmatch(text); m != nil {
			y, _ := strconv.Atoi(m[1])
			return y
		}
	}
	return yearOf(fallback)
}

// squeeze cleans s and drops the spaces inside lines ("2026 年度部门预算",
// "预算 01表"), keeping the line breaks and the tabs between cells, so that
// figures of neighbouring cells or lines never run together.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\r' {
			return -1
		}
		return r
	}, Clean(s))
}

// titleYearRe is a year in a title, spaces and all: "2026年", "2026 年度",
// "2026 部门预算", "2026预算".
var titleYearRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})\s*(年度|年|(?:部门|单位|综合|预算|决算))`)

// yearSpan is one year in a title and where it ends (after 年/年度 when printed).
type yearSpan struct{ year, start, end int }

func titleYears(t string) []yearSpan {
	var out []yearSpan
	for _, m := range titleYearRe.FindAllStringSubmatchIndex(t, -1) {
		y, _ := strconv.Atoi(t[m[2]:m[3]])
		end := m[3]
		if strings.HasPrefix(t[m[4]:m[5]], "年") {
			end = m[5]
		}
		out = append(out, yearSpan{y, m[2], end})
	}
	return out
}

// titleYear is the year the title's document is for. Where a title names
// two ("2022年预算执行情况和2023年预算草案", "2021年市级决算及2022年上半年
// 预算执行情况"), it is the year of the budget drafted or the account closed.
func titleYear(title, kind string) int {
	t := compact(Clean(title))
	ys := titleYears(t)
	if len(ys) == 0 {
		return yearOf(t)
	}
	for i, y := range ys {
		tail := t[y.end:]
		if i+1 < len(ys) {
			tail = t[y.end:ys[i+1].start]
		}
		switch kind {
		case schema.KindFinalAccount:
			if strings.Contains(tail, "决算") {
				return y.year
			}
		case schema.KindBudget:
			if strings.Contains(tail, "预算") && !strings.Contains(tail, "执行") {
				return y.year
			}
		}
	}
	return ys[0].year
}

// tableHeadText joins the captions and first rows of every table, a row a
// line and its cells tab-separated, for documents whose only titles are the
// tables' own ("预算01表 收支总表", "（2026年度）", "部门名称 | 某某市某某局").
func tableHeadText(x *extract.Document) string {
	var b strings.Builder
	for _, blk := range x.Blocks {
		if blk.Kind != extract.KindTable || blk.Table == nil {
			continue
		}
		for _, c := range blk.Table.Caption {
			b.WriteString(c)
			b.WriteByte('\n')
		}
		for i, row := range blk.Table.Rows {
			if i >= 8 {
				break
			}
			for _, c := range row {
				if t := strings.TrimSpace(c.Text); t != "" && t != "〃" {
					b.WriteString(t)
					b.WriteByte('\t')
				}
			}
			b.WriteByte('\n')
		}
		if b.Len() > 32<<10 {
			break
		}
	}
	return b.String()
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
// lines, attachment marks ("附件2") and printers' marks. Failing that, the
// file's name (fromFile true) or the file's own title.
func findTitle(x *extract.Document, name string) (title string, fromFile bool) {
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
		if coverLabel.MatchString(t) || dateLine.MatchString(compact(t)) || strings.HasSuffix(t, "印制") || attachmentMark.MatchString(compact(t)) {
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
			if t := strings.Join(parts[s:e+1], ""); titleLike(t) {
				return t, false
			}
		}
	}
	// No cover: the first heading that names an issuer and a year.
	for _, b := range x.Blocks {
		t := compact(b.Text)
		if loc := pageLabel.FindStringIndex(t); loc != nil {
			// A web page's title run into its byline ("…2026年预算公开来源:某某市某某局").
			t = t[:loc[0]]
		}
		if b.Kind == extract.KindHeading && !b.TOC && titleLike(t) && utf8.RuneCountInString(t) <= 60 {
			if ys := titleYears(t); len(ys) > 0 && ys[0].start > 0 && endsWithOrg(strings.TrimPrefix(stripPart(t[:ys[0].start]), "关于")) {
				return stripPart(t), false
			}
		}
	}
	// Then the file's name, which publishers fill with the same words.
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	if i := strings.IndexAny(base, "_"); i > 0 {
		base = base[:i]
	}
	if isTitleText(base) && yearRe.MatchString(base) {
		return base, true
	}
	// The PDF's own metadata is last: it is often left over from an earlier year.
	if x.Title != "" && isTitleText(x.Title) {
		return x.Title, false
	}
	return "", false
}

// titleLike: text that names a disclosure and its year, the year printed
// with 年 or straight before the kind ("2026 部门预算情况的说明").
func titleLike(t string) bool {
	return isTitleText(t) || (strings.Contains(t, "预算") || strings.Contains(t, "决算")) && len(titleYears(compact(Clean(t)))) > 0
}

// pageLabel starts a web page's byline.
var pageLabel = regexp.MustCompile(`(?:来源|发布时间|发布日期|发布机构|作者|字号|浏览次数)[:：]`)

// attachmentMark is a cover line that only numbers an attachment: "附件2".
var attachmentMark = regexp.MustCompile(`^附件[0-9一二三四五六七八九十]{0,3}[:：]?$`)

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

// coverIssuer finds "预算主管部门：X" and its kin among the first blocks,
// then in the tables' captions, then in their first rows ("部门名称 | X").
func coverIssuer(x *extract.Document) string {
	for i, b := range x.Blocks {
		if i > 30 {
			break
		}
		if b.Kind != extract.KindHeading && b.Kind != extract.KindParagraph {
			continue
		}
		if v := labelledOrg(compact(b.Text)); v != "" {
			return v
		}
	}
	// Then the tables' "部门：…" / "编制部门：…" captions.
	for _, b := range x.Blocks {
		if b.Kind != extract.KindTable || b.Table == nil {
			continue
		}
		for _, c := range b.Table.Caption {
			for _, part := range strings.Fields(c) {
				if v := labelledOrg(compact(part)); v != "" {
					return v
				}
			}
		}
	}
	for _, b := range x.Blocks {
		if b.Kind == extract.KindTable && b.Table != nil {
			if v := labelledOrgRow(b.Table.Rows); v != "" {
				return v
			}
		}
	}
	return ""
}

// labelledOrg reads the organisation of a "部门名称：X" line. A line the
// extractor ran into the next label ("部门名称：X保密审查情况：…") is cut there.
func labelledOrg(line string) string {
	m := coverLabel.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	v := m[1]
	if loc := nextLabel.FindStringIndex(v); loc != nil {
		v = orgPrefix(v[:loc[1]])
	}
	if endsWithOrg(v) {
		return v
	}
	return ""
}

// orgQualifier is a bracketed qualifier after a name: "（本级）", "(汇总)".
var orgQualifier = regexp.MustCompile(`[（(][^（()）]{1,12}[）)]$`)

// nextLabel is a further "XX情况：" label inside a cover line.
var nextLabel = regexp.MustCompile(`\p{Han}{2,12}[:：]`)

// orgPrefix is the longest prefix of s that ends an organisation's name.
func orgPrefix(s string) string {
	rs := []rune(s)
	for i := len(rs); i >= 4; i-- {
		if endsWithOrg(string(rs[:i])) {
			return string(rs[:i])
		}
	}
	return ""
}

// issuerCellLabel is a table cell that labels the next one with the issuer.
var issuerCellLabel = regexp.MustCompile(`^(?:预算主管部门|主管部门|预算单位|部门名称|单位名称|编制单位|编制部门)[:：]?$`)

// labelledOrgRow finds "部门名称 | 某某市某某局" in a table's first rows.
func labelledOrgRow(rows [][]extract.Cell) string {
	v, _ := labelledOrgRowAndLabel(rows)
	return v
}

func endsWithOrg(s string) bool {
	// "某某市某某局（本级）", "某某市某某局（汇总）": a name with its qualifier.
	if q := orgQualifier.FindStringIndex(s); q != nil && q[0] > 0 {
		s = s[:q[0]]
	}
	return orgname.HasSuffix(s)
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
	var before, after string
	if ys := titleYears(t); len(ys) > 0 {
		before = strings.TrimSpace(t[:ys[0].start])
		after = t[ys[0].end:]
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
	text = compact(text)
	for _, m := range alsoNamedRe.FindAllStringSubmatch(text, 5) {
		// "加挂某某市人民政府口岸办公室（简称市政府口岸办）牌子": the name, and
		// its short name below.
		for _, part := range strings.FieldsFunc(shortNameIn.ReplaceAllString(m[1], ""), func(r rune) bool { return r == '、' || r == '和' }) {
			add(part)
		}
	}
	// "某某市人民政府国有资产监督管理委员会（以下简称“市国资委”）": a short
	// name is an organisation's, never a phrase's ("（以下简称'三公'经费）").
	for _, m := range shortNameRe.FindAllStringSubmatch(text, 8) {
		if endsWithOrg(m[2]) || issuer != "" && strings.HasSuffix(m[1], issuer) {
			add(m[2])
			add(withIssuerPlace(m[2], issuer))
		}
	}
	return names
}

// withIssuerPlace spells a short name out with the issuer's place:
// "市国资委" of 某某市人民政府国有资产监督管理委员会 is 某某市国资委.
func withIssuerPlace(short, issuer string) string {
	first, size := utf8.DecodeRuneInString(short)
	if !strings.ContainsRune("省市区县", first) {
		return ""
	}
	i := strings.IndexRune(issuer, first)
	if i <= 0 {
		return ""
	}
	return issuer[:i+size] + short[size:]
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
