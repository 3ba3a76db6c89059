package normalize

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
	"github.com/yusuan/yusuan/schema"
)

// printedIssuerNames lists where the document prints its issuer's name —
// the title, labelled lines and header cells ("单位名称：X", "部门 | X"),
// tables' titles and narrative headings and sentences that open with it
// ("X2024年度部门决算表", "X主要职责", "X2026年收入预算")
// — each distinct name once with its first place and how often it is
// printed. The rule meta.issuer_name_differs compares them.
func printedIssuerNames(x *extract.Document, title string, titleFromFile bool) []schema.PrintedName {
	var out []schema.PrintedName
	add := func(name, where, label string, at schema.At) {
		name = strings.TrimSpace(bracketCodePrefix.ReplaceAllString(compact(Clean(name)), ""))
		if name == "" || utf8.RuneCountInString(name) > 40 || strings.Contains(name, "万元") {
			return
		}
		for i := range out {
			if out[i].Name == name && out[i].Where == where && out[i].Label == label {
				out[i].Count++
				return
			}
		}
		out = append(out, schema.PrintedName{Name: name, Where: where, Label: label, At: at, Count: 1})
	}
	if !titleFromFile {
		if is := issuerOf(title); endsWithOrg(is) {
			add(is, schema.PrintedTitle, "", titleAt(x, is))
		}
	}
	for i, b := range x.Blocks {
		switch {
		case b.TOC:
		case b.Kind == extract.KindTable && b.Table != nil:
			for _, c := range b.Table.Caption {
				for _, part := range strings.Fields(c) {
					if v, label := labelledOrgAndLabel(compact(part)); v != "" {
						add(v, schema.PrintedLabel, label, b.At)
					}
				}
				if v := narrativeIssuer(compact(Clean(c))); v != "" {
					add(v, schema.PrintedCaption, "", b.At)
				}
			}
			if v, label := labelledOrgRowAndLabel(b.Table.Rows); v != "" {
				add(v, schema.PrintedLabel, label, b.At)
			}
		case b.Kind == extract.KindHeading || b.Kind == extract.KindParagraph:
			t := compact(Clean(b.Text))
			// The cover's labels; further on, only a table's header line
			// printed as a paragraph: a "单位：" of the text may list units.
			if v, label := labelledOrgAndLabel(t); v != "" && (i <= 30 || headerLabel[label]) {
				add(v, schema.PrintedLabel, label, b.At)
				continue
			}
			if v := narrativeIssuer(t); v != "" {
				add(v, schema.PrintedNarrative, "", b.At)
			}
		}
	}
	for _, c := range conjunctionSwaps(x, out) {
		i := slices.IndexFunc(out, func(q schema.PrintedName) bool { return q.Name == c.Name && q.Where == c.Where })
		if i < 0 {
			out = append(out, c)
		} else {
			out[i].Count = max(out[i].Count, c.Count)
		}
	}
	return out
}

// bracketCodePrefix is a department code printed before the name: "[292]".
var bracketCodePrefix = regexp.MustCompile(`^[\[【［]\d{3,9}[\]】］]`)

// headerLabel: the labels of a table's header that name the issuer.
var headerLabel = map[string]bool{"编制部门": true, "编制单位": true, "部门名称": true, "单位名称": true}

// titleAt is where the title printing name is: the first cover line that
// holds the name's first runes (a title may be split over lines).
func titleAt(x *extract.Document, name string) schema.At {
	head := name
	if rs := []rune(name); len(rs) > 4 {
		head = string(rs[:4])
	}
	for i, b := range x.Blocks {
		if i > 30 {
			break
		}
		if (b.Kind == extract.KindHeading || b.Kind == extract.KindParagraph) && !b.TOC && strings.Contains(compact(Clean(b.Text)), head) {
			return b.At
		}
	}
	return schema.At{}
}

// narrativeOpening is a heading or sentence that opens with the issuer's
// name: "X主要职责", "X2026年部门收入预算", "第一部分 X概况", "X2024年度部门
// 决算表", "X2024年度无政府性基金预算".
var narrativeOpening = regexp.MustCompile(`^(\p{Han}{4,40}?)(?:(?:19|20)\d{2}年度?(?:部门|单位)?(?:预算|决算|收入|支出|收支|无)|(?:(?:19|20)\d{2}年度?)?(?:部门|单位)?的?(?:主要职责|主要职能|职能职责|基本情况|概况|收入预算|支出预算|收支预算|收入决算|支出决算|收支决算))`)

// narrativeIssuer reads the name a narrative heading or sentence opens with.
func narrativeIssuer(t string) string {
	t = strings.TrimPrefix(stripPart(t), "关于")
	if n, ok := numbering.Parse(t); ok {
		t = strings.TrimSpace(n.Rest)
	}
	m := narrativeOpening.FindStringSubmatch(t)
	if m == nil || !endsWithOrg(m[1]) || strings.ContainsAny(m[1][:3], "我本该") {
		return ""
	}
	return m[1]
}

// conjunctionSwaps finds, anywhere in the narrative, the names printed
// under a label or in the title with one conjunction for another: "规划与
// 自然资源局" in a document of the 规划和自然资源局. No other department
// bears such a name, so wherever it is printed it is the issuer's.
func conjunctionSwaps(x *extract.Document, printed []schema.PrintedName) []schema.PrintedName {
	var out []schema.PrintedName
	seen := map[string]bool{}
	for _, p := range printed {
		if p.Where == schema.PrintedNarrative || !strings.ContainsAny(p.Name, "和与及") || seen[p.Name] {
			continue
		}
		seen[p.Name] = true
		var pat strings.Builder
		for _, r := range p.Name {
			if strings.ContainsRune("和与及", r) {
				pat.WriteString("[和与及]")
			} else {
				pat.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		re := regexp.MustCompile(pat.String())
		for _, b := range x.Blocks {
			if b.TOC || b.Kind != extract.KindHeading && b.Kind != extract.KindParagraph {
				continue
			}
			for _, m := range re.FindAllString(compact(Clean(b.Text)), -1) {
				if m == p.Name {
					continue
				}
				i := slices.IndexFunc(out, func(q schema.PrintedName) bool { return q.Name == m })
				if i >= 0 {
					out[i].Count++
					continue
				}
				out = append(out, schema.PrintedName{Name: m, Where: schema.PrintedNarrative, At: b.At, Count: 1})
			}
		}
	}
	return out
}

// labelledOrgAndLabel is labelledOrg with the label it read.
func labelledOrgAndLabel(line string) (name, label string) {
	v := labelledOrg(line)
	if v == "" {
		return "", ""
	}
	l, _, _ := strings.Cut(line, "：")
	l, _, _ = strings.Cut(l, ":")
	return v, strings.TrimSpace(l)
}

// labelledOrgRowAndLabel is labelledOrgRow with the label it read.
func labelledOrgRowAndLabel(rows [][]extract.Cell) (name, label string) {
	for i, row := range rows {
		if i >= 8 {
			break
		}
		for j, c := range row {
			t := compact(c.Text)
			if v, l := labelledOrgAndLabel(t); v != "" {
				return v, l
			}
			if !issuerCellLabel.MatchString(t) {
				continue
			}
			for _, next := range row[j+1:] {
				v := compact(next.Text)
				if v == "" || v == "〃" || v == t {
					continue
				}
				if endsWithOrg(v) && utf8.RuneCountInString(v) <= 40 {
					return v, strings.TrimRight(t, "：:")
				}
				break
			}
		}
	}
	return "", ""
}
