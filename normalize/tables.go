package normalize

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/extract/numbering"
	"github.com/yusuan/yusuan/prov"
	"github.com/yusuan/yusuan/schema"
)

// tableView is an extracted table with its context: the title printed
// above it and its cells as plain strings.
type tableView struct {
	block  *extract.Block
	t      *extract.Table
	index  int
	title  string
	unit   string
	header int // header rows
}

// text returns the cell text at (r, c), "" for covered cells.
func (v *tableView) text(r, c int) string {
	if r >= len(v.t.Rows) || c >= len(v.t.Rows[r]) {
		return ""
	}
	cell := v.t.Rows[r][c]
	if cell.Covered {
		return ""
	}
	return strings.TrimSpace(cell.Text)
}

// cells returns the non-covered cells of row r.
func (v *tableView) cells(r int) []extract.Cell {
	var out []extract.Cell
	for _, c := range v.t.Rows[r] {
		if !c.Covered {
			out = append(out, c)
		}
	}
	return out
}

func (n *Normalizer) fillTables(d *schema.Document, x *extract.Document, o *outline) {
	idx := 0
	var prevText string
	for i := range x.Blocks {
		b := &x.Blocks[i]
		if b.Kind != extract.KindTable || b.Table == nil {
			if b.Kind == extract.KindParagraph || b.Kind == extract.KindHeading {
				prevText = strings.TrimSpace(b.Text)
			}
			continue
		}
		v := &tableView{block: b, t: b.Table, index: idx, unit: b.Table.Unit}
		idx++
		v.title = tableTitle(b.Table, prevText)
		if v.unit == "" {
			v.unit = unitIn(v.title)
		}
		v.header = headerRows(v)
		st := schema.Table{
			Kind: classifyTable(v), Title: v.title, Unit: v.unit,
			Header: [][]string{}, Rows: [][]string{}, At: b.At, LineItems: []schema.LineItem{},
		}
		for r := range v.t.Rows {
			row := make([]string, len(v.t.Rows[r]))
			for c := range row {
				row[c] = v.text(r, c)
			}
			if r < v.header {
				st.Header = append(st.Header, row)
			} else {
				st.Rows = append(st.Rows, row)
			}
		}
		st.Empty = len(st.Rows) == 0 || allBlank(st.Rows)
		switch st.Kind {
		case "performance":
			if it, ok := indicatorTable(v); ok {
				d.Performance.IndicatorTables = append(d.Performance.IndicatorTables, it)
			}
		case "assets":
			fillAssets(d, v)
		}
		d.Tables = append(d.Tables, st)
		prevText = ""
	}
}

func allBlank(rows [][]string) bool {
	for _, r := range rows {
		for _, c := range r {
			if c != "" && c != "0" && c != "-" && c != "—" {
				return false
			}
		}
	}
	return true
}

// tableTitle: a caption line that reads as a title, else the short text
// printed just above the table.
func tableTitle(t *extract.Table, prev string) string {
	for _, c := range t.Caption {
		c = strings.TrimSpace(c)
		if strings.HasSuffix(c, "表") || strings.Contains(c, "表（") || strings.Contains(c, "情况表") {
			return c
		}
	}
	if prev != "" && utf8.RuneCountInString(prev) <= 60 && !strings.ContainsAny(prev, "。；") {
		if num, ok := numbering.Parse(prev); ok && num.Style != numbering.Part {
			return strings.TrimSpace(prev)
		}
		return prev
	}
	return ""
}

// headerRows counts the leading rows that hold column titles: short texts
// without figures or targets.
func headerRows(v *tableView) int {
	if v.t.HeaderRows > 0 {
		return v.t.HeaderRows
	}
	n := 0
	for r := range v.t.Rows {
		if r >= 4 || !isHeaderRow(v, r) {
			break
		}
		n++
	}
	if n == len(v.t.Rows) {
		return min(n, 1)
	}
	return n
}

var digits = regexp.MustCompile(`\d`)

