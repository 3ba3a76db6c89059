// Package html extracts the article of an HTML page — a portal's 部门预算/决算
// disclosure, or a JSP/ASP template holding one — into an extract.Document of
// headings, paragraphs, tables and images, each with a CSS selector path as
// its provenance. It registers itself for extract.FormatHTML (priority 10,
// ahead of plain text) from init; import it for that side effect, or call
// Extract directly.
//
// # What it owns
//
//   - Charset: a byte-order mark, then a <meta charset> / http-equiv
//     Content-Type (or JSP contentType) declaration in the first 16 KiB,
//     then sniffing: valid UTF-8, else GB18030. gb2312 and gbk are read as
//     GB18030. When the bytes contradict the declaration the bytes win and a
//     Problem "extract.charset_mismatch" says so. Document.Encoding names the
//     encoding used ("utf-8", "gb18030", "utf-16le", …).
//   - Cleaning: <%…%> server tags are cut before parsing; scripts, styles,
//     form controls, comments, hidden elements (hidden, aria-hidden,
//     display:none or visibility:hidden inline or by a simple .class/#id rule
//     of the page's <style>), ${…} residue and chrome (nav, footer, aside,
//     elements whose class or id names a menu, breadcrumb, share bar, QR
//     code, search box, header or footer) are not read. Chrome is spared when
//     it holds two fifths of the page's text or a table.
//   - Main content: from <body>, descend into the child holding the text
//     (non-link runes, images count 100) while its siblings hold under a
//     fifth of it and no content image or table with text. The disclosure's
//     title printed above the article (an <h1>–<h3> or *title* element naming
//     预算/决算) is recovered as the first, level-1 heading.
//   - Blocks: block elements and <br> end a line; inline tags are flattened
//     in order; white space and &nbsp; collapse to one space, dropped next to
//     Chinese characters. A line is a heading when it is in <h1>–<h6>; or it
//     starts with Chinese numbering (numbering.Parse) and is a short title
//     (≤ 40 runes, no comma, no amount, no text after a colon); or it is
//     short, bold (or set in 黑体/小标宋) or centred, and does not end a
//     sentence. Level comes from the numbering style (第一部分 1, 一、 2,
//     （一） 3, 1、 4) or the <hN>. Hints carry Bold, Centered, FontSize (pt,
//     from inline styles) and its SizeRank. Date, source and view-count
//     lines and print/close links are dropped. A 目录 and the entries after it
//     (leader dots, or repeated later) are marked TOC.
//   - Tables: rowspan and colspan are expanded into a full grid (the origin
//     keeps RowSpan/ColSpan, covered positions have Covered set, short rows
//     are padded). A table inside a data table's cell is flattened into that
//     cell's text; a table used for layout (a single cell, a cell of more
//     than 400 runes, or a nested table in a narrow or short grid) is read as
//     a container, and the tables inside it come out on their own. Leading
//     rows of one full-width cell (or a title and a 单位 cell) go to Caption;
//     trailing full-width 注 rows and 注 paragraphs just after go to Notes;
//     the short title, 编制单位 and 单位：万元 lines just above move into
//     Caption, and Unit is read from the caption. HeaderRows are the <thead>
//     rows, else the rows before the first holding a number, extended over
//     header rowspans; a 栏次 / 1 2 3 row is ColumnNumberRow.
//   - Images in the article become image blocks (icons and spacers are
//     skipped); one that looks like a table (named 表/table, at least 400×300
//     px, or any image when the article has no data table) adds the Problem
//     "extract.table_image".
//
// # Limits
//
// Options.MaxBytes is checked by the registry and again here. A page of
// more than 16 MB or 262,144 start tags is refused before it is parsed, and
// one yielding more than 65,536 blocks while it is read (ErrLimit): the
// largest disclosure page seen is 123 KB. Markup nested
// deeper than the parser accepts (x/net/html stops at 512 open elements) is
// re-tokenised with the excess tags dropped and their text kept; the tree is
// then cut at Options.MaxDepth (default 256) levels; both add a Problem
// "extract.too_deep". Every later pass recurses at most MaxDepth deep.
// Spans are clamped (colspan 1000, rowspan to the table's end) and a table is
// cut at 1000 columns or 2^20 cells ("extract.table_truncated"). Work is
// linear in the input; memory is a small multiple of the parsed tree (about
// 10–20× the input for dense markup). ctx is checked between passes and
// every 4096 elements. A panic on malformed input is returned as an error
// wrapping extract.ErrCorrupt.
//
// # Non-goals
//
// No CSS cascade beyond inline styles and bare .class/#id display:none rules,
// no JavaScript, no fetching of frames, images or attachments (an image of a
// table is reported, not read), no reading-order repair of floated columns.
// Selector paths count every element of the parsed tree (tbody inserted by
// the parser included), so they match what a browser builds, not the raw
// source text.
//
// BUG(yusuan): a paragraph broken into two <p> mid-sentence (Word exports)
// comes out as two paragraphs; joining them is left to normalize.
package html
