package pathtext

import "testing"

func TestDisplay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a/b.pdf", "a/b.pdf"},
		{"预算 2024.pdf", "预算 2024.pdf"},
		{"a\nb.pdf", `"a\nb.pdf"`},
		{"\xb9\xfa.txt", `"\xb9\xfa.txt"`},
		{"tab\there", `"tab\there"`},
	}
	for _, tc := range tests {
		if got := Display(tc.in); got != tc.want {
			t.Errorf("Display(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestFaithful(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a/预算.pdf", "a/预算.pdf"},
		{"\xb9\xfa\xbc\xd2.txt", `\xb9\xfa\xbc\xd2.txt`}, // GBK 国家
		{`dir\x41.txt`, `dir\\x41.txt`},
		{"mix\xff预算\\x.pdf", `mix\xff预算\\x.pdf`},
	}
	for _, tc := range tests {
		got := Faithful(tc.in)
		if got != tc.want {
			t.Errorf("Faithful(%q) = %s, want %s", tc.in, got, tc.want)
		}
		if back := Unescape(got); back != tc.in {
			t.Errorf("Unescape(Faithful(%q)) = %q", tc.in, back)
		}
	}
}
