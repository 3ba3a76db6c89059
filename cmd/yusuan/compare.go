package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/yusuan/yusuan"
	"github.com/yusuan/yusuan/batch"
	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/internal/atomicfile"
	"github.com/yusuan/yusuan/schema"
)

func init() {
	commands = append(commands, command{"compare", "headline figures side by side per department and year, with year-on-year change", runCompare})
}

func runCompare(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("compare", "compare [-o OUT.xlsx|OUT.csv] PATH... (disclosures, JSON documents, a batch output folder or its index.jsonl)", stderr)
	out := fs.String("o", "", "write `OUT`.xlsx or OUT.csv instead of a Markdown table on standard output")
	workers := fs.Int("workers", runtime.NumCPU(), "files converted in parallel")
	var cf commonFlags
	fs.StringVar(&cf.dictDir, "dict-dir", "", "gojieba dictionary `DIR` (default $YUSUAN_DICT_DIR, then the build-time module path)")
	fs.Int64Var(&cf.maxBytes, "max-bytes", 0, "largest input file in bytes (default 200 MiB)")
	if stop, code := parseFlags(fs, args); stop {
		return code
	}
	if len(fs.Args()) == 0 {
		fmt.Fprintln(stderr, "yusuan compare: no inputs")
		fs.Usage()
		return exitUsage
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if *out != "" && ext != ".xlsx" && ext != ".csv" {
		fmt.Fprintf(stderr, "yusuan compare: -o %s: want a path ending in .xlsx or .csv\n", *out)
		return exitUsage
	}
	opts := cf.options()
	docs, failures := loadCompareDocs(ctx, fs.Args(), opts, *workers)
	code := exitOK
	for _, f := range failures {
		fmt.Fprintf(stderr, "yusuan compare: %v\n", f)
		code = exitFail
	}
	if ctx.Err() != nil {
		return exitFail
	}
	rows := compareRows(docs)
	var err error
	switch ext {
	case ".xlsx":
		err = writeCompareXLSX(*out, rows)
	case ".csv":
		err = writeCompareCSV(*out, rows)
	default:
		w := bufio.NewWriter(stdout)
		writeCompareMarkdown(w, rows)
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "yusuan compare: %v\n", err)
		return exitFail
	}
	if *out != "" {
		fmt.Fprintf(stderr, "%d rows (%d documents) written to %s\n", len(rows), len(docs), *out)
	}
	return code
}

// compareDoc is what compare keeps of a document: its headline figures.
type compareDoc struct {
	path, issuer, kind, scope string
	year, findings            int
	figs                      [numFigs]*decimal.Decimal // 元
}

// Headline figures, in column order.
const (
	figRevenue = iota
	figExpenditure
	figBasic
	figProject
	figThreePublic
	figOverseas
	figVehicles
	figReception
	figOperating
	numFigs
)

var figNames = [numFigs]string{
	figRevenue: "收入合计", figExpenditure: "支出合计", figBasic: "基本支出", figProject: "项目支出",
	figThreePublic: "三公经费", figOverseas: "因公出国（境）费", figVehicles: "公务用车购置及运行费",
	figReception: "公务接待费", figOperating: "机关运行经费",
}

// changeFigs get year-on-year columns.
var changeFigs = []int{figRevenue, figExpenditure, figThreePublic, figOperating}

func summarize(d *schema.Document) compareDoc {
	c := compareDoc{
		path: d.Source.Path, issuer: d.Meta.Issuer.Name, kind: d.Meta.Kind, scope: d.Meta.Scope,
		year: d.Meta.FiscalYear, findings: len(d.Findings),
	}
	set := func(i int, a *schema.Amount) {
		if a != nil {
			y := a.Yuan
			c.figs[i] = &y
		}
	}
	s, tp := d.Summary, d.ThreePublic
	set(figRevenue, s.Revenue.Total)
	set(figExpenditure, s.Expenditure.Total)
	set(figBasic, s.Expenditure.Basic)
	set(figProject, s.Expenditure.Project)
	set(figThreePublic, tp.Total)
	set(figOverseas, tp.OverseasTravel)
	set(figVehicles, tp.Vehicles)
	set(figReception, tp.Reception)
	set(figOperating, d.OperatingExpenses)
	if c.figs[figVehicles] == nil && tp.VehiclePurchase != nil && tp.VehicleOperation != nil {
		v := tp.VehiclePurchase.Yuan.Add(tp.VehicleOperation.Yuan)
		c.figs[figVehicles] = &v
	}
	return c
}

