package pdf

import (
	"fmt"
	"math"

	lpdf "github.com/ledongthuc/pdf"
)

// Glyph is one shown character code on a page, in page space: PDF points,
// origin at the bottom-left of the upright page (CropBox origin moved to 0,0,
// page /Rotate applied), y growing upwards.
type Glyph struct {
	Text string // Unicode text (usually one rune), radical look-alikes folded
	// X0, Y0, X1, Y1 is the glyph box: advance width by an approximate
	// ascent/descent band around the baseline.
	X0, Y0, X1, Y1 float64
	// OX, OY is the origin (the pen position on the baseline).
	OX, OY float64
	Size   float64 // effective font size in points
	Rot    int     // text direction: 0 upright, 1 = 90° counter-clockwise, 2, 3
	Font   string  // base font name as in the file
	Bold   bool    // bold font name/weight, or fill-and-stroke rendering
}

// Rule is a ruling line in page space: a stroked straight segment, or a thin
// filled rectangle collapsed to its centre line. Horizontal rules have
// Y0 == Y1, vertical ones X0 == X1; X0 <= X1 and Y0 <= Y1.
type Rule struct {
	X0, Y0, X1, Y1 float64
}

// Horizontal reports whether r runs left to right.
func (r Rule) Horizontal() bool { return r.Y1-r.Y0 <= r.X1-r.X0 }

// Limits on the work one page may cause.
const (
	maxOpsPerPage    = 4 << 20
	maxOpsPerDoc     = 16 << 20 // against one heavy stream shown on every page (the corpus: under 1M)
	maxGlyphsPerPage = 1 << 20
	maxRulesPerPage  = 1 << 18
	maxFormDepth     = 32
	maxGStateDepth   = 1 << 10
)

// bailout is the private panic the interpreter raises on limits; the page
// recover turns it into a Problem.
type bailout struct{ err error }

type gstate struct {
	ctm                          matrix
	font                         *font
	fontSize, cs, ws, th, tl, ts float64
	render                       int
	lineWidth                    float64
}

type subpath struct {
	pts    [][2]float64
	closed bool
	rect   bool
}

// interp runs the content streams of one page.
type interp struct {
	doc    *reader
	page   *Page
	gs     gstate
	stack  []gstate
	tm     matrix
	tlm    matrix
	res    lpdf.Value
	resRef ref
	path   []subpath
	active map[ref]bool
	depth  int
	ops    int
}

func (in *interp) run(strm lpdf.Value, res lpdf.Value) {
	in.res, in.resRef = res, refOf(res)
	v, readErr, done, err := in.doc.content.of(strm)
	if err != nil {
		panic(bailout{err})
	}
	lpdf.Interpret(v, in.op)
	done()
	if readErr != nil {
		panic(readErr) // damaged input, as the object layer reports it
	}
}

func popArgs(stk *lpdf.Stack) []lpdf.Value {
	n := stk.Len()
	if n == 0 {
		return nil
	}
	args := make([]lpdf.Value, n)
	for i := n - 1; i >= 0; i-- {
		args[i] = stk.Pop()
	}
	return args
}

func argNum(args []lpdf.Value, i int) float64 {
	if i < len(args) {
		return num(args[i])
	}
	return 0
}

