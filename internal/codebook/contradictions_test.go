package codebook_test

import (
	"strings"
	"testing"

	"github.com/yusuan/yusuan/internal/codebook"
)

func TestContradictionsOnlyOnNames(t *testing.T) {
	book := func(rows ...string) *codebook.Book {
		b, err := codebook.Parse(codebook.Header + "\n" + strings.Join(rows, "\n") + "\n")
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	committed := book("functional\t20508\t进修及培训\t2021\t2026\t2021,2026\t8\tx")
	moreSources := book("functional\t20508\t进修及培训\t2021\t2026\t2021,2022,2026\t9\tx; y")
	renamed := book("functional\t20508\t培训支出\t2021\t2026\t2021,2026\t8\tx")
	if got := contradictions(committed, moreSources); len(got) != 0 {
		t.Errorf("more years and sources are not a contradiction: %v", got)
	}
	if got := contradictions(committed, renamed); len(got) != 2 {
		t.Errorf("another name in the same years: %v, want 2 contradictions", got)
	}
}
