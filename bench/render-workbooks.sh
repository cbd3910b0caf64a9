#!/usr/bin/env bash
# Render every shipped workbook as a manager sees it: write each workbook with the CLI, convert it
# to PDF with headless LibreOffice, every PDF page to a PNG (pdftoppm -r 60) and every four pages
# to a contact sheet (sheets/<workbook>-NN.png), and list the pages and any text that must never
# print ("###", source-file names, developer words).
#
#   bench/render-workbooks.sh [out-dir]      (default: exports/render)
#
# Look at every page afterwards. Needs soffice, pdftoppm and pdftotext (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-exports/render}"
rm -rf "$OUT"
mkdir -p "$OUT/xlsx" "$OUT/pdf" "$OUT/png" "$OUT/sheets"
npm run build --silent
R="node bin/regenflow.js"
# The workbooks users get from the shipped commands.
$R compare scenarios/reference-cn.yaml --flowsheet flowsheets/hydrothermal.yaml --flowsheet flowsheets/molten-salt.yaml --out "$OUT/xlsx/comparison.xlsx" >/dev/null
for s in scenarios/*.yaml; do
  n=$(basename "$s" .yaml)
  $R run "$s" --out "$OUT/xlsx/run-$n.xlsx" >/dev/null || true   # exit 1 on error diagnostics still writes
done
$R explain scenarios/reference-cn.yaml --flowsheet flowsheets/hydrothermal.yaml --flowsheet flowsheets/molten-salt.yaml --out "$OUT/xlsx/explain.xlsx" >/dev/null
$R size scenarios/reference-cn.yaml --curve 5000:20000:4 --out "$OUT/xlsx/capacity.xlsx" >/dev/null
$R uncertainty scenarios/reference-cn.yaml --samples 200 --seed 7 --workers 1 --out "$OUT/xlsx/uncertainty.xlsx" >/dev/null 2>&1
$R uncertainty scenarios/reference-cn.yaml --flowsheet flowsheets/hydrothermal.yaml --flowsheet flowsheets/molten-salt.yaml --samples 100 --seed 7 --workers 1 --out "$OUT/xlsx/paired.xlsx" >/dev/null 2>&1
$R tornado scenarios/reference-cn.yaml --range 20% --out "$OUT/xlsx/tornado.xlsx" >/dev/null 2>&1
# One private LibreOffice profile (a shared one hands the job to another soffice and exits 0).
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
soffice "-env:UserInstallation=file://$PROFILE" --headless --norestore --nolockcheck --convert-to pdf --outdir "$OUT/pdf" "$OUT"/xlsx/*.xlsx >/dev/null 2>&1
status=0
for x in "$OUT"/xlsx/*.xlsx; do
  n=$(basename "$x" .xlsx)
  pdf="$OUT/pdf/$n.pdf"
  if [ ! -f "$pdf" ]; then echo "MISSING PDF: $pdf"; status=1; continue; fi
  pdftoppm -png -r 60 "$pdf" "$OUT/png/$n"
  ppm=$(mktemp -d)
  pdftoppm -r 40 "$pdf" "$ppm/p"
  node bench/contact-sheet.js "$OUT/sheets/$n" "$ppm"/p-*.ppm
  rm -rf "$ppm"
  pages=$(ls "$OUT"/png/"$n"-*.png | wc -l)
  pdftotext -layout "$pdf" "$OUT/pdf/$n.txt"
  bad=$(grep -cE '###|[A-Za-z0-9_-]+\.(ts|js)\b|npvFast|cent-exact|\[MEMORY' "$OUT/pdf/$n.txt" || true)
  echo "$n: $pages pages; lines with ###, source-file names or developer words: $bad"
  [ "$bad" = 0 ] || status=1
done
exit $status
