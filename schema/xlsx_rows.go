package schema

// The tabular form of documents, shared by XLSXWriter and CSVWriter: one
// sheet per entity, one row per record, and a "document" column (the source
// path) that ties rows across sheets. Rows are built once as []any holding
// only string, int, bool, decimal.Decimal or nil; each sink turns them into
// its own cells (a numeric cell from the decimal for XLSX, the exact decimal
// text for CSV).

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/yusuan/yusuan/decimal"
)

// tabSheet identifies one sheet (XLSX) or file (CSV).
type tabSheet int

const (
	tabDocuments tabSheet = iota
	tabSummary
	tabThreePublic
	tabSections
	tabIndicators
	tabAssets
	tabTables
	tabLineItems
	tabFindings
	tabErrors
	numTabSheets
)

// tabColumn is one column: header name, XLSX width in characters, and
// whether its numbers are money (formatted with thousands separators).
type tabColumn struct {
	name  string
	width float64
	money bool
}

type tabSheetDef struct {
	name string
	cols []tabColumn
}

// Column groups reused by several sheets.
var (
	colDocument = tabColumn{name: "document", width: 40}
	// amountCols are the columns amountCells fills.
	amountCols = []tabColumn{
		{name: "yuan", width: 16, money: true},
		{name: "yuan_exact", width: 16},
		{name: "value", width: 12},
		{name: "unit", width: 8},
		{name: "text", width: 24},
		{name: "at", width: 24},
	}
)

func cols(groups ...[]tabColumn) []tabColumn { return slices.Concat(groups...) }

func textCols(specs ...any) []tabColumn {
	var out []tabColumn
	for i := 0; i < len(specs); i += 2 {
		out = append(out, tabColumn{name: specs[i].(string), width: float64(specs[i+1].(int))})
	}
	return out
}

// tabSheets lists the sheets in workbook order, with their columns. A row
// built for a sheet has exactly len(cols) cells.
var tabSheets = [numTabSheets]tabSheetDef{
	tabDocuments: {"documents", cols([]tabColumn{colDocument}, textCols(
		"format", 6, "sha256", 18, "bytes", 10, "title", 40, "fiscal_year", 8, "kind", 12, "scope", 10,
		"issuer", 30, "other_names", 24, "issuer_code", 8, "province", 10, "city", 10, "county", 10, "unit", 6),
		[]tabColumn{
			{name: "revenue_total", width: 16, money: true},
			{name: "expenditure_total", width: 16, money: true},
			{name: "expenditure_basic", width: 16, money: true},
			{name: "expenditure_project", width: 16, money: true},
			{name: "three_public_total", width: 16, money: true},
			{name: "operating_expenses", width: 16, money: true},
		},
		textCols("findings_error", 8, "findings_warning", 8, "findings_info", 8, "status", 8, "producer", 16, "document_status", 14, "disclosure_id", 30))},
	tabSummary:     {"summary", cols([]tabColumn{colDocument}, textCols("field", 36), amountCols)},
	tabThreePublic: {"three_public", cols([]tabColumn{colDocument}, textCols("field", 36), amountCols)},
	tabSections: {"sections", cols([]tabColumn{colDocument}, textCols(
		"key", 16, "keys", 16, "number", 8, "heading", 30, "level", 6, "text", 80, "at", 24))},
	tabIndicators: {"indicators", cols([]tabColumn{colDocument}, textCols(
		"table", 6, "table_title", 30, "level1", 12, "level2", 14, "level3", 30, "description", 30,
		"comparator", 6, "value", 10, "unit", 8, "target", 16, "basis", 20, "at", 24))},
	tabAssets: {"assets", cols([]tabColumn{colDocument}, textCols(
		"as_of", 11, "name", 24, "quantity", 10, "quantity_unit", 8), amountCols, textCols("subitem", 8))},
	tabTables: {"tables", cols([]tabColumn{colDocument}, textCols(
		"table", 6, "kind", 12, "title", 40, "unit", 6, "empty", 6, "empty_note", 30,
		"header_rows", 8, "rows", 6, "line_items", 8, "at", 24))},
	tabLineItems: {"line_items", cols([]tabColumn{colDocument}, textCols(
		"table", 6, "kind", 12, "code", 10, "name", 30, "level", 6, "classification", 12, "column", 20),
		amountCols)},
	tabFindings: {"findings", cols([]tabColumn{colDocument}, textCols(
		"rule", 36, "severity", 8, "message", 60, "message_en", 60, "expected", 16, "actual", 16, "at", 30))},
	tabErrors: {"errors", cols([]tabColumn{colDocument}, textCols("format", 6, "reason", 80))},
}

