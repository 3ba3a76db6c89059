package schema

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
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
