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
//   - layout (lines.go, layout.go, wraps.go): lines by baseline, words and
//     cells by gaps in em, two-column reading order, running
//     headers/footers and page numbers removed (a page number also when it
//     is the last line of its page a little above the outer tenth, digits
//     letter-spaced), printed tables of contents (TOC blocks), paragraphs
//     joined across line and page breaks, headings with hints; a heading
//     line running to the right margin joined with the paragraph it
//     starts (or with the rest of a wrapped heading);
//   - ruled tables (grid.go, tables_build.go, tables_layout.go): ruling
//     snapped and joined, grouped by intersections into grids whose missing
//     edges make spanning cells; glyphs placed by their centre (so values
//     printed above their baseline land in their row), wrapped and
//     letter-spaced text joined (a figure wrapped in a narrow cell only
//     into a well-formed figure), text run over a cell's right rule given
//     back to its cell; empty rows dropped; a title and unit framed inside
//     the ruling lifted into the caption; captions above
//     (title, 编制部门, 单位 → Table.Unit, also from the foot of the page
//     before) and 注/说明 notes below attached; HeaderRows and
//     ColumnNumberRow set; a table continued on the next page (same column
//     edges, no title of its own) merged, its repeated header dropped and
//     a row broken by the page joined (its figures too, when the first
//     half has none there and the second half has no label, or lacks the
//     code every row carries); 行次 columns marked
//     (extract.MarkRowNumberCols); every cell's At is page, bbox and
//     table/row/col;
//   - unruled tables and tables ruled with horizontal lines only
//     (tables_stream.go, the "stream" approach): runs of lines that are
//     not prose, cut into pieces at narrow gaps; columns where a gutter
//     runs down through the pieces (lines spanning the table set aside);
//     rows from lines whose boxes overlap or that only carry on the
//     row's text; kept only with three columns aligned over three rows,
//     figures and no sentence in a cell; figures side by side in one cell
//     spread back over the empty cells to their left; a 注 line ends the
//     rows; a table continued at the top of the next page read with the
//     same columns, so that it merges (not when a title or 单位 line comes
//     first: that is a table of its own, read with its own columns); in
//     the header band, a heading reaching over the edge between two
//     columns of amounts goes to the column it is centred in, a heading
//     over a column no data row fills (备注) makes that column, and a
//     group title wider than one column becomes a header row of its own;
//     a name wrapped around its row's figures (first half above them)
//     starts that row;
//   - plain-text printouts (tables_printout.go): a .txt whose tables are
//     one cell per tab-indented line, printed as is (LibreOffice), read
//     over the whole document: rows and empty cells from the gaps counted
//     in empty lines, a short row's last cell spanning, caption lines
//     (…表, 编制部门, 单位, 截止时间) to Caption/Unit.
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
// Limits: the page tree is walked once (attributes inherited on the way
// down, so a flat tree of 50,000 pages is linear) and File.NumPages is the
// number of pages found there, not the tree's /Count. Content streams are
// decoded here before the object layer interprets them: at most 32 MB per
// stream and 128 MB per document (a stream shown on several pages counts
// each time; large ones are decoded once), at most 4M operators per page
// and 16M per document; ctx is checked between pages and every 1024
// operators. A page over a limit fails ("extract.page_failed", ErrLimit)
// and the others stand. Failures of the object layer are reported in one
// short line, file bytes quoted and cut.
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
// BUG(yusuan): unruled tables need columns separated by white that runs
// through nearly every line; a column whose text overruns into the next
// (no gutter) merges with it, and a table of dense, centred multi-level
// headers (a procurement table with spans over spans) may be refused and
// stay paragraphs. Horizontal rules of a 三线表 are not used as hints.
//
// BUG(yusuan): in a plain-text printout a blank line at the foot of a page
// leaves no trace, so a row whose empty cells fell there is read short
// (its last cell spanning); and a single empty line between two groups of
// cells is an empty cell when the row has room for it, so a header row
// shorter than the table may take the first cells of the next row.
//
// BUG(yusuan): headings are decided line by line; a heading wrapped over two
// lines comes out as a heading plus a paragraph unless its first line runs
// to the right margin.
//
// BUG(yusuan): a row broken by a page break whose second half holds
// figures is joined only when a code or row-number column (or a missing
// label) says it is one row; in a table without codes, a label carried
// onto the next page with the figures stays a row of its own.
//
// BUG(yusuan): in an unruled table a group title no wider than one column
// (centred over several, but short) stays glued to the heading under it
// ("一般公共预算支出其中：基本支出"), and a name cell centred beside the
// lines of a stacked header joins the header row; headings are placed by
// geometry only, so a heading crossing an edge between columns that are
// not both amounts keeps its span.
package pdf
