#!/usr/bin/env bash
# Walk the built bundle and the .deb as an installer check (CI runs it after build_bundle.sh):
# the frozen CLI (check, evaluate, report; check with no form exits 2), the frozen wizard offscreen
# from the first page to the summary with a short set of answers and a PDF, and the .deb unpacked into
# a scratch root, its desktop file validated and its programs run from there.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SCREENER_DATA_DIR="$work/data" SCREENER_CACHE_DIR="$work/cache" SCREENER_LOG_DIR="$work/logs"
check_programs() {  # $1: the folder holding screener and screener-gui
    "$1/screener" check
    "$1/screener" example with_precautions > "$work/a.json"
    "$1/screener" evaluate "$work/a.json" > /dev/null
    "$1/screener" report "$work/a.json" -o "$work/a.pdf"
    head -c 5 "$work/a.pdf" | grep -q "%PDF-"
    "$1/screener" check --lang es  # the Spanish form, and the catalogues it needs, are in the bundle
    "$1/screener" evaluate "$work/a.json" --lang es | grep -q "Resultado de la evaluación"
    QT_QPA_PLATFORM=offscreen SCREENER_SMOKE_WALK="$work/a.json" SCREENER_SMOKE_PDF="$work/walk.pdf" \
        "$1/screener-gui"
    head -c 5 "$work/walk.pdf" | grep -q "%PDF-"
    # the wizard in Spanish, chosen from the system's language, to the summary
    LANG=es_MX.UTF-8 LC_ALL=es_MX.UTF-8 QT_QPA_PLATFORM=offscreen SCREENER_SMOKE_WALK="$work/a.json" \
        SCREENER_SMOKE_PDF="$work/walk.pdf" "$1/screener-gui" | grep -q "Vale la pena hablarlo"
    head -c 5 "$work/walk.pdf" | grep -q "%PDF-"
    rm -f "$work/a.pdf" "$work/walk.pdf"
}
echo "-- the bundle"
check_programs build/dist/screener
echo "-- the bundle without its forms: check must fail, not pass silently"
cp -a build/dist/screener "$work/broken"
rm -rf "$work/broken/_internal/screener/_data/forms"
set +e; "$work/broken/screener" check; code=$?; set -e
[ "$code" = 2 ] || { echo "check with no form exited $code, not 2"; exit 1; }
echo "-- the .deb, unpacked into a scratch root"
deb=$(ls build/screener_*.deb)
dpkg-deb --info "$deb" > /dev/null
dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/org.screener.Screener.desktop"
[ -f "$work/root/usr/share/icons/hicolor/256x256/apps/org.screener.Screener.png" ]
check_programs "$work/root/opt/screener"
echo "bundle check passed"
