// Package formats registers every extractor yusuan ships; import it for its
// side effect. It exists so that one import line decides which formats a
// program understands, the way image/png does for image.Decode.
package formats

import (
	_ "github.com/yusuan/yusuan/extract/docx"
	_ "github.com/yusuan/yusuan/extract/html"
	_ "github.com/yusuan/yusuan/extract/pdf"
	_ "github.com/yusuan/yusuan/extract/txt"
	_ "github.com/yusuan/yusuan/extract/xlsx"
)
