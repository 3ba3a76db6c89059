package compare

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/yusuan/yusuan/decimal"
	"github.com/yusuan/yusuan/schema"
)

// figures is what compare keeps of a document: its headline figures.
type figures struct {
	path, issuer, kind, scope string
	year, findings            int                       // findings: warnings and errors
	figs                      [numFigs]*decimal.Decimal // 元
	tol                       [numFigs]*decimal.Decimal // half the last printed digit, 元; nil if unknown
	from                      [numFigs]string           // a merged disclosure: the file a figure came from
	disclosure                string                    // schema.DisclosureID
	notes                     []string                  // what merging a disclosure found
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

func summarize(d *schema.Document) figures {
	c := figures{
		path: d.Source.Path, issuer: d.Meta.Issuer.Name, kind: d.Meta.Kind, scope: d.Meta.Scope,
		year: d.Meta.FiscalYear, disclosure: schema.DisclosureID(d),
	}
	for _, f := range d.Findings {
		// Rounding notes (info) are not problems.
		if f.Severity == schema.SevWarning || f.Severity == schema.SevError {
			c.findings++
		}
	}
	set := func(i int, a *schema.Amount) {
		if a != nil {
			y := a.Yuan
			c.figs[i] = &y
			if t, ok := halfUnit(a); ok {
				c.tol[i] = &t
			}
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
		if t1, ok1 := halfUnit(tp.VehiclePurchase); ok1 {
			if t2, ok2 := halfUnit(tp.VehicleOperation); ok2 {
				t := t1.Add(t2)
				c.tol[figVehicles] = &t
			}
		}
	}
	return c
}

// Row is one line of the table: a document's headline figures and their
// change against the same department's previous year in the input.
type Row struct {
	figures
	prevYear int                       // the year compared against; 0 if none
	change   [numFigs]*decimal.Decimal // vs prevYear, 元
	pct      [numFigs]*decimal.Decimal // vs prevYear, percent
	// executed: a final account's figure as a percent of the same
	// department's budget for the year (执行率 = 决算 ÷ 预算), where both are in.
	executed [numFigs]*decimal.Decimal
	note     string
}

// executionFigs are the figures whose 执行率 compare shows.
var executionFigs = []int{figExpenditure, figThreePublic}

// addExecution sets each final account's 执行率 against the one budget of
// the same department, scope and year among the rows.
func addExecution(rows []Row) {
	key := func(r *Row) string { return r.issuer + "\x00" + r.scope + "\x00" + strconv.Itoa(r.year) }
	budgets := map[string][]*Row{}
	for i := range rows {
		if r := &rows[i]; r.kind == schema.KindBudget && r.issuer != "" && r.year != 0 {
			budgets[key(r)] = append(budgets[key(r)], r)
		}
	}
	for i := range rows {
		r := &rows[i]
		b := budgets[key(r)]
		if r.kind != schema.KindFinalAccount || len(b) != 1 {
			continue // none, or which budget is a guess
		}
		for _, f := range executionFigs {
			if r.figs[f] == nil || b[0].figs[f] == nil || b[0].figs[f].IsZero() {
				continue
			}
			if q, ok := r.figs[f].Shift(2).Div(*b[0].figs[f], 1); ok {
				r.executed[f] = &q
			}
		}
	}
}

// buildRows sorts the documents by department, kind, scope and year, and
// computes each row's change against the same department's latest earlier
// year (same kind and scope) present in the input.
func buildRows(docs []figures) []Row {
	rows := make([]Row, len(docs))
	for i, d := range docs {
		rows[i].figures = d
	}
	slices.SortStableFunc(rows, func(a, b Row) int {
		return cmp.Or(cmp.Compare(a.issuer, b.issuer), cmp.Compare(a.kind, b.kind),
			cmp.Compare(a.scope, b.scope), cmp.Compare(a.year, b.year), cmp.Compare(a.path, b.path))
	})
	group := func(r Row) string { return r.issuer + "\x00" + r.kind + "\x00" + r.scope }
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
	addExecution(rows)
	return rows
}
