package pdf

import (
	"bytes"
	"fmt"
)

// tinyPDF builds a one-font PDF whose pages have the given content streams.
// font is the font dictionary body; extra objects (numbered from 100) may be
// referenced from it.
func tinyPDF(font string, extra []string, contents ...string) []byte {
	var objs []string
	n := len(contents)
	kids := ""
	for i := range n {
		kids += fmt.Sprintf("%d 0 R ", 10+2*i)
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>")
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n))
	objs = append(objs, font)
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := map[int]int{}
	write := func(id int, body string) {
		offs[id] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", id, body)
	}
	for i, o := range objs {
		write(i+1, o)
	}
	for i, c := range contents {
		write(10+2*i, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 11+2*i))
		write(11+2*i, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(c), c))
	}
	for i, e := range extra {
		write(100+i, e)
	}
	maxID := 100 + len(extra)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", maxID)
	for id := 1; id < maxID; id++ {
		if o, ok := offs[id]; ok {
			fmt.Fprintf(&b, "%010d 00000 n \n", o)
		} else {
			fmt.Fprintf(&b, "0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", maxID, xref)
	return b.Bytes()
}

// helvetica is a simple WinAnsi font with widths for ' ' to 'z'.
const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 122 /Widths [" +
	"278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556 " +
	"1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 " +
	"333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500] >>"

// cidFont is an Identity-H font with a ToUnicode map (object 100) and /W.
const cidFont = "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /ToUnicode 100 0 R " +
	"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000 /W [1 [500 500] 10 12 250] >>] >>"

const cidToUnicode = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfchar
<0001> <0031>
<0002> <0032>
<0003> <2ED4>
endbfchar
1 beginbfrange
<0004> <0006> <4E00>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`

func cidPDF(contents ...string) []byte {
	s := fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(cidToUnicode), cidToUnicode)
	return tinyPDF(cidFont, []string{s}, contents...)
}
