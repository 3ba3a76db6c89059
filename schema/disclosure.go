package schema

import (
	"strconv"
	"strings"
)

// A disclosure is often published as several files: a narrative (情况说明)
// and its tables (公开表, 报表), or one file per part. DisclosureID gives
// the files of one disclosure the same key, so a dataset can put them back
// together: the issuer's name in a canonical form, the year, the kind and
// the scope.

// IssuerKey is the issuer's name in a canonical form for matching files of
// one department: spaces and the Party prefix (中共, 中国共产党) dropped,
// brackets made full-width, and a trailing note of the document's scope
// (（本级）, 本级, （汇总）, 汇总) removed. The name as printed stays in
// meta.issuer.name; this is only for grouping.
func IssuerKey(name string) string {
	s := strings.Join(strings.Fields(name), "")
	s = strings.NewReplacer("(", "（", ")", "）").Replace(s)
	for _, p := range []string{"中国共产党", "中共"} {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
			s = rest
			break
		}
	}
	for {
		trimmed := s
		for _, suf := range []string{"（本级）", "（汇总）", "（部门汇总）", "本级", "汇总"} {
			if rest, ok := strings.CutSuffix(trimmed, suf); ok && rest != "" {
				trimmed = rest
			}
		}
		if trimmed == s {
			return s
		}
		s = trimmed
	}
}

// DisclosureID is the key shared by the files of one disclosure:
// "<issuer key>|<year>|<kind>|<scope>", or "" when the issuer or the year
// is unknown (such files cannot be matched safely).
func DisclosureID(d *Document) string {
	issuer := IssuerKey(d.Meta.Issuer.Name)
	if issuer == "" || d.Meta.FiscalYear == 0 {
		return ""
	}
	return issuer + "|" + strconv.Itoa(d.Meta.FiscalYear) + "|" + d.Meta.Kind + "|" + d.Meta.Scope
}
