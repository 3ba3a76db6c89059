package pdf

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/yusuan/yusuan/extract"
)

func TestExtractTiny(t *testing.T) {
	data := tinyPDF(helvetica, nil, "BT /F1 12 Tf 72 700 Td (Hello World 2020) Tj ET 72 100 m 300 100 l S")
	f, err := Read(context.Background(), data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := f.Pages[0]
	if len(p.Rules) != 1 || !p.Rules[0].Horizontal() {
		t.Errorf("rules = %v, want one horizontal", p.Rules)
	}
	doc := Layout(f)
	if len(doc.Blocks) != 1 || doc.Blocks[0].Text != "Hello World 2020" {
		t.Fatalf("blocks = %+v", doc.Blocks)
	}
	if bb := doc.Blocks[0].At.BBox; bb == nil || bb[0] != 72 || bb[1] > 700 || bb[3] < 700 {
		t.Errorf("bbox = %v", bb)
	}
}

func TestExtractCIDFont(t *testing.T) {
	// Codes 1 2 (width 500 each) then 3 (⻔ folded to 门), 4 5 6 (一丁丂), 10 (width 250).
	data := cidPDF("BT /F1 10 Tf 100 700 Td <00010002000300040005000600 0a> Tj ET")
	f, err := Read(context.Background(), data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, g := range f.Pages[0].Glyphs {
		b.WriteString(g.Text)
	}
	if got := b.String(); got != "12门一丁丂" {
		t.Errorf("text = %q", got)
	}
	gs := f.Pages[0].Glyphs
	wantX := []float64{100, 105, 110, 120, 130, 140}
	for i, w := range wantX {
		if i < len(gs) && abs(gs[i].OX-w) > 1e-6 {
			t.Errorf("glyph %d at x=%v, want %v", i, gs[i].OX, w)
		}
	}
}

func TestErrors(t *testing.T) {
	good := tinyPDF(helvetica, nil, "BT /F1 12 Tf 72 700 Td (Hi) Tj ET")
	encrypted := strings.Replace(string(good), "/Root 1 0 R", "/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <"+
		strings.Repeat("11", 32)+"> /U <"+strings.Repeat("22", 32)+"> >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]", 1)
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"truncated", good[:len(good)/2], extract.ErrCorrupt},
		{"garbage", []byte("%PDF-1.4\n\x00\x01garbage garbage\n%%EOF\n"), extract.ErrCorrupt},
		{"not pdf", []byte("hello, world"), extract.ErrCorrupt},
		{"encrypted with password", []byte(encrypted), extract.ErrEncrypted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Extract(context.Background(), tc.data, extract.Options{})
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestPageProblems(t *testing.T) {
	data := tinyPDF(helvetica, nil, "BT /F1 12 Tf 72 700 Td (Page one) Tj ET", "0 0 m 10 10 l S", "BT /F1 12 Tf 72 700 Td (Page three) Tj ET")
	doc, err := Extract(context.Background(), data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Problems) != 1 || doc.Problems[0].Code != "extract.no_text_layer" || doc.Problems[0].At.Page != 2 ||
		doc.Problems[0].Message != "no text layer on page 2" {
		t.Errorf("problems = %+v", doc.Problems)
	}
	doc, err = Extract(context.Background(), data, extract.Options{MaxPages: 1})
	if err != nil || len(doc.Blocks) != 1 || doc.Pages != 3 {
		t.Errorf("MaxPages=1: %v %+v", err, doc)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add(tinyPDF(helvetica, nil, "BT /F1 12 Tf 72 700 Td (Hello) Tj ET"))
	f.Add(tinyPDF(helvetica, nil, "q 1 0 0 1 10 10 cm 0 0 100 0.5 re f Q BT /F1 9 Tf 2 Tr 1 0 0 1 50 50 Tm [(A)-300(B)] TJ T* (C) ' 1 2 (D) \" ET"))
	f.Add(cidPDF("BT /F1 10 Tf 100 700 Td <0001000200030004> Tj ET"))
	f.Add([]byte("%PDF-1.4\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang is a bug too: crash the worker so the fuzzer keeps the input.
		watchdog := time.AfterFunc(20*time.Second, func() { panic("Extract did not return within 20s") })
		defer watchdog.Stop()
		doc, err := Extract(context.Background(), data, extract.Options{MaxPages: 4, MaxBytes: 1 << 20})
		if err == nil && doc == nil {
			t.Fatal("nil document without error")
		}
	})
}
