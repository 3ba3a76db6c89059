//go:build !yusuan_embeddict

package jiebadict

import "embed"

// An ordinary build embeds nothing: Dir uses gojieba's module directory.
var embedded *embed.FS
