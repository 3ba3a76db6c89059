package schema

// Document statuses: what kind of thing a converted file turned out to be.
// Anything but StatusOK means its figures (if any) are not a department's
// disclosure to be compared with others as they stand.
const (
	StatusOK               = "ok"                // a disclosure with figures
	StatusNoText           = "no_text"           // pages are images without a text layer: nothing could be read
	StatusTemplate         = "template"          // tables, but not one figure: a blank form
	StatusNotADisclosure   = "not_a_disclosure"  // neither tables nor figures
	StatusGovernmentReport = "government_report" // a government-level budget report, not a department's
	StatusPartial          = "partial"           // pages or sheets were left unread (--max-pages)
)

// StatusDescriptions says what each status means, for people.
var StatusDescriptions = map[string]string{
	StatusOK:               "a budget or final account disclosure with figures",
	StatusNoText:           "its pages are images without a text layer (scanned?): nothing could be read",
	StatusTemplate:         "a form with tables but not one figure (a blank template)",
	StatusNotADisclosure:   "neither tables nor figures: not a budget disclosure",
	StatusGovernmentReport: "a government-level budget or final account report, not a department's disclosure",
	StatusPartial:          "only the first pages or sheets were read (the --max-pages limit): figures may be missing",
}

// Rules of the reading whose findings decide the status.
const (
	ruleNoTextLayer = "extract.no_text_layer"
	rulePageLimit   = "extract.page_limit"
	ruleSheetLimit  = "extract.sheet_limit"
)

// DocumentStatus decides d's status from what was read: the reading's
// findings (pages without text, pages cut), the scope, and whether any
// table or figure was found. The first that applies, in the order:
// partial, no text, government report, not a disclosure, template, ok.
func DocumentStatus(d *Document) string {
	var noText, cut bool
	for _, f := range d.Findings {
		switch f.Rule {
		case ruleNoTextLayer:
			noText = true
		case rulePageLimit, ruleSheetLimit:
			cut = true
		}
	}
	tables := 0
	for _, t := range d.Tables {
		if len(t.Rows) > 0 || len(t.Header) > 0 {
			tables++
		}
	}
	figures := countFigures(d)
	switch {
	case cut: // first: what was not read may hold what the rest lacks
		return StatusPartial
	case noText && figures == 0 && tables == 0:
		return StatusNoText
	case d.Meta.Scope == "government":
		return StatusGovernmentReport
	case figures == 0 && tables == 0:
		return StatusNotADisclosure
	case figures == 0:
		return StatusTemplate
	}
	return StatusOK
}

// countFigures counts the amounts d states anywhere: headline figures,
// 三公, assets, procurement, table cells, narrative items.
func countFigures(d *Document) int {
	n := 0
	count := func(string, *Amount) error { n++; return nil }
	_ = amountPaths("summary", &d.Summary, count)
	_ = amountPaths("three_public", &d.ThreePublic, count)
	_ = amountPaths("procurement", &d.Procurement, count)
	_ = amountPaths("assets", &d.Assets, count)
	if d.OperatingExpenses != nil {
		n++
	}
	for _, t := range d.Tables {
		for _, li := range t.LineItems {
			if li.Name == "" && li.Code == "" {
				// A number in a row without a label: in blank forms, the
				// classification codes printed in the amount columns.
				continue
			}
			for _, a := range li.Amounts {
				if a != nil {
					n++
				}
			}
		}
	}
	for _, it := range d.NarrativeItems {
		if it.Amount != nil {
			n++
		}
	}
	for _, it := range d.Assets.Items {
		if it.Value != nil {
			n++
		}
	}
	return n
}

// documentStatus is d's status, decided now for a document written before
// statuses existed (a spooled part of an earlier batch run).
func documentStatus(d *Document) string {
	if d.Status != "" {
		return d.Status
	}
	return DocumentStatus(d)
}
