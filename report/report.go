// Package report owns the batch site: from the JSON folder "yusuan batch"
// writes (one JSON per document and index.jsonl), a folder of static pages
// — an index of departments × years with the headline figures (sortable,
// with small inline SVG charts of 三公 and totals over the years) linking to
// one inspection page per document (package inspecthtml). A document whose
// source file is still where the batch read it (same SHA-256) gets the full
// page drawn over the source; otherwise a page rebuilt from its JSON alone.
package report

import (
	"bufio"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/batch"
	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/inspecthtml"
	"github.com/yusuan/yusuan/internal/atomicfile"
	"github.com/yusuan/yusuan/schema"
)

// maxIndexLine bounds one line of index.jsonl.
const maxIndexLine = 1 << 20

// Result says what Write produced.
type Result struct {
	Documents  int // pages written
	FromSource int // of which drawn over the source file
	Skipped    []string
}

// Write reads the batch JSON folder in and writes the site into out.
// Progress problems with single documents (a JSON that does not parse, a
// source that fails to extract) are recorded in Result.Skipped, not fatal.
func Write(ctx context.Context, out, in string, opts yusuan.Options) (Result, error) {
	var res Result
	entries, err := readIndex(filepath.Join(in, "index.jsonl"))
	if err != nil {
		return res, err
	}
	if err := os.MkdirAll(filepath.Join(out, "docs"), 0o755); err != nil {
		return res, fmt.Errorf("report: %w", err)
	}
	var rows []row
	for i, e := range entries {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if !e.Status.Converted() || e.Output == "" {
			continue
		}
		d, err := readDoc(filepath.Join(in, e.Output))
		if err != nil {
			res.Skipped = append(res.Skipped, fmt.Sprintf("%s: %v", e.Output, err))
			continue
		}
		page := fmt.Sprintf("docs/%04d.html", i+1)
		x := sourceOf(ctx, e, opts)
		if err := atomicfile.Write(filepath.Join(out, page), func(w *bufio.Writer) error {
			return inspecthtml.Write(w, x, d, inspecthtml.Options{IndexLink: "../index.html"})
		}); err != nil {
			return res, fmt.Errorf("report: %s: %w", page, err)
		}
		res.Documents++
		if x != nil {
			res.FromSource++
		}
		rows = append(rows, newRow(d, e, page))
	}
	if err := atomicfile.Write(filepath.Join(out, "index.html"), func(w *bufio.Writer) error { return writeIndex(w, rows) }); err != nil {
		return res, fmt.Errorf("report: index.html: %w", err)
	}
	return res, nil
}

func readIndex(path string) ([]batch.Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("report: %w (is this a folder written by yusuan batch -o DIR?)", err)
	}
	defer f.Close()
	var out []batch.Entry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), maxIndexLine)
	for n := 1; sc.Scan(); n++ {
		var e batch.Entry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("report: %s line %d: %w", path, n, err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("report: %s: %w", path, err)
	}
	return out, nil
}

func readDoc(path string) (*schema.Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d schema.Document
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("not a yusuan document: %w", err)
	}
	return &d, nil
}

// sourceOf extracts the entry's source file again when it is still there
// unchanged, so the page can draw it; nil otherwise.
func sourceOf(ctx context.Context, e batch.Entry, opts yusuan.Options) *extract.Document {
	data, err := os.ReadFile(e.Path)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256(data)
	if e.SHA256 != "" && hex.EncodeToString(sum[:]) != e.SHA256 {
		return nil
	}
	x, err := yusuan.InspectBytes(ctx, data, e.Path, opts)
	if err != nil {
		return nil
	}
	return x
}

// row is one document in the index.
type row struct {
	Issuer, Kind, Page string
	Year               int
	Figures            []cell
	Findings           map[string]int
	d                  *schema.Document
}

// cell is a figure shown in 万元 and sorted by its exact 元 value.
type cell struct{ Show, Sort string }

// figureColumns are the index's figure columns: heading and getter.
var figureColumns = []struct {
	Head string
	Get  func(d *schema.Document) *schema.Amount
}{
	{"收入合计", func(d *schema.Document) *schema.Amount { return d.Summary.Revenue.Total }},
	{"支出合计", func(d *schema.Document) *schema.Amount { return d.Summary.Expenditure.Total }},
	{"基本支出", func(d *schema.Document) *schema.Amount { return d.Summary.Expenditure.Basic }},
	{"项目支出", func(d *schema.Document) *schema.Amount { return d.Summary.Expenditure.Project }},
	{"三公经费", func(d *schema.Document) *schema.Amount { return d.ThreePublic.Total }},
	{"机关运行经费", func(d *schema.Document) *schema.Amount { return d.OperatingExpenses }},
}

