package schema

import (
	"fmt"
	"strings"
	"testing"
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
		args := []any{"a", "b", "c", "d", "e", "f"}
		n := strings.Count(m.en, "%[")
		zh, en := fmt.Sprintf(m.zh, args[:n]...), fmt.Sprintf(m.en, args[:n]...)
		if strings.Contains(zh, "%!") || strings.Contains(en, "%!") || strings.Count(m.zh, "%[") != n {
			t.Errorf("template %d takes different arguments:\n zh %s\n en %s", kind, zh, en)
		}
	}
}