func isHeaderRow(v *tableView, r int) bool {
	nonEmpty := 0
	for _, c := range v.cells(r) {
		t := Clean(strings.TrimSpace(c.Text))
		if t == "" {
			continue
		}
		nonEmpty++
		if utf8.RuneCountInString(t) > 16 || strings.ContainsAny(t, "≥≤<>=《") {
			return false
		}
		if digits.MatchString(t) && !strings.Contains(t, "单位") && !strings.Contains(t, "栏次") {
			return false
		}
	}
	return nonEmpty > 0
}

// classifyTable gives a first kind from the title and header words. The
// standard B/F tables get their own recognition (tablekinds.go).
func classifyTable(v *tableView) string {
	var hdr strings.Builder
	hdr.WriteString(v.title)
	for _, c := range v.t.Caption {
		hdr.WriteString(c)
	}
	for r := 0; r < len(v.t.Rows) && r < 3; r++ {
		for c := range v.t.Rows[r] {
			hdr.WriteString(v.text(r, c))
		}
	}
	h := compact(hdr.String())
	switch {
	case hasAny(h, "一级指标", "二级指标", "三级指标", "数量指标", "质量指标", "满意度指标", "绩效目标表", "绩效指标"):
		return "performance"
	case hasAny(h, "固定资产", "资产占用", "资产总额", "国有资产"):
		return "assets"
	case hasAny(h, "政府采购"):
		return "procurement"
	}
	if k := standardKind(h); k != "" {
		return k
	}
	if hasAny(h, "项目支出") && hasAny(h, "项目名称") {
		return "project"
	}
	return "other"
}

// level1Of infers a missing 一级指标 from its 二级指标.
func level1Of(level2 string) string {
	switch {
	case hasAny(level2, "数量", "质量", "时效", "成本"):
		return "产出指标"
	case hasAny(level2, "满意"):
		return "满意度指标"
	case hasAny(level2, "效益", "影响"):
		return "效益指标"
	}
	return ""
}

func family(level1 string) string {
	switch {
	case hasAny(level1, "产出"):
		return "产出"
	case hasAny(level1, "效益", "效果"):
		return "效益"
	case hasAny(level1, "满意"):
		return "满意"
	}
	return level1
}

// indicatorTable reads a performance indicator table. Columns are found
// from the header (一级指标 … 指标值 … 依据) when it has one; rows without a
// header, or shorter than the header (a merged 一级指标 cell written once),
// are aligned from the right, where the target and its basis always are.
func indicatorTable(v *tableView) (schema.IndicatorTable, bool) {
	it := schema.IndicatorTable{Title: v.title, Goals: []string{}, Rows: []schema.IndicatorRow{}, At: v.block.At}
	cols := map[string]int{}
	width := 6
	prevL1 := ""
	for r := range v.t.Rows {
		cells := v.cells(r)
		var texts []string
		for _, c := range cells {
			texts = append(texts, strings.TrimSpace(c.Text))
		}
		if len(texts) == 0 {
			continue
		}
		first := compact(texts[0])
		if hasAny(first, "绩效目标", "年度目标", "总体目标") && len(texts) <= 3 {
			for _, t := range texts[1:] {
				for _, line := range strings.Split(t, "\n") {
					if line = strings.TrimSpace(line); line != "" {
						it.Goals = append(it.Goals, line)
					}
				}
			}
			continue
		}
		if hasAny(strings.Join(texts, ""), "一级指标", "二级指标", "三级指标") {
			for i, t := range texts {
				t = compact(t)
				switch {
				case hasAny(t, "一级"):
					cols["level1"] = i
				case hasAny(t, "二级"):
					cols["level2"] = i
				case hasAny(t, "三级"):
					cols["level3"] = i
				case hasAny(t, "依据"):
					cols["basis"] = i
				case hasAny(t, "描述", "内容", "说明"):
					cols["description"] = i
				case hasAny(t, "指标值", "目标值", "值"):
					cols["target"] = i
				}
			}
			width = len(texts)
			continue
		}
		if len(texts) < 3 {
			continue
		}
		get := func(name string, std int) string {
			i, ok := cols[name]
			if !ok {
				if len(cols) > 0 {
					return "" // the header has no such column
				}
				i = std
			}
			// Align from the right when the row is short.
			i -= width - len(texts)
			if i < 0 || i >= len(texts) {
				return ""
			}
			return texts[i]
		}
		row := schema.IndicatorRow{
			Level1: get("level1", 0), Level2: get("level2", 1), Level3: get("level3", 2),
			Description: get("description", 3), Basis: get("basis", 5),
			At: cells[0].At,
		}
		if t := get("target", 4); t != "" {
			row.Target = ParseTarget(t)
		}
		if row.Level1 == "" {
			inferred := level1Of(row.Level2)
			if prevL1 != "" && (inferred == "" || family(prevL1) == family(inferred)) {
				row.Level1 = prevL1
			} else {
				row.Level1 = inferred
			}
		}
		prevL1 = row.Level1
		it.Rows = append(it.Rows, row)
	}
	return it, len(it.Rows) > 0
}

