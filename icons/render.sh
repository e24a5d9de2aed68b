#!/usr/bin/env bash
# Renders blogdesk.svg to the PNG sizes the window, the desktop entry and jpackage use.
# The PNGs are committed, so building BlogDesk never needs ImageMagick.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
  convert -background none -density 384 blogdesk.svg -resize "${size}x${size}" "png/blogdesk-${size}.png"
done
