package schema

import "github.com/xuri/excelize/v2"

// writeFieldsSheet adds the 字段说明 sheet: one row per column of every
// sheet (sheet, column as headed, 中文名, 说明, 单位).
func (x *XLSXWriter) writeFieldsSheet() error {
	if _, err := x.f.NewSheet(FieldsSheetZH); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(FieldsSheetZH)
	if err != nil {
		return err
	}
	for i, w := range []float64{12, 28, 24, 80, 8} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	rows := [][]any{{
		excelize.Cell{StyleID: x.bold, Value: "表"}, excelize.Cell{StyleID: x.bold, Value: "列"},
		excelize.Cell{StyleID: x.bold, Value: "中文名"}, excelize.Cell{StyleID: x.bold, Value: "说明"},
		excelize.Cell{StyleID: x.bold, Value: "单位"},
	}}
	for _, f := range Fields(LabelsZH) {
		rows = append(rows, []any{f.Table, f.Column, f.ZH, f.Desc, f.Unit})
	}
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, r); err != nil {
			return err
		}
	}
	return sw.Flush()
}
