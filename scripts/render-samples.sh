#!/usr/bin/env bash
# render-samples.sh: print the fictional disclosure
# extract/pdf/testdata/render/disclosure.html to PDF two ways, as fixtures
# for the PDF table tests (format invariance):
#   samples/pdf-disclosure-chromium.pdf     Chromium headless, WenQuanYi Zen Hei
#   samples/pdf-disclosure-libreoffice.pdf  LibreOffice Writer (HTML import)
# Needs: apt-get install -y chromium fonts-wqy-zenhei libreoffice-writer
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src=$root/extract/pdf/testdata/render/disclosure.html
out=$root/samples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

chromium --headless --no-sandbox --disable-gpu --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$tmp/profile" --no-pdf-header-footer \
	--print-to-pdf="$out/pdf-disclosure-chromium.pdf" "file://$src" 2>/dev/null

cp "$src" "$tmp/pdf-disclosure-libreoffice.html"
soffice --headless -env:UserInstallation="file://$tmp/lo" \
	--convert-to pdf:writer_pdf_Export --outdir "$tmp" "$tmp/pdf-disclosure-libreoffice.html" >/dev/null
cp "$tmp/pdf-disclosure-libreoffice.pdf" "$out/"
ls -l "$out"/pdf-disclosure-*.pdf
