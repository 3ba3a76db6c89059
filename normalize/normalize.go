// Package normalize turns an extracted document (package extract) into the
// canonical schema document (package schema): it segments Chinese text
// with gojieba, nests headings by their numbering, classifies sections
// onto schema keys, reads amounts and units as exact decimals, and fills
// meta, summary, 三公, 机关运行经费, performance, procurement, assets and
// glossary from the narrative and the tables. It knows nothing of input
// formats: only blocks, hints and provenance.
//
// A Normalizer is built once per process (the segmenter costs ~0.5 s and
// ~140 MB) and is safe for concurrent use.
package normalize

import (
	"slices"
	"strings"

	"github.com/yusuan/yusuan/extract"
	"github.com/yusuan/yusuan/schema"
)

// Normalizer maps extracted documents onto the schema.
type Normalizer struct {
	seg Segmenter
	lex *Lexicon
}

// New builds a Normalizer around a segmenter (see LoadSegmenter).
func New(seg Segmenter) *Normalizer {
	return &Normalizer{seg: seg, lex: NewLexicon(seg)}
}

// Normalize builds the schema document for x. name is the file's name, a
// last resort for the title when the document prints none (a volume of
// tables only). Source is left for the caller to fill; findings from
// validation are the caller's too (see schema.Validate), except those about
// the reading itself.
func (n *Normalizer) Normalize(x *extract.Document, name string) *schema.Document {
	d := &schema.Document{
		SchemaVersion:    schema.Version,
		Sections:         []schema.Section{},
		Responsibilities: []string{},
		Tables:           []schema.Table{},
		Glossary:         []schema.GlossaryEntry{},
		Findings:         []schema.Finding{},
	}
	d.Meta.Issuer.OtherNames = []string{}
	d.Summary.Change.Reasons = []string{}
	d.Performance = schema.Performance{Goals: []schema.Goal{}, Programs: []schema.Program{}, IndicatorTables: []schema.IndicatorTable{}}
	d.Procurement.Items = []schema.ProcurementItem{}
	d.Assets.Items = []schema.AssetItem{}

	repaired := *x
	repaired.Blocks = repairBlocks(x.Blocks)
	x = &repaired
	title, titleFromFile := findTitle(x, name)
	o := n.buildOutline(x, title)
	for _, s := range o.sections {
		d.Sections = append(d.Sections, s.Section)
	}
	n.fillMeta(d, x, title, name, titleFromFile)
	n.fillResponsibilities(d, o)
	n.fillGlossary(d, o)
	n.fillNarrative(d, o)
	n.fillGoals(d, o)
	n.fillTables(d, x, o)
	finishTables(d, x)
	deriveThreePublicTotal(&d.ThreePublic)
	deriveThreePublicTotal(d.ThreePublicBudget)
	for _, p := range x.Problems {
		d.Findings = append(d.Findings, schema.Finding{
			Rule: p.Code, Severity: schema.SevWarning, Message: problemMessage(p.Code), MessageEn: p.Message, At: []schema.At{p.At},
		})
	}
	keepGovernmentMeta(d)
	return d
}

// sectionsWith returns the sections carrying key k, in order.
func (o *outline) sectionsWith(k string) []*section {
	var out []*section
	for _, s := range o.sections {
		if s.has(k) {
			out = append(out, s)
		}
	}
	return out
}

// paragraphs returns the paragraph blocks of the sections carrying key k.
func (o *outline) paragraphs(k string) []*extract.Block {
	var out []*extract.Block
	for _, s := range o.sectionsWith(k) {
		for _, b := range s.blocks {
			if b.Kind == extract.KindParagraph {
				out = append(out, b)
			}
		}
	}
	return out
}

// allText returns every paragraph and heading's text, for document-wide searches.
func allText(x *extract.Document, limit int) string {
	var b strings.Builder
	for _, blk := range x.Blocks {
		if blk.Kind == extract.KindParagraph || blk.Kind == extract.KindHeading {
			b.WriteString(blk.Text)
			b.WriteByte('\n')
			if limit > 0 && b.Len() > limit {
				break
			}
		}
	}
	return b.String()
}

// finishTables settles what the formats print differently around tables:
// spaces inside titles ("第二部分 部门整体绩效目标" in text, none in HTML) and
// the assets table's date, which some formats keep in a caption and others
// in the table's first rows.
func finishTables(d *schema.Document, x *extract.Document) {
	for i := range d.Tables {
		d.Tables[i].Title = tidySpace(d.Tables[i].Title)
		singleColumnTotal(&d.Tables[i])
	}
	for i := range d.Performance.IndicatorTables {
		it := &d.Performance.IndicatorTables[i]
		it.Title = tidySpace(it.Title)
		// Goals printed in one cell as "1、…2、…" are several goals.
		goals := []string{}
		for _, g := range it.Goals {
			if items := inlineItems(g); len(items) >= 2 {
				goals = append(goals, items...)
				continue
			}
			goals = append(goals, g)
		}
		it.Goals = goals
	}
	// Counts read from the narrative give way to an assets table.
	fromTable := slices.ContainsFunc(d.Assets.Items, func(it schema.AssetItem) bool { return it.At.Table != nil })
	if fromTable {
		d.Assets.Items = slices.DeleteFunc(d.Assets.Items, func(it schema.AssetItem) bool { return it.At.Table == nil })
	}
	if d.Assets.AsOf != "" {
		return
	}
	for _, b := range x.Blocks {
		if b.Kind != extract.KindTable || b.Table == nil {
			continue
		}
		texts := append([]string(nil), b.Table.Caption...)
		for r := 0; r < len(b.Table.Rows) && r < 3; r++ {
			for _, c := range b.Table.Rows[r] {
				texts = append(texts, c.Text)
			}
		}
		joined := strings.Join(texts, " ")
		if !hasAny(joined, "资产") {
			continue
		}
		for _, t := range texts {
			if m := dateRe.FindStringSubmatch(Clean(t)); m != nil && hasAny(t, "截止", "截至", "年末", "日") {
				d.Assets.AsOf = isoDate(m)
				return
			}
		}
	}
}

// tidySpace drops spaces between Chinese characters and collapses the rest.
func tidySpace(s string) string {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	out := rs[:0]
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && (isHan(rs[i-1]) || isHan(rs[i+1])) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

func isHan(r rune) bool { return r >= 0x3000 && r <= 0x9fff || r >= 0xff00 && r <= 0xffef }

// singleColumnTotal keys a table's only amount column (金额, 预算数, 决算数)
// "total", as schema.md says: where every line item's one amount sits
// under the generic key, that key becomes "total".
func singleColumnTotal(t *schema.Table) {
	seen := false
	for _, it := range t.LineItems {
		for k := range it.Amounts {
			if k != "amount" {
				return
			}
			seen = true
		}
	}
	if !seen {
		return
	}
	for i := range t.LineItems {
		if a, ok := t.LineItems[i].Amounts["amount"]; ok {
			delete(t.LineItems[i].Amounts, "amount")
			t.LineItems[i].Amounts["total"] = a
		}
	}
}
