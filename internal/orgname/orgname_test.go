package orgname

import "testing"

func TestHasSuffix(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"某某市某某局", true},
		{"某某区人民政府", true},
		{"某某大学", true},
		{"某某街道", true},
		{"2026年部门预算", false},
		{"收支总表", false},
		{"", false},
	} {
		if got := HasSuffix(c.s); got != c.want {
			t.Errorf("HasSuffix(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