// loadCompareDocs reads every input: JSON documents (yusuan extract or
// batch output), index.jsonl files and batch output folders (through their
// index), and disclosures, converted with a shared normalizer.
func loadCompareDocs(ctx context.Context, args []string, opts yusuan.Options, workers int) ([]compareDoc, []error) {
	var docs []compareDoc
	var errs []error
	var toConvert []string
	seen := map[string]bool{}
	addDoc := func(d *schema.Document) {
		key := d.Source.SHA256
		if key == "" {
			key = d.Source.Path
		}
		if !seen[key] {
			seen[key] = true
			docs = append(docs, summarize(d))
		}
	}
	var collectArgs []string
	for _, a := range args {
		if st, err := os.Stat(a); err == nil && st.IsDir() {
			if idx := filepath.Join(a, "index.jsonl"); fileExists(idx) {
				errs = append(errs, loadJSONDocs(idx, addDoc)...)
				continue
			}
		}
		collectArgs = append(collectArgs, a)
	}
	in := batch.Collect(collectArgs, nil)
	for _, m := range in.Missing {
		errs = append(errs, fmt.Errorf("%s: %w", m.Path, m.Err))
	}
	for _, p := range in.Files {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".json", ".jsonl":
			errs = append(errs, loadJSONDocs(p, addDoc)...)
		default:
			toConvert = append(toConvert, p)
		}
	}
	if len(toConvert) == 0 {
		return docs, errs
	}
	if _, err := yusuan.Normalizer(opts); err != nil {
		return docs, append(errs, err)
	}
	type res struct {
		doc *schema.Document
		err error
	}
	results := make([]res, len(toConvert))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			for i := range next {
				d, err := yusuan.ConvertFile(ctx, toConvert[i], opts)
				results[i] = res{d, err}
			}
		})
	}
	for i := range toConvert {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	for _, r := range results {
		switch {
		case r.err != nil:
			errs = append(errs, r.err)
		case r.doc != nil:
			addDoc(r.doc)
		}
	}
	return docs, errs
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// loadJSONDocs reads a JSON document, an array of them (yusuan extract),
// JSON Lines of documents, or a batch index (lines naming output files,
// read relative to the index's folder).
func loadJSONDocs(path string, add func(*schema.Document)) []error {
	b, err := os.ReadFile(path)
	if err != nil {
		return []error{err}
	}
	trimmed := bytes.TrimSpace(b)
	if bytes.HasPrefix(trimmed, []byte("[")) {
		var ds []*schema.Document
		if err := json.Unmarshal(trimmed, &ds); err != nil {
			return []error{fmt.Errorf("%s: %w", path, err)}
		}
		for _, d := range ds {
			add(d)
		}
		return nil
	}
	// One object, or one per line: a decoder reads both.
	var errs []error
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	for {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err == io.EOF {
			break
		} else if err != nil {
			return append(errs, fmt.Errorf("%s: %w", path, err))
		}
		var probe struct {
			SchemaVersion string       `json:"schema_version"`
			Status        batch.Status `json:"status"`
		}
		json.Unmarshal(raw, &probe)
		switch {
		case probe.SchemaVersion != "":
			var d schema.Document
			if err := json.Unmarshal(raw, &d); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, err))
				continue
			}
			add(&d)
		case probe.Status != "":
			var e batch.Entry
			if err := json.Unmarshal(raw, &e); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, err))
				continue
			}
			if !e.Status.Converted() || e.Output == "" {
				continue // failures and duplicates have no document
			}
			doc := filepath.Join(filepath.Dir(path), e.Output)
			if err := loadJSONDocs(doc, add); err != nil {
				errs = append(errs, err...)
			}
		default:
			errs = append(errs, fmt.Errorf("%s: neither a yusuan document nor a batch index", path))
			return errs
		}
	}
	return errs
}

// compareRow is one line of the table.
type compareRow struct {
	compareDoc
	prevYear int                       // the year compared against; 0 if none
	change   [numFigs]*decimal.Decimal // vs prevYear, 元
	pct      [numFigs]*decimal.Decimal // vs prevYear, percent
	note     string
}