func (in *interp) op(stk *lpdf.Stack, op string) {
	in.ops++
	if in.ops%1024 == 0 {
		if err := in.doc.ctx.Err(); err != nil {
			panic(bailout{err})
		}
	}
	if in.ops > maxOpsPerPage {
		panic(bailout{fmt.Errorf("more than %d content operators", maxOpsPerPage)})
	}
	if in.doc.ops++; in.doc.ops > maxOpsPerDoc {
		panic(bailout{fmt.Errorf("more than %d content operators in the document", maxOpsPerDoc)})
	}
	args := popArgs(stk)
	gs := &in.gs
	switch op {
	case "q":
		if len(in.stack) < maxGStateDepth {
			in.stack = append(in.stack, *gs)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			*gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if len(args) == 6 {
			var m matrix
			for i := range 6 {
				m[i] = argNum(args, i)
			}
			gs.ctm = m.mul(gs.ctm)
		}
	case "w":
		gs.lineWidth = argNum(args, 0)
	case "BT":
		in.tm, in.tlm = identity, identity
	case "ET":
	case "Tf":
		if len(args) == 2 {
			gs.font = in.font(args[0].Name())
			gs.fontSize = num(args[1])
		}
	case "Tc":
		gs.cs = argNum(args, 0)
	case "Tw":
		gs.ws = argNum(args, 0)
	case "Tz":
		gs.th = argNum(args, 0) / 100
	case "TL":
		gs.tl = argNum(args, 0)
	case "Ts":
		gs.ts = argNum(args, 0)
	case "Tr":
		gs.render = int(argNum(args, 0))
	case "Td":
		in.td(argNum(args, 0), argNum(args, 1))
	case "TD":
		gs.tl = -argNum(args, 1)
		in.td(argNum(args, 0), argNum(args, 1))
	case "Tm":
		if len(args) == 6 {
			var m matrix
			for i := range 6 {
				m[i] = argNum(args, i)
			}
			in.tm, in.tlm = m, m
		}
	case "T*":
		in.td(0, -gs.tl)
	case "Tj":
		if len(args) > 0 {
			in.show(args[len(args)-1].RawString())
		}
	case "'":
		in.td(0, -gs.tl)
		if len(args) > 0 {
			in.show(args[len(args)-1].RawString())
		}
	case "\"":
		if len(args) == 3 {
			gs.ws, gs.cs = num(args[0]), num(args[1])
		}
		in.td(0, -gs.tl)
		if len(args) > 0 {
			in.show(args[len(args)-1].RawString())
		}
	case "TJ":
		if len(args) == 0 {
			break
		}
		a := args[len(args)-1]
		for i := range a.Len() {
			v := a.Index(i)
			switch v.Kind() {
			case lpdf.String:
				in.show(v.RawString())
			case lpdf.Integer, lpdf.Real:
				tx := -num(v) / 1000 * gs.fontSize * gs.th
				in.tm = matrix{1, 0, 0, 1, tx, 0}.mul(in.tm)
			}
		}
	case "Do":
		if len(args) > 0 {
			in.do(args[0].Name())
		}
	case "m":
		if len(args) == 2 {
			x, y := gs.ctm.apply(num(args[0]), num(args[1]))
			in.path = append(in.path, subpath{pts: [][2]float64{{x, y}}})
		}
	case "l":
		if len(args) == 2 && len(in.path) > 0 {
			x, y := gs.ctm.apply(num(args[0]), num(args[1]))
			sp := &in.path[len(in.path)-1]
			if len(sp.pts) < 1<<16 {
				sp.pts = append(sp.pts, [2]float64{x, y})
			}
		}
	case "c", "v", "y":
		// A curve ends the straight run: start a new subpath at its end point.
		if len(args) >= 4 {
			x, y := gs.ctm.apply(num(args[len(args)-2]), num(args[len(args)-1]))
			in.path = append(in.path, subpath{pts: [][2]float64{{x, y}}})
		}
	case "h":
		if len(in.path) > 0 {
			in.path[len(in.path)-1].closed = true
		}
	case "re":
		if len(args) == 4 {
			x, y, w, h := num(args[0]), num(args[1]), num(args[2]), num(args[3])
			sp := subpath{closed: true, rect: true}
			for _, p := range [][2]float64{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}} {
				px, py := gs.ctm.apply(p[0], p[1])
				sp.pts = append(sp.pts, [2]float64{px, py})
			}
			in.path = append(in.path, sp)
		}
	case "S", "s":
		in.paint(true, false)
	case "f", "F", "f*":
		in.paint(false, true)
	case "B", "B*", "b", "b*":
		in.paint(true, true)
	case "n":
		in.path = in.path[:0]
	}
	if len(in.path) > 1<<16 {
		in.path = in.path[:0]
	}
}

func (in *interp) td(tx, ty float64) {
	in.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(in.tlm)
	in.tm = in.tlm
}

// font returns the font named in the current resources, parsed once per document.
func (in *interp) font(name string) *font {
	k := fontKey{in.resRef, name}
	if f, ok := in.doc.fontsByRes[k]; ok {
		return f
	}
	v := in.res.Key("Font").Key(name)
	var f *font
	if v.Kind() == lpdf.Dict {
		fk := fontKey{refOf(v), name + "\x00" + v.Key("BaseFont").Name()}
		if f = in.doc.fonts[fk]; f == nil {
			f = loadFont(v)
			in.doc.fonts[fk] = f
		}
	}
	in.doc.fontsByRes[k] = f
	return f
}

// show draws a string with the current font.
func (in *interp) show(s string) {
	gs := &in.gs
	f := gs.font
	if f == nil {
		return
	}
	fs, th := gs.fontSize, gs.th
	base := matrix{fs * th, 0, 0, fs, 0, gs.ts}
	for len(s) > 0 {
		code, n := f.next(s)
		s = s[n:]
		w0 := f.width(code, n)
		txt := f.text(code, n)
		if txt != "" && !isBlank(txt) {
			in.emit(txt, w0, base.mul(in.tm).mul(gs.ctm), f)
		}
		tx := w0*fs + gs.cs
		if n == 1 && code == 32 {
			tx += gs.ws
		}
		in.tm = matrix{1, 0, 0, 1, tx * th, 0}.mul(in.tm)
	}
}

func isBlank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u3000', 0:
		default:
			return false
		}
	}
	return true
}

const (
	glyphAscent  = 0.85
	glyphDescent = -0.15
)