// emitFunc receives one row for one sheet.
type emitFunc func(tabSheet, []any) error

// emitErrorRow emits the row of a file that failed.
func emitErrorRow(path, format, reason string, emit emitFunc) error {
	return emit(tabErrors, []any{path, format, reason})
}

// emitDocument emits every row of doc, sheet by sheet.
func emitDocument(doc *Document, emit emitFunc) error {
	if doc == nil {
		return fmt.Errorf("nil document")
	}
	p := doc.Source.Path
	steps := []func(*Document, string, emitFunc) error{
		emitDocumentRow, emitSummaryRows, emitThreePublicRows, emitSectionRows,
		emitIndicatorRows, emitAssetRows, emitTableRows, emitFindingRows,
	}
	for _, step := range steps {
		if err := step(doc, p, emit); err != nil {
			return err
		}
	}
	return nil
}

func emitDocumentRow(doc *Document, p string, emit emitFunc) error {
	counts := map[string]int{}
	for _, f := range doc.Findings {
		counts[f.Severity]++
	}
	status := "ok"
	switch {
	case counts[SevError] > 0:
		status = "errors"
	case counts[SevWarning] > 0:
		status = "warnings"
	}
	m, s := doc.Meta, doc.Summary
	return emit(tabDocuments, []any{p,
		doc.Source.Format, doc.Source.SHA256, int(doc.Source.Bytes), m.Title, nonZero(m.FiscalYear), m.Kind, m.Scope,
		m.Issuer.Name, strings.Join(m.Issuer.OtherNames, "；"), m.Issuer.Code,
		m.Region.Province, m.Region.City, m.Region.County, m.Unit,
		yuanOf(s.Revenue.Total), yuanOf(s.Expenditure.Total), yuanOf(s.Expenditure.Basic), yuanOf(s.Expenditure.Project),
		yuanOf(doc.ThreePublic.Total), yuanOf(doc.OperatingExpenses),
		counts[SevError], counts[SevWarning], counts[SevInfo], status, doc.Source.Producer, documentStatus(doc), DisclosureID(doc),
	})
}

// emitSummaryRows emits one row per headline amount present, each named by
// its JSON path from the document root (summary.revenue.total, …).
func emitSummaryRows(doc *Document, p string, emit emitFunc) error {
	emitOne := func(field string, a *Amount) error {
		return emit(tabSummary, append([]any{p, field}, amountCells(a)...))
	}
	if err := amountPaths("summary", &doc.Summary, emitOne); err != nil {
		return err
	}
	if doc.OperatingExpenses != nil {
		if err := emitOne("operating_expenses", doc.OperatingExpenses); err != nil {
			return err
		}
	}
	if err := amountPaths("procurement", &doc.Procurement, emitOne); err != nil {
		return err
	}
	return amountPaths("assets", &doc.Assets, emitOne)
}

func emitThreePublicRows(doc *Document, p string, emit emitFunc) error {
	emitOne := func(field string, a *Amount) error {
		return emit(tabThreePublic, append([]any{p, field}, amountCells(a)...))
	}
	if err := amountPaths("three_public", &doc.ThreePublic, emitOne); err != nil {
		return err
	}
	if doc.ThreePublicBudget != nil {
		return amountPaths("three_public_budget", doc.ThreePublicBudget, emitOne)
	}
	return nil
}

var amountPtrType = reflect.TypeFor[*Amount]()