// compareRows sorts the documents by department, kind, scope and year, and
// computes each row's change against the same department's latest earlier
// year (same kind and scope) present in the input.
func compareRows(docs []compareDoc) []compareRow {
	rows := make([]compareRow, len(docs))
	for i, d := range docs {
		rows[i].compareDoc = d
	}
	slices.SortStableFunc(rows, func(a, b compareRow) int {
		return cmp.Or(cmp.Compare(a.issuer, b.issuer), cmp.Compare(a.kind, b.kind),
			cmp.Compare(a.scope, b.scope), cmp.Compare(a.year, b.year), cmp.Compare(a.path, b.path))
	})
	group := func(r compareRow) string { return r.issuer + "\x00" + r.kind + "\x00" + r.scope }
	perYear := map[string]int{} // group and year → documents
	for _, r := range rows {
		perYear[group(r)+"\x00"+strconv.Itoa(r.year)]++
	}
	for i := range rows {
		r := &rows[i]
		if r.issuer == "" {
			r.note = "部门名称未识别: " + filepath.Base(r.path)
			continue
		}
		count := func(year int) int { return perYear[group(*r)+"\x00"+strconv.Itoa(year)] }
		if same := count(r.year); same > 1 {
			// Which document to compare with is a guess: don't.
			r.note = fmt.Sprintf("同一部门同一年度有%d份文件，未计算增减", same)
			continue
		}
		// The latest earlier year in the same group (rows are sorted).
		for j := i - 1; j >= 0; j-- {
			p := rows[j]
			if group(p) != group(*r) {
				break
			}
			if p.year < r.year && p.year != 0 {
				if n := count(p.year); n > 1 {
					r.note = fmt.Sprintf("%d年有%d份文件，未计算增减", p.year, n)
					break
				}
				r.prevYear = p.year
				for _, f := range changeFigs {
					if r.figs[f] == nil || p.figs[f] == nil {
						continue
					}
					d := r.figs[f].Sub(*p.figs[f])
					r.change[f] = &d
					if !p.figs[f].IsZero() {
						if q, ok := d.Shift(2).Div(*p.figs[f], 1); ok {
							r.pct[f] = &q
						}
					}
				}
				break
			}
		}
	}
	return rows
}

// wan formats 元 as 万元 with exactly two decimals, from the decimal.
func wan(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return fixed(d.Shift(-4).Round(2), 2)
}

// fixed prints d with exactly places decimals (d already rounded).
func fixed(d decimal.Decimal, places int) string {
	s := d.String()
	intPart, frac, _ := strings.Cut(s, ".")
	for len(frac) < places {
		frac += "0"
	}
	if places == 0 {
		return intPart
	}
	return intPart + "." + frac
}

func signed(s string) string {
	if s != "" && !strings.HasPrefix(s, "-") && strings.Trim(s, "0.") != "" {
		return "+" + s
	}
	return s
}

var kindNames = map[string]string{schema.KindBudget: "预算", schema.KindFinalAccount: "决算"}
var scopeNames = map[string]string{schema.ScopeDepartment: "部门", schema.ScopeUnit: "单位"}

// cellKind says how a column is written: text, a count, 万元 or a percent.
type cellKind int

const (
	cellText cellKind = iota
	cellInt
	cellWan
	cellPct
)

type compareCol struct {
	name string
	kind cellKind
	get  func(r *compareRow) string // exact text: 万元 with 2 decimals, percent with 1
}

// compareColumns lists the table's columns (XLSX and CSV; Markdown folds
// each change and its percent into one cell and leaves out the file).
func compareColumns() []compareCol {
	cols := []compareCol{
		{"部门", cellText, func(r *compareRow) string { return cmp.Or(r.issuer, "（未识别）") }},
		{"年度", cellInt, func(r *compareRow) string {
			if r.year == 0 {
				return ""
			}
			return strconv.Itoa(r.year)
		}},
		{"类型", cellText, func(r *compareRow) string { return cmp.Or(kindNames[r.kind], r.kind) }},
		{"范围", cellText, func(r *compareRow) string { return cmp.Or(scopeNames[r.scope], r.scope) }},
	}
	for f := range numFigs {
		cols = append(cols, compareCol{figNames[f] + "（万元）", cellWan, func(r *compareRow) string { return wan(r.figs[f]) }})
		if slices.Contains(changeFigs, f) {
			cols = append(cols,
				compareCol{figNames[f] + "较上年（万元）", cellWan, func(r *compareRow) string { return wan(r.change[f]) }},
				compareCol{figNames[f] + "较上年（%）", cellPct, func(r *compareRow) string {
					if r.pct[f] == nil {
						return ""
					}
					return fixed(*r.pct[f], 1)
				}})
		}
	}
	cols = append(cols,
		compareCol{"对比年度", cellInt, func(r *compareRow) string {
			if r.prevYear == 0 {
				return ""
			}
			return strconv.Itoa(r.prevYear)
		}},
		compareCol{"检查发现", cellInt, func(r *compareRow) string { return strconv.Itoa(r.findings) }},
		compareCol{"备注", cellText, func(r *compareRow) string { return r.note }},
		compareCol{"文件", cellText, func(r *compareRow) string { return r.path }},
	)
	return cols
}

