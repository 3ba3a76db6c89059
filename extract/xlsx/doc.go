// Package xlsx extracts spreadsheets: Office Open XML workbooks (.xlsx,
// through excelize) and legacy Excel 97-2003 workbooks (.xls, BIFF8 in an
// OLE compound file, through a minimal reader of its own on mscfb). Both
// register themselves with extract from init; import
// github.com/yusuan/yusuan/extract/formats to get them.
//
// Input: the bytes of one workbook. Output: one extract.Document whose
// blocks follow the sheets in order. A budget sheet is laid out like a
// printed page, and is read as one:
//
//   - title rows above the grid (a merged row "2026年部门财务收支预算总表")
//     and the 编制部门：… / 单位：元 line become Table.Caption, the unit
//     Table.Unit; they are not data;
//   - the grid becomes an extract.Table: merged ranges are spans (counted
//     over the rows and columns kept: empty rows and columns inside a
//     table fall away), header rows are the rows before the first row
//     holding a number (an amount or a 类/款/项 code), extended over header
//     spans; in an empty template, before the first row labelled as data
//     (一、…, 合计), or all rows of a header-only table;
//   - rows under the grid starting 注：/说明： become Table.Notes;
//   - a title row after a table starts the next table of the same sheet;
//   - a sheet without a table (cover, 名词解释, 编制说明) becomes a heading
//     (its title row, else the sheet name) and one paragraph per line of
//     text, contents lines (dot leaders) marked TOC. A table sheet whose
//     title is in the caption gets no separate heading; otherwise the
//     sheet name is its heading.
//
// Cell text is what the cell shows, with one exception: amounts are never
// changed by a format. A number format that shows the value ("#,##0.00"
// on 1234.5 → "1,234.50") is kept; one that hides digits ("#,##0" on
// 96282213.44) yields the exact stored value, "96282213.44". Stored
// doubles are read at Excel's 15 significant digits, so the
// "96282213.439999998" some writers put in the file reads 96282213.44, with
// no float64 arithmetic on the way. Formulas give their cached value;
// nothing is recalculated. In .xls, number formats are applied as far as
// decimals, thousands separators, percent and dates go.
//
// Provenance: every block and cell carries prov.At{Sheet, Cell} ("C7"),
// cells also their table, row and column.
//
// Limits: Options.MaxBytes bounds the unzipped size of an .xlsx (checked
// on the zip directory before anything is inflated; parts stay in memory)
// and the Workbook stream of an .xls; Options.MaxPages bounds the sheets
// read (the rest: problem "extract.sheet_limit"). Per sheet, MaxRows rows
// and MaxCols columns are read, and rows until MaxSheetCells cells are laid
// out ("extract.sheet_truncated"); an .xlsx worksheet part is scanned first
// and the cells past these limits are cut out before excelize reads it, so
// that a cell in column XFD does not make every row 16,384 cells wide. The
// box
// between the first and last non-empty cells may hold MaxCells cells
// (beyond: "extract.sheet_failed" with ErrLimit), and MaxMerges merged
// ranges are kept. Hidden sheets are skipped with "extract.sheet_hidden".
//
// Errors: a damaged file wraps extract.ErrCorrupt; a password-protected
// one is extract.ErrEncrypted; Excel 5.0/95 (BIFF5) and Word .doc files
// (also OLE) wrap extract.ErrUnsupported with what to do. A sheet that
// fails is a Problem and the other sheets stand; a workbook in which no
// sheet could be read is an error. Panics inside excelize
// or mscfb become ErrCorrupt; the layout and BIFF code run outside that
// recover, so their bugs stay visible to the fuzz tests.
//
// Non-goals: charts, pictures, comments, rich-text styling, hidden rows
// and columns (read like visible ones), formula evaluation.
//
// BUG(yusuan): .xls dates in the 1904 date system come out as serial day
// numbers; number formats with several sections use the first section's
// decimals for negatives too.
//
// BUG(yusuan): a cell typed as text that holds a number with more than 15
// significant digits ("96282213.439999998") reads as the 15-digit number,
// as a numeric cell would: the xlsx row stream does not say the cell type.
package xlsx
