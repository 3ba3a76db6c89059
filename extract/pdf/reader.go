package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"unicode/utf8"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/prov"
)

// Page is the raw layer of one page: what a table-reconstruction step needs.
type Page struct {
	Number        int     // 1-based
	Width, Height float64 // upright size in points (CropBox, rotation applied)
	Glyphs        []Glyph // in content-stream order
	Rules         []Rule  // ruling lines
	Failed        bool    // the page could not be interpreted (see File.Problems)
}

// File is a PDF read down to glyphs and rules, before layout analysis.
type File struct {
	Pages    []*Page
	NumPages int // pages in the file (Pages may hold fewer under Options.MaxPages)
	Title    string
	Outline  []extract.OutlineItem
	Problems []extract.Problem
}

type fontKey struct {
	r    ref
	name string
}

// reader holds the per-document state: the object reader and the font cache.
type reader struct {
	r          *lpdf.Reader
	opts       extract.Options
	fonts      map[fontKey]*font
	fontsByRes map[fontKey]*font
	pageRefs   map[ref]int
	pages      []pageNode
	ctx        context.Context
	content    contentCache
	ops        int // content operators run in the document
}

// pageNode is a page object with the attributes it inherits from the page
// tree, gathered on the way down: looking them up through /Parent would
// re-read the parent (and its whole /Kids array) for every page, which is
// quadratic on a flat tree.
type pageNode struct {
	v                                    lpdf.Value
	mediaBox, cropBox, rotate, resources lpdf.Value
}

// inheritable returns n's attributes, overridden by those v sets itself.
func (n pageNode) inheritable(v lpdf.Value) pageNode {
	for _, a := range []struct {
		key string
		to  *lpdf.Value
	}{{"MediaBox", &n.mediaBox}, {"CropBox", &n.cropBox}, {"Rotate", &n.rotate}, {"Resources", &n.resources}} {
		if x := v.Key(a.key); !x.IsNull() {
			*a.to = x
		}
	}
	n.v = v
	return n
}

// maxPageTreeNodes bounds the nodes visited when walking the page tree.
const maxPageTreeNodes = 1 << 20