func newRow(d *schema.Document, e batch.Entry, page string) row {
	r := row{Issuer: d.Meta.Issuer.Name, Year: d.Meta.FiscalYear, Page: page, Findings: e.Findings, d: d}
	if r.Issuer == "" {
		r.Issuer = "（未识别）" + filepath.Base(e.Path)
	}
	switch d.Meta.Kind {
	case schema.KindBudget:
		r.Kind = "预算"
	case schema.KindFinalAccount:
		r.Kind = "决算"
	}
	switch d.Meta.Scope {
	case schema.ScopeDepartment:
		r.Kind = "部门" + r.Kind
	case schema.ScopeUnit:
		r.Kind = "单位" + r.Kind
	}
	for _, c := range figureColumns {
		r.Figures = append(r.Figures, wan(c.Get(d)))
	}
	return r
}

// wan shows an amount in 万元 to two places (the usual printed precision);
// the exact 元 value sorts.
func wan(a *schema.Amount) cell {
	if a == nil {
		return cell{Show: "—", Sort: ""}
	}
	return cell{Show: a.Yuan.Shift(-4).Round(2).String(), Sort: a.Yuan.String()}
}

var (
	//go:embed index.html.tmpl
	indexTmpl     string
	indexTemplate = template.Must(template.New("index").Parse(indexTmpl))
)

// series is one department's figures over the years, for the charts.
type series struct {
	Issuer, Kind string
	Years        []yearLink
	Total, Three template.HTML
}

type yearLink struct {
	Year int
	Page string
}

func writeIndex(w io.Writer, rows []row) error {
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Issuer != rows[j].Issuer {
			return rows[i].Issuer < rows[j].Issuer
		}
		return rows[i].Year < rows[j].Year
	})
	var heads []string
	for _, c := range figureColumns {
		heads = append(heads, c.Head)
	}
	v := struct {
		Heads  []string
		Rows   []row
		Series []series
	}{heads, rows, seriesOf(rows)}
	if err := indexTemplate.Execute(w, v); err != nil {
		return err
	}
	return nil
}

// seriesOf groups rows by department and kind, years ascending.
func seriesOf(rows []row) []series {
	type key struct{ issuer, kind string }
	groups := map[key][]row{}
	var order []key
	for _, r := range rows {
		k := key{r.Issuer, r.Kind}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	var out []series
	for _, k := range order {
		g := groups[k]
		s := series{Issuer: k.issuer, Kind: k.kind}
		var total, three []point
		for _, r := range g {
			s.Years = append(s.Years, yearLink{r.Year, r.Page})
			if a := r.d.Summary.Expenditure.Total; a != nil {
				total = append(total, point{r.Year, a.Yuan})
			}
			if a := r.d.ThreePublic.Total; a != nil {
				three = append(three, point{r.Year, a.Yuan})
			}
		}
		s.Total, s.Three = sparkline(total, "#2a6fdb"), sparkline(three, "#d9534f")
		out = append(out, s)
	}
	return out
}

type point struct {
	Year int
	Yuan decimal.Decimal
}

// sparkline draws values over years as a small inline SVG line; each
// point's tooltip gives the year and the exact figure.
func sparkline(pts []point, colour string) template.HTML {
	if len(pts) == 0 {
		return "—"
	}
	const w, h, pad = 160.0, 36.0, 4.0
	minY, maxY := pts[0].Year, pts[0].Year
	lo, hi := pts[0].Yuan.Float64(), pts[0].Yuan.Float64()
	for _, p := range pts {
		minY, maxY = min(minY, p.Year), max(maxY, p.Year)
		lo, hi = min(lo, p.Yuan.Float64()), max(hi, p.Yuan.Float64())
	}
	x := func(y int) float64 {
		if maxY == minY {
			return w / 2
		}
		return pad + (w-2*pad)*float64(y-minY)/float64(maxY-minY)
	}
	yv := func(v float64) float64 {
		if hi == lo {
			return h / 2
		}
		return h - pad - (h-2*pad)*(v-lo)/(hi-lo)
	}
	s := fmt.Sprintf(`<svg class="spark" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" role="img">`, w, h, w, h)
	line := ""
	for _, p := range pts {
		line += fmt.Sprintf("%.1f,%.1f ", x(p.Year), yv(p.Yuan.Float64()))
	}
	if len(pts) > 1 {
		s += fmt.Sprintf(`<polyline fill="none" stroke="%s" stroke-width="1.5" points="%s"/>`, colour, line)
	}
	for _, p := range pts {
		s += fmt.Sprintf(`<circle cx="%.1f" cy="%.1f" r="2.5" fill="%s"><title>%d年 %s 万元 (%s 元)</title></circle>`,
			x(p.Year), yv(p.Yuan.Float64()), colour, p.Year, p.Yuan.Shift(-4).Round(2).String(), p.Yuan.String())
	}
	s += fmt.Sprintf(`<text x="0" y="%.0f" font-size="8" fill="#888">%s</text>`, h-1, strconv.Itoa(minY))
	if maxY != minY {
		s += fmt.Sprintf(`<text x="%.0f" y="%.0f" font-size="8" fill="#888" text-anchor="end">%d</text>`, w, h-1, maxY)
	}
	return template.HTML(s + "</svg>")
}
