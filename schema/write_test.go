package schema

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/prov"
)

// amt builds an Amount from a printed value and unit.
func sampleAmount(value, unit string, at prov.At) *Amount {
	v := decimal.MustParse(value)
	y := v
	switch unit {
	case "万元":
		y = v.Shift(4)
	case "亿元":
		y = v.Shift(8)
	}
	return &Amount{Yuan: y, Value: v, Unit: unit, Text: value + unit, At: at}
}

func sampleDec(s string) *decimal.Decimal { d := decimal.MustParse(s); return &d }

// sampleDocs returns two hand-built documents: a PDF budget that sets nearly
// every field (including HTML-special characters and a long section), and a
// sparse text final account with nil slices and absent amounts.
func sampleDocs() []*Document {
	bbox := [4]float64{72, 540, 300, 552}
	line := func(n int) prov.At { return prov.At{Line: n} }
	page := prov.At{Page: 4, BBox: &bbox}
	d1 := &Document{
		SchemaVersion: Version,
		Status:        StatusOK,
		Source:        Source{Path: "samples/廊坊/科技局2020预算.pdf", Format: "pdf", SHA256: strings.Repeat("ab", 32), Bytes: 123456, Pages: 12},
		Meta: Meta{
			Title: "廊坊市广阳区科学技术局2020年部门预算", FiscalYear: 2020, Kind: KindBudget, Scope: ScopeDepartment,
			Issuer: Issuer{Name: "廊坊市广阳区科学技术局", OtherNames: []string{"广阳区地震局", "区科协"}, Code: "481"},
			Region: Region{Province: "河北省", City: "廊坊市", County: "广阳区"},
			Unit:   "万元",
		},
		Sections: []Section{
			{Key: SecResponsibilities, Heading: "部门职责", Number: "一、", Level: 1, Text: "贯彻落实 <科技> & 创新政策。", At: page},
			{Key: SecOther, Keys: []string{SecOther, SecGlossary}, Heading: "长文", Number: "（二）", Level: 2, Text: strings.Repeat("预", 40000), At: line(90)},
		},
		Responsibilities: []string{"贯彻落实科技政策"},
		Summary: Summary{
			Revenue:     Revenue{Total: sampleAmount("454.70", "万元", page), GeneralPublicBudget: sampleAmount("454.70", "万元", page), CarriedOver: sampleAmount("0", "万元", page)},
			Expenditure: Expenditure{Total: sampleAmount("454.70", "万元", page), Basic: sampleAmount("300.5", "万元", page), Project: sampleAmount("154.2", "万元", page)},
			Change:      Change{Total: sampleAmount("-12.3", "万元", page), Reasons: []string{"人员减少"}},
		},
		OperatingExpenses: sampleAmount("45.67", "万元", line(40)),
		OperatingExplain:  "办公费、水电费",
		ThreePublic:       ThreePublic{Total: sampleAmount("3.5", "万元", line(50)), Vehicles: sampleAmount("2.5", "万元", line(50)), Reception: sampleAmount("1", "万元", line(51)), OverseasTravel: sampleAmount("0", "万元", line(50))},
		Performance: Performance{
			Goals:    []Goal{{Text: "服务企业≥20家", Target: &Target{Comparator: CmpGE, Value: sampleDec("20"), Unit: "家", Text: "≥20家"}}},
			Programs: []Program{{Name: "科技创新", Requirement: "按期完成", Indicators: []string{"专利数"}}},
			IndicatorTables: []IndicatorTable{{Title: "项目绩效目标表", Goals: []string{"提升创新能力"}, At: page, Rows: []IndicatorRow{
				{Level1: "产出指标", Level2: "数量指标", Level3: "服务企业数", Description: "服务企业", Target: &Target{Comparator: CmpGE, Value: sampleDec("90"), Unit: "%", Text: "≥90百分比"}, Basis: "计划", At: page.InTable(2, 3, 1)},
				{Level1: "效益指标", Level2: "社会效益指标", Level3: "社会影响", Target: &Target{Comparator: CmpText, Text: "显著提升"}, At: page},
			}}},
		},
		Procurement: Procurement{Total: sampleAmount("10", "万元", line(60)), Goods: sampleAmount("10", "万元", line(60)), Items: []ProcurementItem{{Name: "电脑", Amount: sampleAmount("10", "万元", line(61))}}},
		Assets: Assets{AsOf: "2019-12-31", Total: sampleAmount("120.5", "万元", line(70)), Items: []AssetItem{
			{Name: "房屋", Quantity: sampleDec("350.5"), QuantityUnit: "平方米", Value: sampleAmount("100", "万元", line(71)), At: line(71)},
			{Name: "车辆", Quantity: sampleDec("2"), QuantityUnit: "辆", Value: sampleAmount("20.5", "万元", line(72)), Subitem: true, At: line(72)},
		}},
		Tables: []Table{{
			Kind: "B1", Title: "收支总体情况表", Unit: "万元",
			Header: [][]string{{"科目编码", "科目名称", "合计", "基本支出", "项目支出"}},
			Rows:   [][]string{{"201", "一般公共服务支出", "454.70", "300.50", ""}},
			At:     prov.At{Sheet: "表1", Cell: "A1"},
			LineItems: []LineItem{{Code: "201", Name: "一般公共服务支出", Level: "类", Classification: "functional",
				Amounts: map[ColumnKey]*Amount{"项目支出": nil, "基本支出": sampleAmount("300.50", "万元", page.InTable(0, 0, 3)), "合计": sampleAmount("454.70", "万元", page.InTable(0, 0, 2))},
				At:      page.InTable(0, 0, 0)}},
		}, {Kind: "F9", Title: "空表", Empty: true, EmptyNote: "本部门无政府性基金，故本表无数据"}},
		Glossary: []GlossaryEntry{{Term: "三公经费", Definition: "因公出国（境）费、公务用车购置及运行费和公务接待费"}},
		Findings: []Finding{
			{Rule: "summary.revenue_total_equals_parts", Severity: SevError, Message: "收入合计 4547000 ≠ 各项之和 4500000", Expected: "4500000", Actual: "4547000", At: []prov.At{page, line(3)}},
			{Rule: "three_public.total_equals_parts", Severity: SevWarning, Message: "三公 < 部分之和", At: []prov.At{line(50)}},
			{Rule: "extract.note", Severity: SevInfo, Message: "ok", At: nil},
		},
	}
	d2 := &Document{
		SchemaVersion:     Version,
		Status:            StatusOK,
		Source:            Source{Path: "samples/b.txt", Format: "txt", SHA256: strings.Repeat("cd", 32), Bytes: 99, Encoding: "gb18030"},
		Meta:              Meta{Title: "某单位2019年决算", FiscalYear: 2019, Kind: KindFinalAccount, Scope: ScopeUnit},
		Summary:           Summary{Revenue: Revenue{Total: sampleAmount("1234567.89", "元", line(5))}},
		ThreePublicBudget: &ThreePublic{Total: sampleAmount("1.5", "万元", line(9))},
	}
	return []*Document{d1, d2}
}

