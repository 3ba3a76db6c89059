package inspecthtml

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

var (
	//go:embed assets/page.css
	pageCSS string
	//go:embed assets/page.js
	pageJS string
	//go:embed assets/page.html.tmpl
	pageTmpl string

	pageTemplate = template.Must(template.New("page").Parse(pageTmpl))
)

// Options adjust a page.
type Options struct {
	// IndexLink, if set, is a relative link back to a site's index page.
	IndexLink string
}

// Write renders the inspection page of one document. x is the
// intermediate document the extractor produced for it; nil draws the
// schema's tables alone (for a batch output whose source file is gone).
func Write(w io.Writer, x *extract.Document, d *schema.Document, opts Options) error {
	if d == nil {
		return fmt.Errorf("inspect html: no document")
	}
	fromJSON := x == nil
	if x == nil {
		x = fromSchema(d)
	}
	b := newBuilder(x, d)
	b.layout()
	b.describeTables()
	fs := Fields(d)
	placedAll, unplaced := b.place(fs)
	located := b.locateFindings()
	v := pageView{
		Title:    titleOf(d, x),
		Source:   d.Source.Path,
		Format:   string(x.Format),
		FromJSON: fromJSON,
		CSS:      template.CSS(pageCSS),
		JS:       template.JS(pageJS),
		Meta:     metaLine(d),
		Pages:    b.renderPages(),
		Placed:   len(placedAll),
		Index:    opts.IndexLink,
		Unplaced: unplacedViews(unplaced),
	}
	byPath := map[string]Field{}
	for _, f := range fs {
		byPath[f.Path] = f
	}
	for _, p := range headlinePaths {
		v.Headline = append(v.Headline, headlineOf(p, placedAll, byPath))
	}
	for i, f := range d.Findings {
		v.Findings = append(v.Findings, findingView{N: i, Severity: f.Severity, Zh: findingZh(f), Rule: f.Rule, En: findingEn(f), Located: located[i], Places: len(f.At)})
	}
	for _, pr := range x.Problems {
		v.Problems = append(v.Problems, pr.Code+": "+pr.Message)
	}
	if err := pageTemplate.Execute(w, v); err != nil {
		return fmt.Errorf("inspect html: %w", err)
	}
	return nil
}

// pageView is what the page template draws.
type pageView struct {
	Title, Source, Format, Meta string
	FromJSON                    bool
	Index                       string
	CSS                         template.CSS
	JS                          template.JS
	Pages                       []template.HTML
	Headline                    []headlineView
	Findings                    []findingView
	Problems                    []string
	Placed                      int
	Unplaced                    []headlineView
}

type headlineView struct {
	Path, Label, Text, Yuan string
	Placed                  bool
}

type findingView struct {
	N                      int
	Severity, Zh, Rule, En string
	Located, Places        int
}

// findingEn is the finding's English message, for developers beside the
// Chinese one (the message itself in a document written before message_en).
func findingEn(f schema.Finding) string {
	if f.MessageEn != "" {
		return f.MessageEn
	}
	return f.Message
}

func titleOf(d *schema.Document, x *extract.Document) string {
	switch {
	case d.Meta.Title != "":
		return d.Meta.Title
	case x.Title != "":
		return x.Title
	}
	return d.Source.Path
}

func metaLine(d *schema.Document) string {
	var parts []string
	if d.Meta.Issuer.Name != "" {
		parts = append(parts, d.Meta.Issuer.Name)
	}
	if d.Meta.FiscalYear > 0 {
		parts = append(parts, strconv.Itoa(d.Meta.FiscalYear)+"年")
	}
	switch d.Meta.Kind {
	case schema.KindBudget:
		parts = append(parts, "预算")
	case schema.KindFinalAccount:
		parts = append(parts, "决算")
	}
	if d.Meta.Unit != "" {
		parts = append(parts, "单位 "+d.Meta.Unit)
	}
	return strings.Join(parts, " · ")
}

