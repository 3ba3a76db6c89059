package schema

import "testing"

func TestIssuerKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"中共江苏省委办公厅", "江苏省委办公厅"},
		{"江苏省委办公厅", "江苏省委办公厅"},
		{"中国共产党某市委员会组织部", "某市委员会组织部"},
		{"某区教育局（本级）", "某区教育局"},
		{"某区教育局(汇总)", "某区教育局"},
		{"某区教育局本级", "某区教育局"},
		{" 某区 教育局 ", "某区教育局"},
		{"中共", "中共"},
		{"汇总", "汇总"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := IssuerKey(tc.in); got != tc.want {
			t.Errorf("IssuerKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	narrative := &Document{Meta: Meta{Issuer: Issuer{Name: "中共某省委办公厅"}, FiscalYear: 2017, Kind: KindBudget, Scope: ScopeDepartment}}
	tables := &Document{Meta: Meta{Issuer: Issuer{Name: "某省委办公厅"}, FiscalYear: 2017, Kind: KindBudget, Scope: ScopeDepartment}}
	if a, b := DisclosureID(narrative), DisclosureID(tables); a != b || a == "" {
		t.Errorf("one disclosure, two ids: %q, %q", a, b)
	}
	final := &Document{Meta: Meta{Issuer: Issuer{Name: "某省委办公厅"}, FiscalYear: 2017, Kind: KindFinalAccount, Scope: ScopeDepartment}}
	if DisclosureID(final) == DisclosureID(tables) {
		t.Errorf("a final account shares the budget's id")
	}
	if id := DisclosureID(&Document{Meta: Meta{Issuer: Issuer{Name: "某局"}}}); id != "" {
		t.Errorf("no year: id %q, want none", id)
	}
}
