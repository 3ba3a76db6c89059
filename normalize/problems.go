package normalize

// problemZh says in Chinese what an extraction problem means for the
// reader; the extractor's own English sentence, with its details, is the
// finding's message_en.
var problemZh = map[string]string{
	"extract.charset_mismatch": "网页声明的字符编码与实际不符，已按实际编码读取",
	"extract.no_body":          "网页没有正文（可能为框架页），框架内页面未读取",
	"extract.no_text_layer":    "PDF页面没有文字层（可能为扫描件），该页内容未能读取",
	"extract.page_failed":      "PDF页面读取失败，该页内容缺失",
	"extract.page_limit":       "页数超过上限，其后各页未读取",
	"extract.sheet_failed":     "工作表读取失败，该表内容缺失",
	"extract.sheet_hidden":     "隐藏的工作表未读取",
	"extract.sheet_limit":      "工作表数量超过上限，其后各表未读取",
	"extract.sheet_truncated":  "工作表过大，仅读取了前面的行和列",
	"extract.table_image":      "表格以图片形式发布，未能读取其中数字",
	"extract.table_truncated":  "表格过大，超出上限的部分未读取",
	"extract.too_deep":         "网页标签嵌套过深，部分内容未读取",
}

// problemMessage is the Chinese message of an extraction problem: the
// known code's sentence, or a general one.
func problemMessage(code string) string {
	if m, ok := problemZh[code]; ok {
		return m
	}
	return "提取时遇到问题，部分内容可能缺失"
}