func headlineOf(path string, placedAll map[string]*placed, byPath map[string]Field) headlineView {
	h := headlineView{Path: path, Label: path}
	if f, ok := byPath[path]; ok {
		h.Label, h.Text, h.Yuan = lastLabel(f.Label), f.Amount.Text, f.Amount.Yuan.String()
	} else {
		h.Label = lastLabel(labelOfPath(path))
	}
	_, h.Placed = placedAll[path]
	return h
}

func lastLabel(l string) string {
	if i := strings.LastIndex(l, " › "); i >= 0 {
		return l[i+len(" › "):]
	}
	return l
}

func unplacedViews(fs []Field) []headlineView {
	var out []headlineView
	for _, f := range fs {
		out = append(out, headlineView{Path: f.Path, Label: f.Label, Text: f.Amount.Text, Yuan: f.Amount.Yuan.String()})
	}
	return out
}

// renderPages writes each page's HTML. Pages are drawn as plain positioned
// text; the stylesheet lets the browser skip pages off screen
// (content-visibility), so a long document opens without laying out every page.
func (b *builder) renderPages() []template.HTML {
	sizes := b.pageSizes()
	out := make([]template.HTML, 0, len(b.pages))
	for _, p := range b.pages {
		var sb strings.Builder
		var h float64
		if b.positioned() {
			p.W, p.H = sizes[p][0], sizes[p][1]
			h = p.H
			fmt.Fprintf(&sb, `<section class="page pos" id="%s" style="width:%.0fpx;height:%.0fpx;contain-intrinsic-size:auto %.0fpx auto %.0fpx"%s><div class="plabel">%s</div>`,
				p.ID, p.W*pxPerPt, p.H*pxPerPt, p.W*pxPerPt, p.H*pxPerPt, findingAttr(p.Findings), esc(p.Label))
		} else {
			fmt.Fprintf(&sb, `<section class="page flow" id="%s"%s><div class="plabel">%s</div>`, p.ID, findingAttr(p.Findings), esc(p.Label))
		}
		for _, it := range p.Items {
			switch {
			case it.El != nil && b.positioned():
				it.El.writePositioned(&sb, h)
			case it.El != nil:
				it.El.write(&sb, "")
			case b.positioned():
				it.Table.writePositioned(&sb, h)
			default:
				it.Table.writeFlow(&sb)
			}
		}
		sb.WriteString("</section>\n")
		out = append(out, template.HTML(sb.String()))
	}
	return out
}

// pageSizes gives each page a size: the smallest standard sheet holding
// its boxes, in the orientation most pages of the document need when the
// boxes fit either way (the intermediate document does not carry page sizes).
func (b *builder) pageSizes() map[*page][2]float64 {
	pageEls := map[*page][]*elem{}
	pageTables := map[*page][]*tableView{}
	for _, p := range b.pages {
		for _, it := range p.Items {
			if it.El != nil {
				pageEls[p] = append(pageEls[p], it.El)
			} else {
				pageTables[p] = append(pageTables[p], it.Table)
				for _, r := range it.Table.Rows {
					for _, c := range r {
						if c != nil {
							pageEls[p] = append(pageEls[p], c)
						}
					}
				}
			}
		}
	}
	landscape := 0
	for _, p := range b.pages {
		if w, h := pageSize(pageEls[p], pageTables[p], false); w > h {
			landscape++
		}
	}
	out := map[*page][2]float64{}
	for _, p := range b.pages {
		w, h := pageSize(pageEls[p], pageTables[p], landscape*2 > len(b.pages))
		out[p] = [2]float64{w, h}
	}
	return out
}

func esc(s string) string { return template.HTMLEscapeString(s) }

func findingAttr(fs []int) string {
	if len(fs) == 0 {
		return ""
	}
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = strconv.Itoa(f)
	}
	return ` data-finding="` + strings.Join(s, " ") + `"`
}

