// Package inspecthtml owns the "see where every figure came from" page:
// one self-contained HTML file (no network, no external scripts or fonts)
// that draws a document as the extractor read it — PDF pages as text at its
// positions, other formats as their blocks and tables in order — and marks
// every amount that reached the schema where it was printed
// (data-field="three_public.total"), every table's recognised kind, header
// band, column keys and line-item codes, and every finding's cells
// (data-finding). Values are placed through their provenance (package prov),
// never by searching the text for numbers.
//
// It also owns the batch site (WriteSite): an index of departments × years
// with the headline figures, linking to one such page per document.
package inspecthtml
