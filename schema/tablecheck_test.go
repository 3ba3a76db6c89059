package schema

import (
	"strings"
	"testing"
	"unicode"
)

// selfCheckB5 is a B5 whose figures are set per row: 201 = 20103 =
// 2010301 + 2010302, each row total = basic + project, and the 合计 row.
func selfCheckB5(rows map[string][3]string) Table {
	row := func(code, name string) LineItem {
		v := rows[code]
		return item(code, name, "", "", "", map[ColumnKey]*Amount{ColTotal: yuan(v[0]), ColBasic: yuan(v[1]), ColProject: yuan(v[2])})
	}
	tot := rows["合计"]
	return Table{Kind: KindB5,
		Columns: []Column{{Key: ColTotal, Parts: []ColumnKey{ColBasic, ColProject}}, {Key: ColBasic}, {Key: ColProject}},
		LineItems: []LineItem{
			item("", "合计", "", "", RowTotal, map[ColumnKey]*Amount{ColTotal: yuan(tot[0]), ColBasic: yuan(tot[1]), ColProject: yuan(tot[2])}),
			row("201", "一般公共服务支出"),
			row("20103", "政府办公厅（室）及相关机构事务"),
			row("2010301", "行政运行"),
			row("2010302", "一般行政管理事务"),
		}}
}

var consistent = map[string][3]string{
	"合计": {"100.00", "60.00", "40.00"}, "201": {"100.00", "60.00", "40.00"}, "20103": {"100.00", "60.00", "40.00"},
	"2010301": {"60.00", "60.00", "0.00"}, "2010302": {"40.00", "0.00", "40.00"},
}

// with returns consistent with some rows replaced.
func with(changes map[string][3]string) map[string][3]string {
	out := map[string][3]string{}
	for k, v := range consistent {
		out[k] = v
	}
	for k, v := range changes {
		out[k] = v
	}
	return out
}

// TestTableSelfCheck: a table whose identities hold is ok; one whose broken
// sums all miss by one amount is inconsistent and gives one finding; one
// that breaks by several unrelated amounts — a misreading — is unreadable:
// one info note, none of its own findings, and it is no longer the B5 the
// summary and the cross-table rules read.
func TestTableSelfCheck(t *testing.T) {
	tests := []struct {
		name       string
		rows       map[string][3]string
		status     string
		findings   []string // rule:severity of the non-info findings and the unreadable note
		tableFound bool     // Document.Table(KindB5) still returns it
	}{
		{"consistent", consistent, CheckOK, nil, true},
		{"within rounding", with(map[string][3]string{"201": {"100.01", "60.00", "40.00"}}), CheckOK, nil, true},
		// 2010302's project printed 50 instead of 40: its row, 20103 and 201's
		// project sums and the 合计 all miss by 10 — one cause.
		{"one root cause", with(map[string][3]string{"2010302": {"40.00", "0.00", "50.00"}}), CheckInconsistent,
			[]string{"tables.row_total_equals_parts:warning"}, true},
		// Figures shifted into the wrong columns in several rows: sums miss by
		// unrelated amounts.
		{"misread", with(map[string][3]string{
			"2010301": {"60.00", "0.00", "60.00"},
			"20103":   {"60.00", "40.00", "100.00"},
			"201":     {"100.00", "100.00", "7.00"},
		}), CheckUnreadable, []string{"tables.unreadable:info"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Document{Tables: []Table{selfCheckB5(tt.rows)}}
			Validate(d)
			if c := d.Tables[0].Check; c == nil || c.Status != tt.status {
				t.Fatalf("check = %+v, want status %s", c, tt.status)
			}
			if c := d.Tables[0].Check; c.Status != CheckOK && (!hasHan(c.Reason) || c.ReasonEn == "" || c.ReasonEn == c.Reason) {
				t.Errorf("reason = %q / %q, want Chinese and English", c.Reason, c.ReasonEn)
			}
			var got []string
			for _, f := range d.Findings {
				if f.Severity != SevInfo || f.Rule == ruleTableUnreadable {
					got = append(got, f.Rule+":"+f.Severity)
				}
				if d.Tables[0].Unreadable() && f.Rule != ruleTableUnreadable {
					t.Errorf("a finding on an unreadable table: %s %s", f.Rule, f.Message)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.findings, ",") {
				t.Errorf("findings %v, want %v; all: %+v", got, tt.findings, d.Findings)
			}
			if found := d.Table(KindB5) != nil; found != tt.tableFound {
				t.Errorf("Document.Table(B5) found = %v, want %v", found, tt.tableFound)
			}
		})
	}
}

// TestCarryOverConvention: two figures that differ by exactly the printed
// carry-over are the same sum with and without it — info, not an error.
func TestCarryOverConvention(t *testing.T) {
	b1 := Table{Kind: KindB1, LineItems: []LineItem{
		item("", "一般公共预算", SideRevenue, RowRevenueGeneralPublicBudget, "", map[ColumnKey]*Amount{ColTotal: yuan("450.00")}),
		item("", "本年收入合计", SideRevenue, RowRevenueTotal, RowTotal, map[ColumnKey]*Amount{ColTotal: yuan("450.00")}),
		item("", "上年结转", SideRevenue, RowRevenueCarriedOver, "", map[ColumnKey]*Amount{ColTotal: yuan("50.00")}),
		item("", "收入总计", SideRevenue, RowRevenueGrandTotal, RowGrandTotal, map[ColumnKey]*Amount{ColTotal: yuan("500.00")}),
	}}
	d := &Document{Tables: []Table{b1}}
	d.Summary.Revenue.Total = text("500.00") // the narrative's 收入 includes the carry-over
	Validate(d)
	for _, f := range d.Findings {
		if f.Rule == "summary.narrative_vs_table" {
			if f.Severity != SevInfo || !strings.Contains(f.MessageEn, "carry-over") || !strings.Contains(f.Message, "结转") {
				t.Errorf("narrative 500 vs table 450 with 50 carried over: %s %s / %s", f.Severity, f.Message, f.MessageEn)
			}
			return
		}
	}
	t.Errorf("no summary.narrative_vs_table finding; findings: %+v", d.Findings)
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
