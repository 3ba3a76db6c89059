package compare

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/internal/atomicfile"
	"github.com/yusuan/yusuan/schema"
)

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
	get  func(r *Row) string // exact text: 万元 with 2 decimals, percent with 1
}

// compareColumns lists the table's columns (XLSX and CSV; Markdown folds
// each change and its percent into one cell and leaves out the file).
func compareColumns() []compareCol {
	cols := []compareCol{
		{"部门", cellText, func(r *Row) string { return cmp.Or(r.issuer, "（未识别）") }},
		{"年度", cellInt, func(r *Row) string {
			if r.year == 0 {
				return ""
			}
			return strconv.Itoa(r.year)
		}},
		{"类型", cellText, func(r *Row) string { return cmp.Or(kindNames[r.kind], r.kind) }},
		{"范围", cellText, func(r *Row) string { return cmp.Or(scopeNames[r.scope], r.scope) }},
	}
	for f := range numFigs {
		cols = append(cols, compareCol{figNames[f] + "（万元）", cellWan, func(r *Row) string { return wan(r.figs[f]) }})
		if slices.Contains(changeFigs, f) {
			cols = append(cols,
				compareCol{figNames[f] + "较上年（万元）", cellWan, func(r *Row) string { return wan(r.change[f]) }},
				compareCol{figNames[f] + "较上年（%）", cellPct, func(r *Row) string {
					if r.pct[f] == nil {
						return ""
					}
					return fixed(*r.pct[f], 1)
				}})
		}
	}
	for _, f := range executionFigs {
		cols = append(cols, compareCol{figNames[f] + "执行率（%）", cellPct, func(r *Row) string {
			if r.executed[f] == nil {
				return ""
			}
			return fixed(*r.executed[f], 1)
		}})
	}
	cols = append(cols,
		compareCol{"对比年度", cellInt, func(r *Row) string {
			if r.prevYear == 0 {
				return ""
			}
			return strconv.Itoa(r.prevYear)
		}},
		compareCol{"检查发现", cellInt, func(r *Row) string { return strconv.Itoa(r.findings) }},
		compareCol{"备注", cellText, func(r *Row) string { return r.note }},
		compareCol{"文件", cellText, func(r *Row) string { return r.path }},
	)
	return cols
}

// WriteMarkdownFile writes the Markdown table to path (as WriteMarkdown
// prints it), under a temporary name renamed into place.
func WriteMarkdownFile(path string, rows []Row) error {
	return atomicfile.Write(path, func(w *bufio.Writer) error {
		WriteMarkdown(w, rows)
		return nil
	})
}

// WriteCSV writes the table as CSV (UTF-8 with a BOM, for Excel and WPS).
func WriteCSV(path string, rows []Row) error {
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

// WriteXLSX writes the table as a workbook with one sheet, "compare":
// amounts are numbers (万元, two decimals), percents one decimal.
func WriteXLSX(path string, rows []Row) error {
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

// WriteMarkdown prints a Markdown table padded for a terminal (CJK
// characters count two columns).
func WriteMarkdown(w io.Writer, rows []Row) {
	type mdCol struct {
		name  string
		right bool
		get   func(r *Row) string
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
			cols = append(cols, mdCol{strings.TrimSuffix(c.name, "（万元）"), true, func(r *Row) string {
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