// amountPaths calls fn for every non-nil *Amount field of the struct v points
// to, descending into struct fields but not slices or maps, in field order.
// Walking by reflection keeps the sheets in step as fields are added.
func amountPaths(prefix string, v any, fn func(string, *Amount) error) error {
	var walk func(string, reflect.Value) error
	walk = func(prefix string, rv reflect.Value) error {
		t := rv.Type()
		for i := range t.NumField() {
			jf, ok := jsonFieldOf(t.Field(i))
			if !ok {
				continue
			}
			fv, path := rv.Field(i), prefix+"."+jf.name
			switch {
			case fv.Type() == amountPtrType:
				if !fv.IsNil() {
					if err := fn(path, fv.Interface().(*Amount)); err != nil {
						return err
					}
				}
			case fv.Kind() == reflect.Struct && fv.Type() != reflect.TypeFor[At]():
				if err := walk(path, fv); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return walk(prefix, reflect.ValueOf(v).Elem())
}

func emitSectionRows(doc *Document, p string, emit emitFunc) error {
	for _, s := range doc.Sections {
		if err := emit(tabSections, []any{p, s.Key, strings.Join(s.Keys, ","), s.Number, s.Heading,
			s.Level, s.Text, s.At.String()}); err != nil {
			return err
		}
	}
	return nil
}

func emitIndicatorRows(doc *Document, p string, emit emitFunc) error {
	for i, t := range doc.Performance.IndicatorTables {
		for _, r := range t.Rows {
			var cmp, unit, text any
			var val any
			if r.Target != nil {
				cmp, unit, text = r.Target.Comparator, r.Target.Unit, r.Target.Text
				if r.Target.Value != nil {
					val = *r.Target.Value
				}
			}
			if err := emit(tabIndicators, []any{p, i, t.Title, r.Level1, r.Level2, r.Level3, r.Description,
				cmp, val, unit, text, r.Basis, r.At.String()}); err != nil {
				return err
			}
		}
	}
	return nil
}

func emitAssetRows(doc *Document, p string, emit emitFunc) error {
	for _, it := range doc.Assets.Items {
		var q any
		if it.Quantity != nil {
			q = *it.Quantity
		}
		row := append([]any{p, doc.Assets.AsOf, it.Name, q, it.QuantityUnit}, amountCells(it.Value)...)
		if it.Value == nil || it.Value.At.IsZero() {
			row[len(row)-1] = it.At.String() // the row's own place when the value has none
		}
		if err := emit(tabAssets, append(row, boolCell(it.Subitem))); err != nil {
			return err
		}
	}
	return nil
}

func emitTableRows(doc *Document, p string, emit emitFunc) error {
	for i, t := range doc.Tables {
		if err := emit(tabTables, []any{p, i, string(t.Kind), t.Title, t.Unit, boolCell(t.Empty), t.EmptyNote,
			len(t.Header), len(t.Rows), len(t.LineItems), t.At.String()}); err != nil {
			return err
		}
	}
	for i, t := range doc.Tables {
		for _, li := range t.LineItems {
			head := []any{p, i, string(t.Kind), li.Code, li.Name, li.Level, li.Classification}
			cols := amountColumns(li.Amounts, t.Header)
			if len(cols) == 0 {
				row := append(slices.Clone(head), "")
				row = append(row, amountCells(nil)...)
				row[len(row)-1] = li.At.String()
				if err := emit(tabLineItems, row); err != nil {
					return err
				}
			}
			for _, c := range cols {
				row := append(slices.Clone(head), string(c))
				if err := emit(tabLineItems, append(row, amountCells(li.Amounts[c])...)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// amountColumns returns the names of the non-nil amounts in m, in the order
// their columns are printed in header (names not found there last, sorted).
func amountColumns(m map[ColumnKey]*Amount, header [][]string) []ColumnKey {
	pos := map[string]int{}
	for _, hr := range header {
		for j, h := range hr {
			if old, ok := pos[h]; !ok || j < old {
				pos[h] = j
			}
		}
	}
	var names []ColumnKey
	for k, a := range m {
		if a != nil {
			names = append(names, k)
		}
	}
	slices.SortFunc(names, func(a, b ColumnKey) int {
		pa, oka := pos[string(a)]
		pb, okb := pos[string(b)]
		switch {
		case oka && okb && pa != pb:
			return pa - pb
		case oka != okb:
			if oka {
				return -1
			}
			return 1
		}
		return strings.Compare(string(a), string(b))
	})
	return names
}

func emitFindingRows(doc *Document, p string, emit emitFunc) error {
	for _, f := range doc.Findings {
		ats := make([]string, 0, len(f.At))
		for _, a := range f.At {
			ats = append(ats, a.String())
		}
		if err := emit(tabFindings, []any{p, f.Rule, f.Severity, f.Message, f.MessageEn, f.Expected, f.Actual,
			strings.Join(ats, "; ")}); err != nil {
			return err
		}
	}
	return nil
}

// amountCells returns the cells of amountCols for a (all nil for nil).
func amountCells(a *Amount) []any {
	if a == nil {
		return make([]any, len(amountCols))
	}
	return []any{a.Yuan, a.Yuan.String(), a.Value, a.Unit, a.Text, a.At.String()}
}

func yuanOf(a *Amount) any {
	if a == nil {
		return nil
	}
	return a.Yuan
}

func nonZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func boolCell(b bool) any {
	if b {
		return true
	}
	return nil
}

// decimalCell reports whether v is a decimal cell and returns it.
func decimalCell(v any) (decimal.Decimal, bool) {
	d, ok := v.(decimal.Decimal)
	return d, ok
}
