package radicals

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestSupplementIsUnicodes compares the table with the Unicode Character
// Database's EquivalentUnifiedIdeograph.txt where the system has it
// (Debian's unicode-data); it skips otherwise.
func TestSupplementIsUnicodes(t *testing.T) {
	f, err := os.Open("/usr/share/unicode/EquivalentUnifiedIdeograph.txt")
	if err != nil {
		t.Skip("no EquivalentUnifiedIdeograph.txt:", err)
	}
	defer f.Close()
	want := map[rune]rune{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		from, to, ok := strings.Cut(line, ";")
		if !ok {
			continue
		}
		lo, hi, isRange := strings.Cut(strings.TrimSpace(from), "..")
		if !isRange {
			hi = lo
		}
		l, err1 := strconv.ParseUint(lo, 16, 32)
		h, err2 := strconv.ParseUint(hi, 16, 32)
		u, err3 := strconv.ParseUint(strings.TrimSpace(to), 16, 32)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatalf("bad line %q", sc.Text())
		}
		for r := rune(l); r <= rune(h); r++ {
			if r >= 0x2E80 && r <= 0x2EFF {
				want[r] = rune(u)
			}
		}
	}
	if len(want) != len(supplement) {
		t.Errorf("%d entries, Unicode has %d", len(supplement), len(want))
	}
	for r, u := range want {
		if got, ok := supplement[r]; !ok || got != u {
			t.Errorf("supplement[%U] = %U, %v; Unicode says %U", r, got, ok, u)
		}
	}
}

func TestFold(t *testing.T) {
	for _, c := range []struct {
		in, want rune
		ok       bool
	}{{'⻔', '门', true}, {'⻅', '见', true}, {'⺟', '母', true}, {'⺼', '月', true}, {'⻏', '阝', true}, {'⻊', '足', true}, {'门', '门', false}, {'⼈', '⼈', false}, {0x2E9A, 0x2E9A, false}} {
		if got, ok := Fold(c.in); got != c.want || ok != c.ok {
			t.Errorf("Fold(%U) = %U, %v; want %U, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
