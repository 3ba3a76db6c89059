package normalize_test

import (
	"strings"
	"testing"

	"github.com/yusuan/yusuan/normalize"
	"github.com/yusuan/yusuan/schema"
)

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in    string
		cmp   string
		value string // Value.String(); "" for none
		unit  string
	}{
		{"≥90百分比", ">=", "90", "%"},
		{"≥20亿元", ">=", "20", "亿元"},
		{"≤30排名", "<=", "30", "排名"},
		{"＞5次", ">", "5", "次"},
		{"＜3天", "<", "3", "天"},
		{"＝100%", "=", "100", "%"},
		{">=90%", ">=", "90", "%"},
		{"<=5", "<=", "5", ""},
		{"≧85％", ">=", "85", "%"},
		{"⩽1", "<=", "1", ""},
		{"≥ 90 %", ">=", "90", "%"},
		{"≥９０％", ">=", "90", "%"},
		{"≥1,500人次", ">=", "1500", "人次"},
		{"≤0.5%", "<=", "0.5", "%"},
		{"≥90.00%", ">=", "90.00", "%"},
		{"不低于95%", ">=", "95", "%"},
		{"不少于12次", ">=", "12", "次"},
		{"大于或等于80%", ">=", "80", "%"},
		{"达到100%", ">=", "100", "%"},
		{"不超过10万元", "<=", "10", "万元"},
		{"控制在300万元", "<=", "300", "万元"},
		{"小于等于2天", "<=", "2", "天"},
		{"大于50家", ">", "50", "家"},
		{"低于5%", "<", "5", "%"},
		{"95%以上", ">=", "95", "%"},
		{"95%及以上", ">=", "95", "%"},
		{"90分以上", ">=", "90", "分"},
		{"1000人次以上", ">=", "1000", "人次"},
		{"10%以内", "<=", "10", "%"},
		{"5个百分点以下", "<=", "5", "个百分点"},
		{"≤5%以内", "<=", "5", "%"}, // the printed comparator wins
		{"100%", "=", "100", "%"},
		{"12份", "=", "12", "份"},
		{"3", "=", "3", ""},
		{" 100% ", "=", "100", "%"},
		{"90百分比（%）", "=", "90", "%"},
		{"-5%", "=", "-5", "%"},
		{"≥90 按期完成全部培训任务和考核", ">=", "90", ""}, // a sentence is not a unit
		// qualitative
		{"明显提高", "text", "", ""},
		{"好", "text", "", ""},
		{"逐步提高", "text", "", ""},
		{"第1名", "text", "", ""},
		{"≥", "text", "", ""},
		{"较上年提高", "text", "", ""},
	}
	for _, tt := range tests {
		got := normalize.ParseTarget(tt.in)
		if got == nil {
			t.Errorf("ParseTarget(%q) = nil", tt.in)
			continue
		}
		value := ""
		if got.Value != nil {
			value = got.Value.String()
		}
		if got.Comparator != tt.cmp || value != tt.value || got.Unit != tt.unit {
			t.Errorf("ParseTarget(%q) = {%q %q %q}, want {%q %q %q}", tt.in, got.Comparator, value, got.Unit, tt.cmp, tt.value, tt.unit)
		}
		if got.Text != strings.TrimSpace(tt.in) {
			t.Errorf("ParseTarget(%q).Text = %q", tt.in, got.Text)
		}
		if (got.Comparator == schema.CmpText) != (got.Value == nil) {
			t.Errorf("ParseTarget(%q): comparator %q with value %v", tt.in, got.Comparator, got.Value)
		}
	}
	for _, in := range []string{"", " ", "\t\n"} {
		if got := normalize.ParseTarget(in); got != nil {
			t.Errorf("ParseTarget(%q) = %+v, want nil", in, got)
		}
	}
}

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"≥90百分比", "≥20亿元", "≤30排名", "＞5次", "不低于95%", "不超过10万元", "95%以上", "100%", "明显提高", ""} {
		f.Add(s)
	}
	valid := map[string]bool{">=": true, "<=": true, "=": true, ">": true, "<": true}
	f.Fuzz(func(t *testing.T, s string) {
		got := normalize.ParseTarget(s)
		if got == nil {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ParseTarget(%q) = nil", s)
			}
			return
		}
		switch {
		case got.Comparator == schema.CmpText:
			if got.Value != nil {
				t.Fatalf("ParseTarget(%q): text with a value", s)
			}
		case !valid[got.Comparator] || got.Value == nil:
			t.Fatalf("ParseTarget(%q) = {%q %v}", s, got.Comparator, got.Value)
		}
		if got.Text != strings.TrimSpace(s) {
			t.Fatalf("ParseTarget(%q).Text = %q", s, got.Text)
		}
	})
}