// collectPages walks the page tree once, in order, guarding against cycles
// and deep nesting (ledongthuc/pdf's Reader.Page loops forever on a tree
// whose Kids point back up, and costs O(n) per page). It keeps the first
// limit pages and counts all it finds (at most maxPageTreeNodes): the
// count, not the tree's /Count, is the number of pages of the file.
func collectPages(node lpdf.Value, limit, depth int) (pages []pageNode, found int) {
	seen := map[ref]bool{}
	visits := 0
	var walk func(v lpdf.Value, up pageNode, d int)
	walk = func(v lpdf.Value, up pageNode, d int) {
		if visits >= maxPageTreeNodes || d > depth || v.Kind() != lpdf.Dict {
			return
		}
		visits++
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || kids.Kind() != lpdf.Array {
			found++
			if len(pages) < limit {
				pages = append(pages, up.inheritable(v))
			}
			return
		}
		r := refOf(v)
		if seen[r] {
			return
		}
		seen[r] = true
		here := up.inheritable(v)
		for i := range kids.Len() {
			walk(kids.Index(i), here, d+1)
		}
	}
	walk(node, pageNode{}, 0)
	return pages, found
}

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)`)
	prevRe      = regexp.MustCompile(`/Prev\s+(\d+)`)
)

// checkXrefChain follows the startxref and /Prev chain before the object
// layer does, because ledongthuc/pdf loops forever on a /Prev cycle.
func checkXrefChain(data []byte) error {
	tail := data[max(0, len(data)-1024):]
	ms := startxrefRe.FindAllSubmatch(tail, -1)
	if ms == nil {
		return nil // the object layer reports the missing startxref
	}
	off, _ := strconv.Atoi(string(ms[len(ms)-1][1]))
	seen := map[int]bool{}
	for hops := 0; ; hops++ {
		if off <= 0 || off >= len(data) {
			return nil
		}
		if seen[off] || hops > 256 {
			return fmt.Errorf("%w: cross-reference /Prev chain loops", extract.ErrCorrupt)
		}
		seen[off] = true
		// The trailer (or xref stream dictionary) follows within the section.
		end := len(data)
		if i := bytes.Index(data[off:], []byte("startxref")); i >= 0 {
			end = off + i
		}
		sec := data[off:end]
		if i := bytes.Index(sec, []byte("stream")); i >= 0 && !bytes.HasPrefix(sec, []byte("xref")) {
			sec = sec[:i]
		}
		m := prevRe.FindSubmatch(sec)
		if m == nil {
			return nil
		}
		off, _ = strconv.Atoi(string(m[1]))
	}
}

// Read parses data and interprets every page (up to opts.MaxPages) into
// glyphs and rules. A page that fails is reported in Problems and marked
// Failed; the others stand. Errors wrap extract.ErrEncrypted,
// extract.ErrCorrupt or extract.ErrLimit.
func Read(ctx context.Context, data []byte, opts extract.Options) (f *File, err error) {
	opts = opts.WithDefaults()
	if int64(len(data)) > opts.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", extract.ErrTooLarge, len(data), opts.MaxBytes)
	}
	if i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")); i > 0 {
		data = data[i:]
	}
	r, err := open(data)
	if err != nil {
		return nil, err
	}
	d := &reader{r: r, opts: opts, ctx: ctx, fonts: map[fontKey]*font{}, fontsByRes: map[fontKey]*font{}, pageRefs: map[ref]int{},
		content: contentCache{streams: map[ref]cachedStream{}, docBudget: maxContentBytesPerDoc}}
	f = &File{}
	defer func() {
		if x := recover(); x != nil {
			f, err = nil, fmt.Errorf("%w: %s", extract.ErrCorrupt, brief(x))
		}
	}()
	root := r.Trailer().Key("Root")
	if root.Kind() != lpdf.Dict {
		return nil, fmt.Errorf("%w: no document catalog", extract.ErrCorrupt)
	}
	d.pages, f.NumPages = collectPages(root.Key("Pages"), opts.MaxPages, min(opts.MaxDepth, 64))
	if f.NumPages <= 0 {
		return nil, fmt.Errorf("%w: no pages", extract.ErrCorrupt)
	}
	f.Title = r.Trailer().Key("Info").Key("Title").Text()
	n := len(d.pages)
	if opts.MaxPages > 0 && n >= opts.MaxPages && f.NumPages > n {
		f.Problems = append(f.Problems, extract.Problem{
			Code:    "extract.page_limit",
			Message: fmt.Sprintf("%d pages, only the first %d read (the page limit)", f.NumPages, n),
			At:      prov.At{Page: n + 1},
		})
	}
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, perr := d.page(i)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if perr != nil {
			p.Failed = true
			f.Problems = append(f.Problems, extract.Problem{
				Code:    "extract.page_failed",
				Message: fmt.Sprintf("pdf page %d: %v", i, perr),
				At:      prov.At{Page: i},
			})
		}
		f.Pages = append(f.Pages, p)
	}
	f.Outline = d.outline(root)
	return f, nil
}

// tidy works around two strictnesses of the object layer that other
// readers forgive: bytes after the last %%EOF (a mail gateway's footer, a
// download appended to) are dropped, and a version header it does not know
// ("%PDF-2.0", "%PDF-1.7 " with a trailing space) is rewritten in a copy to
// one it does. Offsets are unchanged, so the cross-reference table stays valid.
func tidy(data []byte) []byte {
	if i := bytes.LastIndex(data, []byte("%%EOF")); i >= 0 && len(data)-i > 5+2 {
		data = data[:i+5]
	}
	if len(data) > 9 && bytes.HasPrefix(data, []byte("%PDF-")) {
		v := data[5:9]
		ok := v[0] == '1' && v[1] == '.' && v[2] >= '0' && v[2] <= '7' && (v[3] == '\r' || v[3] == '\n')
		if !ok {
			c := append([]byte(nil), data...)
			copy(c[5:9], "1.7\n")
			data = c
		}
	}
	return data
}

// open opens the object layer, mapping its failures onto our sentinels.
func open(data []byte) (r *lpdf.Reader, err error) {
	// BUG(yusuan): ledongthuc/pdf can fail with a runtime error (index out
	// of range, nil map) on hostile input; such panics are reported as
	// ErrCorrupt here and in Read rather than re-raised.
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("%w: %s", extract.ErrCorrupt, brief(x))
		}
	}()
	data = tidy(data)
	if err := checkXrefChain(data); err != nil {
		return nil, err
	}
	r, err = lpdf.NewReaderEncrypted(bytes.NewReader(data), int64(len(data)), func() string { return "" })
	if err == nil {
		return r, nil
	}
	if errors.Is(err, lpdf.ErrInvalidPassword) || strings.Contains(err.Error(), "password") {
		return nil, fmt.Errorf("%w: %v", extract.ErrEncrypted, err)
	}
	if strings.Contains(err.Error(), "encrypt") {
		return nil, fmt.Errorf("%w: unsupported encryption: %v", extract.ErrUnsupported, err)
	}
	if strings.Contains(err.Error(), "missing %%EOF") || strings.Contains(err.Error(), "startxref") {
		// The object layer says "not a PDF file"; the header said it is one.
		return nil, fmt.Errorf("%w: the end of the file (cross-reference table, %%%%EOF) is missing; was the download cut short?", extract.ErrCorrupt)
	}
	return nil, fmt.Errorf("%w: %s", extract.ErrCorrupt, brief(err))
}

// brief renders a failure of the object layer as one short line: its
// messages can carry kilobytes of the file ("malformed hex string" quotes
// the rest of its buffer).
func brief(x any) string {
	msg := fmt.Sprint(x)
	if len(msg) <= 120 && !strings.ContainsAny(msg, "\r\n") && utf8.ValidString(msg) {
		return msg
	}
	return extract.Excerpt(msg, 80)
}

// page interprets page i; a panic inside becomes its error.
func (d *reader) page(i int) (p *Page, err error) {
	p = &Page{Number: i, Width: 595, Height: 842}
	defer func() {
		if x := recover(); x != nil {
			switch e := x.(type) {
			case runtime.Error:
				// BUG(yusuan): a runtime error inside the object layer
				// (ledongthuc/pdf) on hostile input is also caught here so
				// that one page cannot take the document down.
				err = fmt.Errorf("internal error: %s", brief(e))
			case bailout:
				err = fmt.Errorf("%w: %v", extract.ErrLimit, e.err)
			default:
				err = fmt.Errorf("%w: %s", extract.ErrCorrupt, brief(x))
			}
		}
	}()
	pg := d.pages[i-1]
	if pg.v.IsNull() {
		return p, fmt.Errorf("%w: page object missing", extract.ErrCorrupt)
	}
	d.pageRefs[refOf(pg.v)] = i
	box := numArray(pg.cropBox)
	if len(box) != 4 {
		box = numArray(pg.mediaBox)
	}
	if len(box) != 4 || box[2] == box[0] || box[3] == box[1] {
		box = []float64{0, 0, 595, 842}
	}
	x0, y0, x1, y1 := min(box[0], box[2]), min(box[1], box[3]), max(box[0], box[2]), max(box[1], box[3])
	w, h := x1-x0, y1-y0
	ctm := matrix{1, 0, 0, 1, -x0, -y0}
	rot := ((int(pg.rotate.Int64())%360)/90*90 + 360) % 360
	switch rot {
	case 90:
		ctm = ctm.mul(matrix{0, -1, 1, 0, 0, w})
		p.Width, p.Height = h, w
	case 180:
		ctm = ctm.mul(matrix{-1, 0, 0, -1, w, h})
		p.Width, p.Height = w, h
	case 270:
		ctm = ctm.mul(matrix{0, 1, -1, 0, h, 0})
		p.Width, p.Height = h, w
	default:
		p.Width, p.Height = w, h
	}
	in := &interp{doc: d, page: p, active: map[ref]bool{}, tm: identity, tlm: identity}
	in.gs = gstate{ctm: ctm, th: 1, lineWidth: 1}
	contents := pg.v.Key("Contents")
	if contents.Kind() == lpdf.Stream || contents.Kind() == lpdf.Array {
		in.run(contents, pg.resources)
	}
	return p, nil
}

// outline reads the bookmarks, bounded in depth and count.
func (d *reader) outline(root lpdf.Value) (items []extract.OutlineItem) {
	defer func() {
		if x := recover(); x != nil {
			items = nil
		}
	}()
	budget := 10000
	var walk func(first lpdf.Value, level int) []extract.OutlineItem
	walk = func(it lpdf.Value, level int) []extract.OutlineItem {
		var out []extract.OutlineItem
		seen := map[ref]bool{}
		for it.Kind() == lpdf.Dict && budget > 0 && level <= min(32, d.opts.MaxDepth) {
			budget--
			r := refOf(it)
			if seen[r] {
				break
			}
			seen[r] = true
			o := extract.OutlineItem{Title: strings.TrimSpace(foldRadicals(it.Key("Title").Text())), Level: level}
			dest := it.Key("Dest")
			if dest.IsNull() {
				dest = it.Key("A").Key("D")
			}
			if dest.Kind() == lpdf.Name || dest.Kind() == lpdf.String {
				dest = d.namedDest(root, dest)
			}
			if dest.Kind() == lpdf.Dict {
				dest = dest.Key("D")
			}
			if pg := dest.Index(0); pg.Kind() == lpdf.Dict {
				o.Page = d.pageRefs[refOf(pg)]
			} else if pg.Kind() == lpdf.Integer {
				o.Page = int(pg.Int64()) + 1
			}
			o.Items = walk(it.Key("First"), level+1)
			out = append(out, o)
			it = it.Key("Next")
		}
		return out
	}
	return walk(root.Key("Outlines").Key("First"), 1)
}

// namedDest resolves a named destination through /Dests or the /Names tree.
func (d *reader) namedDest(root, name lpdf.Value) lpdf.Value {
	key := name.Name()
	if name.Kind() == lpdf.String {
		key = name.RawString()
	}
	if v := root.Key("Dests").Key(key); !v.IsNull() {
		return v
	}
	budget := 2000
	var find func(n lpdf.Value, depth int) lpdf.Value
	find = func(n lpdf.Value, depth int) lpdf.Value {
		if depth > 32 || budget <= 0 {
			return lpdf.Value{}
		}
		budget--
		names := n.Key("Names")
		for i := 0; i+1 < names.Len(); i += 2 {
			if names.Index(i).RawString() == key {
				return names.Index(i + 1)
			}
		}
		kids := n.Key("Kids")
		for i := range kids.Len() {
			k := kids.Index(i)
			lim := k.Key("Limits")
			if lim.Len() == 2 && (key < lim.Index(0).RawString() || key > lim.Index(1).RawString()) {
				continue
			}
			if v := find(k, depth+1); !v.IsNull() {
				return v
			}
		}
		return lpdf.Value{}
	}
	return find(root.Key("Names").Key("Dests"), 0)
}
