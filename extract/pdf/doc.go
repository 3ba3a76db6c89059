// Package pdf extracts text-layer PDFs into an extract.Document.
//
// It owns everything between the bytes of a PDF and the neutral blocks the
// rest of yusuan reads:
//
//   - the content-stream interpreter (content.go): graphics and text state,
//     q/Q and cm, all text operators, Form XObjects with their /Matrix and
//     /Resources (cycle- and depth-bounded), page /Rotate and CropBox;
//   - fonts (fonts.go, cmap.go), parsed once per document: ToUnicode CMaps
//     (bfchar, bfrange incl. the array form, codespace ranges), the
//     predefined GB CMaps (GBK-EUC-H, GB-EUC-H, UniGB-UCS2-H, UniGB-UTF16-H),
//     simple encodings with Differences and glyph names, Type 3 FontMatrix,
//     widths from /Widths or from /W and /DW;
//   - radical look-alikes folded to ordinary ideographs (radicals.go);
//   - the raw layer for table reconstruction (File, Page, Glyph, Rule from
//     Read; Line and Cell from PageLines);
//   - layout (lines.go, layout.go): lines by baseline, words and cells by
//     gaps in em, two-column reading order, running headers/footers and
//     page numbers removed, printed tables of contents (TOC blocks),
//     paragraphs joined across line and page breaks, headings with hints;
//   - ruled tables (grid.go, tables_build.go, tables_layout.go): ruling
//     snapped and joined, grouped by intersections into grids whose missing
//     edges make spanning cells; glyphs placed by their centre (so values
//     printed above their baseline land in their row), wrapped and
//     letter-spaced text joined; empty rows dropped; captions above
//     (title, 编制部门, 单位 → Table.Unit, also from the foot of the page
//     before) and 注/说明 notes below attached; HeaderRows and
//     ColumnNumberRow set; a table continued on the next page (same column
//     edges, no title of its own) merged, its repeated header and a row
//     broken by the page joined; every cell's At is page, bbox and
//     table/row/col.
//
// Coordinates: every BBox (prov.At.BBox, Glyph, Rule, Line) is in PDF user
// space points as [x0, y0, x1, y1] with the origin at the bottom-left of the
// upright page: the CropBox origin is moved to (0, 0) and /Rotate applied,
// so that y grows upwards on the page as a reader sees it.
//
// Only the object layer of github.com/ledongthuc/pdf is used (Reader,
// Value, decoded streams, Interpret for tokenising); its text decoding is
// not, because of measured defects (see the project notes).
//
// Non-goals: OCR of scanned pages (reported as
// "extract.no_text_layer"), vertical writing mode, annotations and forms.
//
// BUG(yusuan): a Type0 font with Identity-H encoding and no ToUnicode map
// yields no text (an Adobe-GB1 CID to Unicode table is not shipped).
//
// BUG(yusuan): glyph boxes use a fixed ascent/descent band (0.85/−0.15 em),
// not the font descriptor's metrics.
//
// BUG(yusuan): inline images (BI … ID … EI) are not skipped specially; their
// data is tokenised as content (none occur in the corpus).
//
// BUG(yusuan): only ruled tables are rebuilt: tables ruled with horizontal
// lines only (三线表) and unruled tables still come out as one paragraph per
// row with tab-separated cells.
//
// BUG(yusuan): headings are decided line by line; a heading wrapped over two
// lines comes out as a heading plus a paragraph.
package pdf
