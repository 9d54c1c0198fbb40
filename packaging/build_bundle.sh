#!/usr/bin/env bash
# Build the one-folder bundle (PyInstaller) and, on Linux, a .deb around it.
# Usage: packaging/build_bundle.sh [PYTHON]    (a Python with screener and pyinstaller installed;
#        default .venv/bin/python). Output: build/dist/screener/ and build/screener_VERSION_ARCH.deb.
# Windows (from a Developer PowerShell, with Python 3.12):
#   py -3.12 -m venv .venv; .venv\Scripts\pip install ".[preview]" pyinstaller
#   .venv\Scripts\python packaging\make_icons.py build\icons
#   .venv\Scripts\pyinstaller --noconfirm --distpath build\dist --workpath build\work packaging\screener.spec
# macOS 14 or later (PySide6-Pdf exists only there):
#   python3.12 -m venv .venv && .venv/bin/pip install '.[preview]' pyinstaller
#   .venv/bin/python packaging/make_icons.py build/icons
#   .venv/bin/pyinstaller --noconfirm --distpath build/dist --workpath build/work packaging/screener.spec
#   (the spec also makes build/dist/Screener.app; sign and notarise it before handing it out)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-.venv/bin/python}"
"$python" packaging/make_icons.py build/icons
"$python" -m PyInstaller --noconfirm --clean --log-level WARN --distpath build/dist --workpath build/work \
    packaging/screener.spec
[ "$(uname)" = Linux ] || exit 0

version=$("$python" -c 'import screener; print(screener.__version__)')
arch=$(dpkg --print-architecture)
root=build/deb
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications"
cp -a build/dist/screener "$root/opt/screener"
ln -s /opt/screener/screener "$root/usr/bin/screener"
ln -s /opt/screener/screener-gui "$root/usr/bin/screener-gui"
install -m 644 packaging/linux/org.screener.Screener.desktop "$root/usr/share/applications/"
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$root/usr/share/icons/hicolor/${size}x${size}/apps"
    install -m 644 "build/icons/screener-$size.png" \
        "$root/usr/share/icons/hicolor/${size}x${size}/apps/org.screener.Screener.png"
done
mkdir -p "$root/usr/share/icons/hicolor/scalable/apps"
install -m 644 resources/icons/screener.svg "$root/usr/share/icons/hicolor/scalable/apps/org.screener.Screener.svg"
cat > "$root/DEBIAN/control" <<CONTROL
Package: screener
Version: $version
Architecture: $arch
Maintainer: screener developers <screener@screener.org>
Installed-Size: $(du -sk "$root" | cut -f1)
Depends: libc6 (>= 2.34), libegl1, libxkbcommon-x11-0, libxcb-cursor0, libfontconfig1
Section: utils
Priority: optional
Description: Prepare a talk with a specialist about ketamine treatment for OCD
 A questionnaire about the treatments tried, health, goals and budget, that prints a summary (PDF)
 to take to a specialist. It decides nothing: only a specialist decides. Answers stay on this computer.
CONTROL
dpkg-deb --root-owner-group --build "$root" "build/screener_${version}_${arch}.deb" >/dev/null
echo "built build/dist/screener ($(du -sh build/dist/screener | cut -f1)) and build/screener_${version}_${arch}.deb ($(du -sh "build/screener_${version}_${arch}.deb" | cut -f1))"