var (
	parenUnit = regexp.MustCompile(`[（(]([^）)]{1,10})[）)]\s*$`)
	dateRe    = regexp.MustCompile(`((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})`)
)

// fillAssets reads a 固定资产占用情况表: rows of name, quantity, value, with
// the unit of quantity in the name's parentheses and the money unit in the
// header or caption.
func fillAssets(d *schema.Document, v *tableView) {
	a := &d.Assets
	unit := v.unit
	if unit == "" {
		unit = "万元"
	}
	for _, c := range v.t.Caption {
		if m := dateRe.FindStringSubmatch(Clean(c)); m != nil && a.AsOf == "" {
			a.AsOf = isoDate(m)
		}
	}
	qtyCol, valCol := 1, 2
	for r := 0; r < v.header && r < len(v.t.Rows); r++ {
		for c := range v.t.Rows[r] {
			t := compact(v.text(r, c))
			switch {
			case hasAny(t, "数量"):
				qtyCol = c
			case hasAny(t, "价值", "金额", "原值"):
				valCol = c
			}
		}
	}
	for r := v.header; r < len(v.t.Rows); r++ {
		name := compact(v.text(r, 0))
		if name == "" {
			continue
		}
		at := v.t.Rows[r][0].At
		var value *schema.Amount
		if m, ok := ParseAmount(v.text(r, valCol), unit); ok {
			value = &schema.Amount{Yuan: m.Yuan, Value: m.Value, Unit: m.Unit, Text: v.text(r, valCol), At: v.t.Rows[r][valCol].At}
		}
		if hasAny(name, "总额", "合计", "总计") {
			if a.Total == nil {
				a.Total = value
			}
			continue
		}
		item := schema.AssetItem{At: at, Value: value}
		sub := strings.HasPrefix(name, "其中")
		name = strings.TrimLeft(strings.TrimPrefix(name, "其中"), "：:")
		if num, ok := numbering.Parse(name); ok {
			name = num.Rest
		}
		if m := parenUnit.FindStringSubmatchIndex(name); m != nil {
			item.QuantityUnit = name[m[2]:m[3]]
			name = name[:m[0]]
		}
		item.Name = name
		item.Subitem = sub
		if q, err := decimal.Parse(compact(Clean(v.text(r, qtyCol)))); err == nil {
			item.Quantity = &q
		}
		a.Items = append(a.Items, item)
	}
}

func isoDate(m []string) string {
	pad := func(s string) string {
		if len(s) == 1 {
			return "0" + s
		}
		return s
	}
	return m[1] + "-" + pad(m[2]) + "-" + pad(m[3])
}

// unitIn finds a declared money unit such as "单位：万元".
func unitIn(s string) string {
	if m := unitDeclared.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

var _ = prov.At{}
