package pdf

import (
	"bytes"
	"testing"
)

func TestTidy(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"clean", "%PDF-1.4\n...%%EOF\n", "%PDF-1.4\n...%%EOF\n"},
		{"junk after EOF", "%PDF-1.4\n...%%EOF\nsent via gateway", "%PDF-1.4\n...%%EOF"},
		{"version 2.0", "%PDF-2.0\n...%%EOF", "%PDF-1.7\n...%%EOF"},
		{"space after version", "%PDF-1.7 \n...%%EOF", "%PDF-1.7\n\n...%%EOF"},
		{"no EOF at all", "%PDF-1.4\nbroken", "%PDF-1.4\nbroken"},
	}
	for _, c := range cases {
		in := []byte(c.in)
		orig := append([]byte(nil), in...)
		if got := tidy(in); string(got) != c.want {
			t.Errorf("%s: tidy(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
		if !bytes.Equal(in, orig) {
			t.Errorf("%s: tidy changed its input", c.name)
		}
	}
}