// write draws e as a flowing element with extra inline style.
func (e *elem) write(sb *strings.Builder, style string) {
	fmt.Fprintf(sb, `<%s id="%s" class="%s"`, e.Tag, e.ID, e.Class)
	if style != "" {
		fmt.Fprintf(sb, ` style="%s"`, style)
	}
	if e.Span[0] > 1 {
		fmt.Fprintf(sb, ` rowspan="%d"`, e.Span[0])
	}
	if e.Span[1] > 1 {
		fmt.Fprintf(sb, ` colspan="%d"`, e.Span[1])
	}
	if e.Title != "" {
		fmt.Fprintf(sb, ` title="%s"`, esc(e.Title))
	}
	sb.WriteString(findingAttr(e.findings))
	sb.WriteByte('>')
	e.writeInner(sb)
	fmt.Fprintf(sb, "</%s>", e.Tag)
}

// writePositioned draws e at its box on a page pageH points high.
func (e *elem) writePositioned(sb *strings.Builder, pageH float64) {
	if e.Box == nil {
		e.write(sb, "position:static")
		return
	}
	bx := e.Box
	wd, ht := bx[2]-bx[0], bx[3]-bx[1]
	fs := lineFontSize(e.Text, wd, ht)
	if strings.Contains(e.Class, "cell") {
		fs = cellFontSize(e.Text, wd, ht)
	}
	tag := e.Tag
	e.Tag = "div"
	e.write(sb, fmt.Sprintf("left:%.1fpx;top:%.1fpx;width:%.1fpx;height:%.1fpx;font-size:%.1fpx",
		bx[0]*pxPerPt, (pageH-bx[3])*pxPerPt, wd*pxPerPt, ht*pxPerPt, fs*pxPerPt))
	e.Tag = tag
}

// textWidth is the width of s in ems: CJK full width, the rest about half.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 {
			w++
		} else {
			w += 0.55
		}
	}
	return max(w, 1)
}

func lineFontSize(s string, w, h float64) float64 {
	return max(min(h*0.95, w/textWidth(s)), 3)
}

func cellFontSize(s string, w, h float64) float64 {
	fs := min(h*0.7, 10)
	for fs > 3 {
		lines := max(1, float64(int(h/(fs*1.2))))
		if textWidth(s)*fs <= (w-2)*lines {
			break
		}
		fs *= 0.9
	}
	return max(fs, 3)
}

