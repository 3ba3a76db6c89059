package schema

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/decimal"
)

// TestRulesTable: every rule once, each row saying what it reads and
// naming its templates, and every template given in both languages with
// the same arguments.
func TestRulesTable(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range rules {
		if seen[r.name] {
			t.Errorf("rule %s listed twice", r.name)
		}
		seen[r.name] = true
		if r.reads == "" || len(r.messages) == 0 || r.check == nil {
			t.Errorf("rule %s: reads %q, %d templates, check %v", r.name, r.reads, len(r.messages), r.check != nil)
		}
	}
	if got := RuleNames(); len(got) != len(rules) || got[0] != "summary.revenue_equals_expenditure" {
		t.Errorf("RuleNames() = %v", got)
	}
	for kind, m := range messages {
		if m.zh == "" || m.en == "" {
			t.Errorf("template %d: zh %q en %q", kind, m.zh, m.en)
			continue
		}
		args := []any{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
		n := strings.Count(m.en, "%[")
		zh, en := fmt.Sprintf(m.zh, args[:n]...), fmt.Sprintf(m.en, args[:n]...)
		if strings.Contains(zh, "%!") || strings.Contains(en, "%!") || strings.Count(m.zh, "%[") != n {
			t.Errorf("template %d takes different arguments:\n zh %s\n en %s", kind, zh, en)
		}
	}
}

// englishInWhat are words of the English texts of the messages and of
// their "what": none may show in a Chinese message.
var englishInWhat = []string{" vs ", "stated", "parts add up", "difference", "row ", "column ", "total",
	"revenue", "expenditure", "sub-items", "the text", "the table", "(blank)", "(no row)", "carry-over",
	"only 财政拨款", "exceeds", "this year", "last year", "holds if", "is read as", "misreading"}

var (
	cjk       = regexp.MustCompile(`\p{Han}`)
	columnKey = regexp.MustCompile(`\b[a-z]+_[a-z_]+\b`) // general_public_budget, vehicle_purchase
)

// bilingualProblem says what is wrong with a finding's languages: the
// message must be Chinese, without the English of the templates, and
// message_en the English one.
func bilingualProblem(f Finding) string {
	switch {
	case !cjk.MatchString(f.Message):
		return fmt.Sprintf("message not Chinese: %q", f.Message)
	case f.MessageEn == "" || f.MessageEn == f.Message:
		return fmt.Sprintf("message_en %q beside message %q", f.MessageEn, f.Message)
	case !strings.Contains(f.MessageEn, " "):
		return fmt.Sprintf("message_en not English: %q", f.MessageEn)
	case columnKey.MatchString(f.Message):
		return fmt.Sprintf("message names a key %q: %q", columnKey.FindString(f.Message), f.Message)
	}
	for _, w := range englishInWhat {
		if strings.Contains(f.Message, w) {
			return fmt.Sprintf("message has %q: %q", w, f.Message)
		}
	}
	return ""
}

// TestMessagesBilingual: every template formats in both languages with the
// same arguments, the Chinese free of the English.
func TestMessagesBilingual(t *testing.T) {
	for kind, m := range messages {
		if m.zh == "" || m.en == "" || m.zh == m.en {
			t.Errorf("template %d: zh %q, en %q", kind, m.zh, m.en)
		}
	}
	fs := []Finding{
		(&rules[0]).note(SevInfo, "", "", nil, msgImplausible, bi{"B1 部门收支总表", "B1"}, "合计", keyName(ColGeneralPublicBudget), "95%", format(msgWhyPercent)),
	}
	for _, f := range fs {
		if p := bilingualProblem(f); p != "" {
			t.Error(p)
		}
	}
	if p := bilingualProblem(Finding{Message: "B1: revenue total vs B2 合计", MessageEn: "B1: revenue total vs B2 合计"}); p == "" {
		t.Error("an English message passes")
	}
}

func TestPlaceInMessage(t *testing.T) {
	page := At{Page: 24}
	for _, c := range []struct {
		a    *Amount
		want string
	}{
		{&Amount{Yuan: decimal.MustParse("462100"), Text: "46.21万元", Unit: "万元", At: page}, "46.21万元（462100元，第24页）"},
		{&Amount{Yuan: decimal.MustParse("873617"), Text: "873,617.00", Unit: "元", At: page}, "873,617.00元（第24页）"},
		{&Amount{Text: blankText, At: page}, "空白（第24页，按0计）"},
		{&Amount{Yuan: decimal.MustParse("5"), Text: "5", Unit: "元", At: At{Sheet: "表1", Cell: "C7"}}, "5元（工作表“表1”C7单元格）"},
		{&Amount{Yuan: decimal.MustParse("5"), Text: "5", Unit: "元", At: At{Line: 12}}, "5元（第12行）"},
		{&Amount{Yuan: decimal.MustParse("5"), Text: "5", Unit: "元"}, "5元"},
	} {
		if got := figure(c.a).zh + inYuan(c.a).zh; got != c.want {
			t.Errorf("figure+inYuan = %q, want %q", got, c.want)
		}
	}
}
