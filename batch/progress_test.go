package batch

import (
	"strings"
	"testing"
)

// TestSummaryCountsGovernmentReports: reports to the people's congress are
// counted apart from the department disclosures.
func TestSummaryCountsGovernmentReports(t *testing.T) {
	for _, c := range []struct {
		scopes []string
		want   string
	}{
		{[]string{"department", "government", "unit", "government"}, "2 of them are government budget reports"},
		{[]string{"department", "unit"}, ""},
	} {
		r := &Report{}
		for _, s := range c.scopes {
			r.Entries = append(r.Entries, Entry{Path: s + ".pdf", Format: "pdf", Status: StatusOK, Scope: s})
		}
		var b strings.Builder
		r.WriteSummary(&b)
		got := b.String()
		if c.want != "" && !strings.Contains(got, c.want) || c.want == "" && strings.Contains(got, "government") {
			t.Errorf("scopes %v: summary\n%s\nwant %q", c.scopes, got, c.want)
		}
	}
}
