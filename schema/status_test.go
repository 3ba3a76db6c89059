package schema

import "testing"

func TestDocumentStatus(t *testing.T) {
	figure := sampleAmount("1.5", "万元", At{Line: 1})
	table := Table{Kind: "B1", Header: [][]string{{"项目", "合计"}}, Rows: [][]string{{"收入合计", ""}}}
	filled := Table{Kind: "B1", Header: [][]string{{"项目", "合计"}}, Rows: [][]string{{"收入合计", "1.5"}},
		LineItems: []LineItem{{Name: "收入合计", Amounts: map[ColumnKey]*Amount{"total": figure}}}}
	noText := Finding{Rule: "extract.no_text_layer", Severity: SevWarning}
	cut := Finding{Rule: "extract.page_limit", Severity: SevWarning}
	tests := []struct {
		name string
		doc  Document
		want string
	}{
		{"headline figure", Document{Summary: Summary{Revenue: Revenue{Total: figure}}}, StatusOK},
		{"table figures", Document{Tables: []Table{filled}}, StatusOK},
		{"three_public only", Document{ThreePublic: ThreePublic{Total: figure}}, StatusOK},
		{"blank form", Document{Tables: []Table{table}}, StatusTemplate},
		{"blank form with codes read as amounts", Document{Tables: []Table{{Kind: "F2", Rows: [][]string{{"", "205"}},
			LineItems: []LineItem{{Amounts: map[ColumnKey]*Amount{"total": figure}}}}}}, StatusTemplate},
		{"notes", Document{Sections: []Section{{Heading: "说明", Text: "见附件"}}}, StatusNotADisclosure},
		{"image pages", Document{Findings: []Finding{noText, noText}}, StatusNoText},
		{"image pages beside text figures", Document{Findings: []Finding{noText}, Tables: []Table{filled}}, StatusOK},
		{"cut", Document{Findings: []Finding{cut}, Tables: []Table{filled}}, StatusPartial},
		{"cut before any figure", Document{Findings: []Finding{cut}}, StatusPartial},
		{"government", Document{Meta: Meta{Scope: "government"}, Summary: Summary{Expenditure: Expenditure{Total: figure}}}, StatusGovernmentReport},
	}
	for _, tc := range tests {
		if got := DocumentStatus(&tc.doc); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		if _, ok := StatusDescriptions[tc.want]; !ok {
			t.Errorf("no description for %s", tc.want)
		}
	}
}
