package schema

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/yusuan/yusuan/internal/codebook"
)

// Per table, how many codes may disagree with the book before the table is
// taken to follow another book (a province's own 部门经济分类, a renumbered
// year) or to have been misread (names paired with the wrong code column):
// then none of its disagreements is reported.
const (
	codeNameMinAgree    = 3 // codes that agree, for the table to follow the book
	codeNameMaxDisagree = 2 // codes that disagree, at most
)

// codeMismatch is one coded row whose printed name is not the book's.
type codeMismatch struct {
	item    *LineItem
	table   *Table
	book    codebook.Entry
	sev     string
	oldName *codebook.Entry // the printed name is the code's name in other years
	other   *codebook.Entry // the printed name is another code's name that year
}

// checkCodeNames: a functional or economic code printed with a name that
// is not its name in the code book of the document's year. Harmless
// variants (width, spaces, 支出, radicals) and names cut by a line wrap
// agree; a name the code had in other years is info (renamed); a wording
// close to the book's is info; a clearly different item is a warning, and
// only in a table whose other codes follow the book.
func checkCodeNames(r *rule, d *Document) []Finding {
	year := d.Meta.FiscalYear
	if year == 0 {
		return nil
	}
	book := codebook.Default()
	var out []Finding
	reported := map[string]bool{}
	for ti := range d.Tables {
		t := &d.Tables[ti]
		agree, bad := tableCodeNames(book, t, year)
		renamed := 0
		for _, m := range bad {
			if m.oldName != nil {
				renamed++
			}
		}
		if agree < codeNameMinAgree || len(bad)-renamed > codeNameMaxDisagree {
			continue
		}
		for _, m := range bad {
			key := m.item.Classification + "/" + m.item.Code + "/" + codebook.Canon(m.item.Name)
			if reported[key] {
				continue
			}
			reported[key] = true
			out = append(out, codeNameFinding(r, m, year))
		}
	}
	return out
}

// tableCodeNames sets each coded row of t against the book: how many agree,
// and those that do not.
func tableCodeNames(book *codebook.Book, t *Table, year int) (agree int, bad []codeMismatch) {
	for i := range t.LineItems {
		it := &t.LineItems[i]
		printed := codebook.Canon(it.Name)
		if !codebook.ValidCode(it.Classification, it.Code) || !plausibleCodeName(printed) {
			continue
		}
		e, ok := book.Name(it.Classification, it.Code, year)
		if !ok {
			continue // the year's book does not know the code
		}
		want := codebook.Canon(e.Name)
		if printed == want || cutByWrap(printed, want) {
			agree++
			continue
		}
		m := codeMismatch{item: it, table: t, book: e, sev: SevInfo}
		for _, o := range book.Entries(it.Classification, it.Code) {
			if codebook.Canon(o.Name) == printed {
				m.oldName = &o
			}
		}
		if m.oldName == nil {
			if o, ok := book.HasName(it.Classification, it.Name, year, it.Code); ok {
				m.other = &o
				// Another level's name (a 款's on a 项 code) means the code
				// was likely rebuilt from a partial one (99 under the wrong
				// 款) rather than printed with a wrong name: info.
				if len(o.Code) == len(it.Code) {
					m.sev = SevWarning
				}
			} else if !closeWording(printed, want) {
				m.sev = SevWarning
			}
		}
		bad = append(bad, m)
	}
	return agree, bad
}

// plausibleCodeName: two ideographs or more and no digit (a digit is a
// code or figure a wrapped cell ran into the name).
func plausibleCodeName(name string) bool {
	han := 0
	for _, r := range name {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.Is(unicode.Han, r):
			han++
		}
	}
	return han >= 2
}

// cutByWrap: the printed name is the start or the end of the book's, as a
// cell wrapped over two lines leaves it.
func cutByWrap(printed, want string) bool {
	return len([]rune(printed)) >= 2 && (strings.HasPrefix(want, printed) || strings.HasSuffix(want, printed))
}

// closeWording: the names share most of their characters (养老保险费 and
// 养老保险缴费): a variant wording, not another item.
func closeWording(a, b string) bool {
	count := map[rune]int{}
	for _, r := range b {
		count[r]++
	}
	common := 0
	for _, r := range a {
		if count[r] > 0 {
			count[r]--
			common++
		}
	}
	return 2*common >= max(len([]rune(a)), len([]rune(b)))
}

func codeNameFinding(r *rule, m codeMismatch, year int) Finding {
	where := tableName(m.table)
	if p := m.item.At.Page; p > 0 {
		where = bi{fmt.Sprintf("%s（第%d页）", where.zh, p), fmt.Sprintf("%s (page %d)", where.en, p)}
	}
	printed := strings.TrimSpace(m.item.Name)
	var tail bi
	switch {
	case m.oldName != nil:
		tail = format(msgCodeOldName, yearsText(m.oldName.Years))
	case m.other != nil:
		tail = format(msgCodeOtherName, m.other.Code)
	}
	msg := format(msgCodeName, where, m.item.Code, printed, year, m.book.Name, tail)
	return Finding{Rule: r.name, Severity: m.sev, Message: msg.zh, MessageEn: msg.en,
		Expected: m.book.Name, Actual: printed, At: []At{m.item.At}}
}

// yearsText lists years for a message: 2017、2018.
func yearsText(years []int) bi {
	s := make([]string, len(years))
	for i, y := range years {
		s[i] = strconv.Itoa(y)
	}
	return bi{strings.Join(s, "、"), strings.Join(s, ", ")}
}