func (in *interp) emit(txt string, w0 float64, trm matrix, f *font) {
	p := in.page
	if len(p.Glyphs) >= maxGlyphsPerPage {
		panic(bailout{fmt.Errorf("more than %d glyphs", maxGlyphsPerPage)})
	}
	vs := f.vscale
	ox, oy := trm.apply(0, 0)
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range [4][2]float64{{0, glyphDescent * vs}, {w0, glyphDescent * vs}, {0, glyphAscent * vs}, {w0, glyphAscent * vs}} {
		x, y := trm.apply(c[0], c[1])
		x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
	}
	// Like pdftotext, keep a glyph that is at least partly on the page.
	if !(x1 >= 0 && y1 >= 0 && x0 <= p.Width && y0 <= p.Height) {
		return
	}
	size := math.Hypot(trm[2], trm[3]) * vs
	rot := 0
	ang := math.Atan2(trm[1], trm[0])
	switch {
	case ang > math.Pi/4 && ang <= 3*math.Pi/4:
		rot = 1
	case ang > 3*math.Pi/4 || ang <= -3*math.Pi/4:
		rot = 2
	case ang > -3*math.Pi/4 && ang <= -math.Pi/4:
		rot = 3
	}
	p.Glyphs = append(p.Glyphs, Glyph{
		Text: txt, X0: x0, Y0: y0, X1: x1, Y1: y1, OX: ox, OY: oy,
		Size: size, Rot: rot, Font: f.name, Bold: f.bold || in.gs.render == 2,
	})
}

// do runs a Form XObject.
func (in *interp) do(name string) {
	xo := in.res.Key("XObject").Key(name)
	if xo.Kind() != lpdf.Stream || xo.Key("Subtype").Name() != "Form" {
		return
	}
	r := refOf(xo)
	if in.active[r] || in.depth >= min(maxFormDepth, in.doc.opts.MaxDepth) {
		return
	}
	in.active[r] = true
	in.depth++
	saved, savedStack := in.gs, len(in.stack)
	savedRes, savedRef := in.res, in.resRef
	savedTm, savedTlm := in.tm, in.tlm
	if m, ok := matrixOf(xo.Key("Matrix")); ok {
		in.gs.ctm = m.mul(in.gs.ctm)
	}
	res := xo.Key("Resources")
	if res.Kind() != lpdf.Dict {
		res = savedRes
	}
	in.path = in.path[:0]
	in.run(xo, res)
	in.gs, in.stack = saved, in.stack[:min(savedStack, len(in.stack))]
	in.res, in.resRef = savedRes, savedRef
	in.tm, in.tlm = savedTm, savedTlm
	in.depth--
	delete(in.active, r)
}

// paint turns the current path into rules and clears it.
func (in *interp) paint(stroke, fill bool) {
	p := in.page
	add := func(x0, y0, x1, y1 float64) {
		if len(p.Rules) >= maxRulesPerPage {
			return
		}
		if x0 > x1 {
			x0, x1 = x1, x0
		}
		if y0 > y1 {
			y0, y1 = y1, y0
		}
		p.Rules = append(p.Rules, Rule{x0, y0, x1, y1})
	}
	for _, sp := range in.path {
		pts := sp.pts
		if fill && !stroke {
			// A thin filled rectangle is a rule; a wide one is a cell shade.
			if len(pts) < 4 || len(pts) > 5 || !axisBox(pts) {
				continue
			}
			x0, y0, x1, y1 := bounds(pts)
			w, h := x1-x0, y1-y0
			switch {
			case h <= 3 && w >= 2:
				add(x0, (y0+y1)/2, x1, (y0+y1)/2)
			case w <= 3 && h >= 2:
				add((x0+x1)/2, y0, (x0+x1)/2, y1)
			}
			continue
		}
		n := len(pts)
		for i := 0; i+1 < n || (sp.closed && i < n && n > 2); i++ {
			a, b := pts[i], pts[(i+1)%n]
			dx, dy := b[0]-a[0], b[1]-a[1]
			switch {
			case math.Abs(dy) <= 1 && math.Abs(dx) >= 2:
				y := (a[1] + b[1]) / 2
				add(a[0], y, b[0], y)
			case math.Abs(dx) <= 1 && math.Abs(dy) >= 2:
				x := (a[0] + b[0]) / 2
				add(x, a[1], x, b[1])
			}
		}
	}
	in.path = in.path[:0]
}

func axisBox(pts [][2]float64) bool {
	for i := range pts {
		a, b := pts[i], pts[(i+1)%len(pts)]
		if math.Abs(a[0]-b[0]) > 0.5 && math.Abs(a[1]-b[1]) > 0.5 {
			return false
		}
	}
	return true
}

func bounds(pts [][2]float64) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		x0, y0, x1, y1 = min(x0, p[0]), min(y0, p[1]), max(x1, p[0]), max(y1, p[1])
	}
	return
}
