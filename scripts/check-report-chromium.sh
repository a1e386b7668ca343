#!/bin/sh
# Renders a run report (report.html) with headless Chromium and checks it in a real browser:
# the page loads, every section heading is in the rendered DOM, the three charts are there,
# and a screenshot is written. Skips (exit 0) when Chromium is not installed.
#
# Usage: scripts/check-report-chromium.sh REPORT.html OUT.png
set -eu

if [ "$#" -ne 2 ]; then
    echo "usage : $0 RAPPORT.html SORTIE.png" >&2
    exit 64
fi
report=$1
out=$2

browser=""
for candidate in chromium chromium-browser; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
    echo "chromium absent : vérification du rapport ignorée"
    exit 0
fi

if [ ! -s "$report" ]; then
    echo "rapport introuvable ou vide : $report" >&2
    exit 1
fi

abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
url="file://$abs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# Flags: no sandbox (containers, root), no GPU, a throw-away profile, nothing fetched from the network.
run_browser() {
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --no-first-run --no-default-browser-check --hide-scrollbars --disable-extensions \
        --user-data-dir="$work/profile" "$@" 2>>"$work/stderr.log"
}

if ! run_browser --dump-dom "$url" >"$work/dom.html"; then
    echo "échec : chromium n'a pas pu charger $url" >&2
    tail -n 20 "$work/stderr.log" >&2
    exit 1
fi

status=0
grep -q '</html>' "$work/dom.html" || { echo "échec : page incomplète (pas de </html>)" >&2; status=1; }
for heading in "État de l'import" "Écoles" "Comptes dans l'ENT" "Graphiques" "Fichiers reçus" "Rejets" "Avertissements" \
    "Doublons à décider" "Liens familiaux" "Garde-fou et exports absents"; do
    if ! grep -qF "<h2>$heading</h2>" "$work/dom.html"; then
        echo "échec : section « $heading » absente de la page rendue" >&2
        status=1
    fi
done
charts=$(grep -o '<svg ' "$work/dom.html" | wc -l)
if [ "$charts" -lt 3 ]; then
    echo "échec : $charts graphique(s) SVG au lieu de 3" >&2
    status=1
fi
if grep -qi '<script' "$work/dom.html"; then
    echo "échec : la page contient un script" >&2
    status=1
fi

rm -f "$out"
if ! run_browser --screenshot="$out" --window-size=1280,4000 "$url" >/dev/null; then
    echo "échec : capture d'écran impossible" >&2
    tail -n 20 "$work/stderr.log" >&2
    exit 1
fi
if [ ! -s "$out" ] || [ "$(head -c 4 "$out" | od -An -c | tr -d ' ')" != "211PNG" ]; then
    echo "échec : pas de PNG valide dans $out" >&2
    status=1
fi

if [ "$status" -eq 0 ]; then
    echo "rapport vérifié dans chromium : $out"
fi
exit "$status"