func TestWriteJSON(t *testing.T) {
	docs := sampleDocs()
	tests := []struct {
		name     string
		docs     []*Document
		pretty   bool
		wantArr  bool
		wantN    int
		contains []string
	}{
		{"one doc is an object", docs[:1], false, false, 1, []string{`"comparator":">="`, `"yuan":4547000`, `<科技> & 创新`}},
		{"two docs are an array", docs, true, true, 2, []string{`"comparator": ">="`, `"yuan": 1234567.89`}},
		{"no docs is an empty array", nil, false, true, 0, []string{`[]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteJSON(&buf, tt.docs, tt.pretty); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if !strings.HasSuffix(out, "\n") {
				t.Errorf("output does not end in a newline")
			}
			if got := strings.HasPrefix(out, "["); got != tt.wantArr {
				t.Errorf("array = %v, want %v", got, tt.wantArr)
			}
			if got := strings.Contains(out, "\n  "); got != tt.pretty {
				t.Errorf("indented = %v, want %v", got, tt.pretty)
			}
			for _, s := range tt.contains {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q", s)
				}
			}
			for _, s := range []string{`\u003c`, `\u003e`, `\u0026`} {
				if strings.Contains(out, s) {
					t.Errorf("output HTML-escapes: %s", s)
				}
			}
			var back []Document
			if tt.wantArr {
				err := json.Unmarshal(buf.Bytes(), &back)
				if err != nil {
					t.Fatal(err)
				}
			} else {
				var d Document
				if err := json.Unmarshal(buf.Bytes(), &d); err != nil {
					t.Fatal(err)
				}
				back = append(back, d)
			}
			if len(back) != tt.wantN {
				t.Fatalf("read back %d documents, want %d", len(back), tt.wantN)
			}
			for i := range back {
				if back[i].Source.Path != tt.docs[i].Source.Path {
					t.Errorf("doc %d path = %q, want %q", i, back[i].Source.Path, tt.docs[i].Source.Path)
				}
			}
		})
	}
	if err := WriteJSON(&bytes.Buffer{}, []*Document{docs[0], nil}, false); err == nil {
		t.Error("WriteJSON with a nil document: no error")
	}
}

func TestWriteJSONL(t *testing.T) {
	var buf bytes.Buffer
	docs := sampleDocs()
	for _, d := range docs {
		if err := WriteJSONL(&buf, d); err != nil {
			t.Fatal(err)
		}
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(docs) {
		t.Fatalf("%d lines, want %d", len(lines), len(docs))
	}
	for i, l := range lines {
		var d Document
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if d.Source.Path != docs[i].Source.Path {
			t.Errorf("line %d path = %q, want %q", i+1, d.Source.Path, docs[i].Source.Path)
		}
		if d.Summary.Revenue.Total == nil || !d.Summary.Revenue.Total.Yuan.Equal(docs[i].Summary.Revenue.Total.Yuan) {
			t.Errorf("line %d revenue total did not round-trip", i+1)
		}
	}
	if strings.Contains(lines[0], `\u003e`) || !strings.Contains(lines[0], `"comparator":">="`) {
		t.Errorf("line 1 escapes HTML characters")
	}
	if err := WriteJSONL(&buf, nil); err == nil {
		t.Error("WriteJSONL(nil): no error")
	}
}