// writeInner writes e's text with its field marks and tags.
func (e *elem) writeInner(sb *strings.Builder) {
	runes := []rune(e.Text)
	marks := slices.Clone(e.marks)
	sort.Slice(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	pos := 0
	for _, m := range marks {
		s, t := min(max(m.start, pos), len(runes)), min(m.end, len(runes))
		sb.WriteString(esc(string(runes[pos:s])))
		for i, p := range m.fields {
			fa := ""
			if i == 0 {
				fa = findingAttr(m.findings)
			}
			fmt.Fprintf(sb, `<span class="f" data-field="%s" title="%s"%s>`, esc(p.Path), esc(p.tooltip()), fa)
		}
		sb.WriteString(esc(string(runes[s:max(s, t)])))
		for range m.fields {
			sb.WriteString("</span>")
		}
		pos = max(s, t)
	}
	sb.WriteString(esc(string(runes[pos:])))
	for _, m := range e.pins {
		p := m.fields[0]
		fmt.Fprintf(sb, `<span class="f pin" data-field="%s" title="%s"%s>◆</span>`, esc(p.Path),
			esc(p.tooltip()+"\n（此处文字中未找到原文，来源只定位到本段）"), findingAttr(m.findings))
	}
	if len(e.Tags) > 0 {
		sb.WriteString(`<span class="tags">`)
		for _, t := range e.Tags {
			fmt.Fprintf(sb, `<sup class="tag">%s</sup>`, esc(t))
		}
		sb.WriteString(`</span>`)
	}
}

func (p *placed) tooltip() string {
	return fmt.Sprintf("%s\n%s\n%s 元\n原文：%s\n位置：%s", p.Label, p.Path, p.Amount.Yuan.String(), p.Amount.Text, p.Amount.At.String())
}

func (t *tableView) classes() string {
	if t.Unreadable != "" {
		return "tbl bad"
	}
	return "tbl"
}

func (t *tableView) infoLine() string {
	if t.Unreadable != "" {
		return t.Info + " — " + t.Unreadable
	}
	return t.Info
}

// writePositioned draws the table's outline, label and cells at their boxes.
func (t *tableView) writePositioned(sb *strings.Builder, pageH float64) {
	if t.Box != nil {
		bx := t.Box
		fmt.Fprintf(sb, `<div class="%s" id="%s" style="left:%.1fpx;top:%.1fpx;width:%.1fpx;height:%.1fpx" title="%s"%s><div class="tinfo">%s</div></div>`,
			t.classes(), t.ID, bx[0]*pxPerPt, (pageH-bx[3])*pxPerPt, (bx[2]-bx[0])*pxPerPt, (bx[3]-bx[1])*pxPerPt,
			esc(t.Detail), findingAttr(t.Findings), esc(t.infoLine()))
	}
	for _, row := range t.Rows {
		for _, c := range row {
			if c != nil {
				c.writePositioned(sb, pageH)
			}
		}
	}
}

// writeFlow draws the table as an HTML table under its label and caption.
func (t *tableView) writeFlow(sb *strings.Builder) {
	fmt.Fprintf(sb, `<div class="%s" id="%s" title="%s"%s><div class="tinfo">%s</div>`, t.classes(), t.ID, esc(t.Detail), findingAttr(t.Findings), esc(t.infoLine()))
	for _, c := range t.Caption {
		fmt.Fprintf(sb, `<div class="cap">%s</div>`, esc(c))
	}
	sb.WriteString("<table>")
	for _, row := range t.Rows {
		sb.WriteString("<tr>")
		for _, c := range row {
			if c != nil {
				c.write(sb, "")
			}
		}
		sb.WriteString("</tr>")
	}
	sb.WriteString("</table></div>")
}

// labelOfPath finds the Chinese label of a path even when the document
// has no value there, from an empty document's zero amounts.
func labelOfPath(path string) string {
	var d schema.Document
	d.Summary.Revenue.Total = &schema.Amount{}
	d.Summary.Expenditure = schema.Expenditure{Total: &schema.Amount{}, Basic: &schema.Amount{}, Project: &schema.Amount{}}
	d.ThreePublic = schema.ThreePublic{Total: &schema.Amount{}, OverseasTravel: &schema.Amount{}, Vehicles: &schema.Amount{},
		VehiclePurchase: &schema.Amount{}, VehicleOperation: &schema.Amount{}, Reception: &schema.Amount{}}
	d.OperatingExpenses = &schema.Amount{}
	for _, f := range Fields(&d) {
		if f.Path == path {
			return f.Label
		}
	}
	return path
}

// fromSchema rebuilds a flowing document from the schema's tables alone:
// each table's header and rows as printed, cells numbered as the line
// items' provenance numbers them.
func fromSchema(d *schema.Document) *extract.Document {
	x := &extract.Document{Format: extract.Format(d.Source.Format)}
	for _, st := range d.Tables {
		rows := append(slices.Clone(st.Header), st.Rows...)
		t := &extract.Table{HeaderRows: len(st.Header), Caption: []string{st.Title}}
		for _, r := range rows {
			cells := make([]extract.Cell, len(r))
			for c, txt := range r {
				cells[c] = extract.Cell{Text: txt}
			}
			t.Rows = append(t.Rows, cells)
		}
		x.Blocks = append(x.Blocks, extract.Block{Kind: extract.KindTable, Table: t})
	}
	// The provenance numbers tables as the extractor did: give each block
	// the index its schema table came from, by padding with empty tables.
	var blocks []extract.Block
	next := 0
	for i, st := range d.Tables {
		if st.At.Table != nil {
			for next < *st.At.Table {
				blocks = append(blocks, extract.Block{Kind: extract.KindTable, Table: &extract.Table{}})
				next++
			}
		}
		blocks = append(blocks, x.Blocks[i])
		next++
	}
	x.Blocks = blocks
	if x.Format == extract.FormatPDF {
		x.Format = "pdf (表格据 JSON 重建)"
	}
	return x
}
