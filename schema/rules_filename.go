package schema

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fileNameYear matches a year a file name states: 2019, "2019年", or the
// two-digit "25年" of "…单位25年预算".
var fileNameYear = regexp.MustCompile(`(?:^|[^0-9])(20[0-9]{2})(?:[^0-9]|$)|(?:^|[^0-9])([0-9]{2})年`)

// fileNameYears returns the distinct years the file's name states.
func fileNameYears(p string) []int {
	base := path.Base(strings.ReplaceAll(p, `\`, "/"))
	var out []int
	for _, m := range fileNameYear.FindAllStringSubmatch(base, -1) {
		s := m[1]
		if s == "" {
			s = "20" + m[2]
		}
		y, err := strconv.Atoi(s)
		if err == nil && y >= 2000 && y <= 2099 && !slices.Contains(out, y) {
			out = append(out, y)
		}
	}
	return out
}

// checkFileName: a file whose name states a year or a department that the
// document contradicts.
func checkFileName(rule *rule, d *Document) []Finding {
	return append(checkFileNameYear(rule, d), checkFileNameIssuer(rule, d)...)
}

// checkFileNameYear: a file whose name states one year while the document
// itself states another. Uploaders name files after the publication year,
// a URL or a template, so the document wins and this is only a note — but a
// dataset keyed on file names would be off by it.
func checkFileNameYear(rule *rule, d *Document) []Finding {
	if d.Meta.FiscalYear == 0 || slices.Contains(d.Meta.FromFileName, "fiscal_year") {
		return nil
	}
	years := fileNameYears(d.Source.Path)
	if len(years) != 1 || years[0] == d.Meta.FiscalYear {
		return nil // none, the same, or several: nothing the name says for sure
	}
	name := path.Base(strings.ReplaceAll(d.Source.Path, `\`, "/"))
	return []Finding{rule.note(SevInfo, strconv.Itoa(d.Meta.FiscalYear), strconv.Itoa(years[0]), []At{},
		msgFileNameYear, name, years[0], d.Meta.FiscalYear)}
}

// fileNameOrg reads the department a file's name names: the name before
// its first year ("某某市某某局_2026年度部门预算"), else the one after it
// ("2017年省检察院部门预算"), cut before 部门/单位/预算/决算 and led by
// nothing but a crawler's number ("12966_"). "" when the name names none.
func fileNameOrg(p string) string {
	base := path.Base(strings.ReplaceAll(p, `\`, "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	base = fileNameNumber.ReplaceAllString(base, "")
	var parts []string
	if loc := fileNameYearAt.FindStringIndex(base); loc != nil {
		parts = []string{base[:loc[0]], base[loc[1]:]}
	} else {
		parts = []string{base}
	}
	for _, part := range parts {
		part, _, _ = strings.Cut(part, "_")
		if loc := fileNameKind.FindStringIndex(part); loc != nil {
			part = part[:loc[0]]
		}
		part = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(part, " -—《》“”"), "单位"), "部门")
		if utf8.RuneCountInString(part) >= 3 && hasOrgName(part) && !strings.ContainsAny(part, "0123456789：:") {
			return part
		}
	}
	return ""
}

var (
	fileNameNumber = regexp.MustCompile(`^[0-9]+[_-]`)
	fileNameYearAt = regexp.MustCompile(`(?:20[0-9]{2}|[0-9]{2}年)(?:年度|年)?`)
	fileNameKind   = regexp.MustCompile(`部门|单位(?:预算|决算)|预算|决算|公开`)
)

// checkFileNameIssuer: a file whose name names one department while the
// document names another. Short forms (某某市国资委), a parent's name, the
// name without its place, 本级 and 汇总 agree; only another name, one with a
// substituted character or a place dropped from the middle is told — as a
// note: uploaders name files, and the document wins.
func checkFileNameIssuer(rule *rule, d *Document) []Finding {
	if d.Meta.Issuer.Name == "" || slices.Contains(d.Meta.FromFileName, "issuer") {
		return nil
	}
	org := fileNameOrg(d.Source.Path)
	if org == "" {
		return nil
	}
	for _, p := range d.Meta.IssuerPrinted {
		// The document prints the name somewhere: a parent's (主管部门), a
		// short form the narrative uses.
		if r, _, _ := relateNames(foldName(p.Name), foldName(org)); r <= nameCut || r == nameShortForm || r == nameNoPrefix {
			return nil
		}
	}
	rel, x, y := relateNames(foldName(d.Meta.Issuer.Name), foldName(org))
	var how bi
	switch rel {
	case nameConjunction, nameOneChar:
		how = format(msgIssuerSubst, x, y)
	case nameDroppedPlace:
		how = format(msgIssuerPlace, x)
	case nameOther:
		how = format(msgIssuerOther)
	default:
		return nil
	}
	name := path.Base(strings.ReplaceAll(d.Source.Path, `\`, "/"))
	return []Finding{rule.note(SevInfo, d.Meta.Issuer.Name, org, []At{}, msgFileNameIssuer, name, org, d.Meta.Issuer.Name, how)}
}