func writeCompareCSV(path string, rows []compareRow) error {
	return atomicfile.Write(path, func(w *bufio.Writer) error {
		io.WriteString(w, "\ufeff") // Excel and WPS read UTF-8 by the BOM
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		cols := compareColumns()
		rec := make([]string, len(cols))
		for i, c := range cols {
			rec[i] = c.name
		}
		cw.Write(rec)
		for i := range rows {
			for j, c := range cols {
				rec[j] = c.get(&rows[i])
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	})
}

func writeCompareXLSX(path string, rows []compareRow) error {
	return atomicfile.Write(path, func(w *bufio.Writer) error {
		f := excelize.NewFile()
		defer f.Close()
		const sheet = "compare"
		if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
			return err
		}
		bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true}})
		if err != nil {
			return err
		}
		money, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
		if err != nil {
			return err
		}
		pct, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("0.0")})
		if err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(sheet)
		if err != nil {
			return err
		}
		cols := compareColumns()
		for i, c := range cols {
			width := 14.0
			switch {
			case c.name == "部门", c.name == "文件":
				width = 36
			case c.kind == cellText || c.kind == cellInt:
				width = 8
			}
			if err := sw.SetColWidth(i+1, i+1, width); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"}); err != nil {
			return err
		}
		header := make([]any, len(cols))
		for i, c := range cols {
			header[i] = excelize.Cell{StyleID: bold, Value: c.name}
		}
		if err := sw.SetRow("A1", header); err != nil {
			return err
		}
		for i := range rows {
			cells := make([]any, len(cols))
			for j, c := range cols {
				s := c.get(&rows[i])
				if s == "" {
					continue
				}
				switch c.kind {
				case cellText:
					cells[j] = s
				case cellInt:
					n, _ := strconv.Atoi(s)
					cells[j] = n
				case cellWan, cellPct:
					// The text is already exact and rounded; the cell's
					// float is only how the spreadsheet stores it.
					v, _ := strconv.ParseFloat(s, 64)
					style := money
					if c.kind == cellPct {
						style = pct
					}
					cells[j] = excelize.Cell{StyleID: style, Value: v}
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			if err := sw.SetRow(cell, cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		return f.Write(w)
	})
}

func ptr[T any](v T) *T { return &v }

// writeCompareMarkdown prints a Markdown table padded for a terminal
// (CJK characters count two columns).
func writeCompareMarkdown(w io.Writer, rows []compareRow) {
	type mdCol struct {
		name  string
		right bool
		get   func(r *compareRow) string
	}
	var cols []mdCol
	all := compareColumns()
	for i := 0; i < len(all); i++ {
		c := all[i]
		switch {
		case c.name == "文件":
			continue
		case strings.HasSuffix(c.name, "较上年（万元）"):
			val, pc := c, all[i+1]
			i++
			cols = append(cols, mdCol{strings.TrimSuffix(c.name, "（万元）"), true, func(r *compareRow) string {
				v := val.get(r)
				if v == "" {
					return ""
				}
				if p := pc.get(r); p != "" {
					return signed(v) + " (" + signed(p) + "%)"
				}
				return signed(v)
			}})
		default:
			cols = append(cols, mdCol{c.name, c.kind == cellWan || c.kind == cellInt, c.get})
		}
	}
	cells := make([][]string, len(rows)+1)
	widths := make([]int, len(cols))
	for i := range cells {
		cells[i] = make([]string, len(cols))
		for j, c := range cols {
			s := c.name
			if i > 0 {
				s = strings.ReplaceAll(c.get(&rows[i-1]), "|", `\|`)
			}
			cells[i][j] = s
			widths[j] = max(widths[j], displayWidth(s), 3)
		}
	}
	pad := func(s string, n int, right bool) string {
		sp := strings.Repeat(" ", n-displayWidth(s))
		if right {
			return sp + s
		}
		return s + sp
	}
	line := func(row []string) {
		io.WriteString(w, "|")
		for j, s := range row {
			fmt.Fprintf(w, " %s |", pad(s, widths[j], cols[j].right && s != cols[j].name))
		}
		io.WriteString(w, "\n")
	}
	line(cells[0])
	io.WriteString(w, "|")
	for j, c := range cols {
		dash := strings.Repeat("-", widths[j])
		if c.right {
			dash = dash[1:] + ":"
		}
		fmt.Fprintf(w, " %s |", dash)
	}
	io.WriteString(w, "\n")
	for _, r := range cells[1:] {
		line(r)
	}
	if len(rows) == 0 {
		io.WriteString(w, "\n(no documents)\n")
	}
}

// displayWidth counts terminal columns: wide (CJK, fullwidth) runes take two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf || r >= 0xac00 && r <= 0xd7a3 ||
			r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 ||
			r >= 0xffe0 && r <= 0xffe6 || r >= 0x20000 && r <= 0x3fffd):
			n += 2
		default:
			n++
		}
	}
	return n
}
