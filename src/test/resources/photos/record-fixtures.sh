#!/usr/bin/env bash
# Records the phone-photo fixtures of dev.glimpse.imaging.PhotoVariantsTest and their reference decodes (*.ref.png),
# made by other decoders than Glimpse's (ImageMagick 6 with LittleCMS, libjpeg-turbo, libwebp) when this script runs,
# never at test time. Debian packages: imagemagick libjpeg-turbo-progs webp ghostscript (for its CMYK ICC profile).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CMYK_ICC=/usr/share/color/icc/ghostscript/default_cmyk.icc  # ps_cmyk.icc is a PostScript-style table that colour engines read differently
SRGB_ICC=/usr/share/color/icc/ghostscript/srgb.icc

# six flat colour patches: a wrong colour conversion moves each far more than JPEG's loss does
convert -size 96x64 xc:white \
  -fill '#c83c28' -draw 'rectangle 0,0 31,31' -fill '#3c9646' -draw 'rectangle 32,0 63,31' \
  -fill '#2850b4' -draw 'rectangle 64,0 95,31' -fill '#e6c83c' -draw 'rectangle 0,32 31,63' \
  -fill '#808080' -draw 'rectangle 32,32 63,63' -fill '#f0e6dc' -draw 'rectangle 64,32 95,63' \
  -depth 8 "$tmp/patches.png"

# Adobe CMYK (APP14 transform 0, inverted samples, no profile) as Photoshop writes it; Java's encoder writes the scan
"${JAVA_HOME:-/usr}/bin/java" CmykJpeg.java "$tmp/patches.png" cmyk-adobe-inverted.jpg
convert cmyk-adobe-inverted.jpg -colorspace sRGB -depth 8 cmyk-adobe-inverted.ref.png
# YCCK (libjpeg writes CMYK as YCCK: APP14 transform 2, inverted) without a profile, and its plain conversion back
convert "$tmp/patches.png" -colorspace CMYK -quality 95 ycck-no-profile.jpg
convert ycck-no-profile.jpg -colorspace sRGB -depth 8 ycck-no-profile.ref.png
# YCCK with an embedded CMYK ICC profile, converted both ways by LittleCMS
convert "$tmp/patches.png" -profile "$SRGB_ICC" -profile "$CMYK_ICC" -quality 95 ycck-icc.jpg
convert ycck-icc.jpg -profile "$SRGB_ICC" -depth 8 ycck-icc.ref.png

# arithmetic coding (SOF9), valid but unreadable by Java's decoders
convert "$tmp/patches.png" "$tmp/patches.ppm"
cjpeg -arithmetic -quality 90 "$tmp/patches.ppm" > arithmetic.jpg
djpeg -pnm arithmetic.jpg > "$tmp/arith.ppm" && convert "$tmp/arith.ppm" -depth 8 arithmetic.ref.png

# animated WebP whose first frame (lossy with alpha) covers part of the canvas: img2webp crops it to its content and
# places it at an offset; the reference is libwebp's decode of that frame placed at that offset on a transparent canvas
convert -size 96x64 xc:'#00000000' -fill '#3c9646' -draw 'rectangle 10,8 70,50' -fill '#c83c28' -draw 'circle 60,32 80,32' \
  -depth 8 PNG32:"$tmp/frame1.png"
img2webp -loop 0 -lossy -q 90 -d 500 "$tmp/frame1.png" -d 500 "$tmp/patches.png" -o animated.webp
webpmux -get frame 1 animated.webp -o "$tmp/first.webp"
dwebp -quiet "$tmp/first.webp" -o "$tmp/first.png"
offset=$(webpmux -info animated.webp | awk '$1 == "1:" {print "+" $5 "+" $6}')
convert -size 96x64 xc:none "$tmp/first.png" -geometry "$offset" -composite -depth 8 PNG32:animated-webp.ref.png

# animated GIF whose first frame covers only part of its logical screen, at an offset
convert -size 40x30 xc:'#2850b4' "$tmp/small.gif"
convert -size 96x64 xc:'#e6c83c' "$tmp/full.gif"
convert -dispose none -delay 50 -page 96x64+30+20 "$tmp/small.gif" -page 96x64+0+0 "$tmp/full.gif" -loop 0 animated.gif
convert "animated.gif" -coalesce "$tmp/coalesced.png"
cp "$tmp/coalesced-0.png" animated-gif.ref.png 2>/dev/null || convert "$tmp/coalesced.png[0]" animated-gif.ref.png

# grey + alpha PNG (colour type 4): grey 147 must stay 147
convert -size 32x32 xc:'gray(147)' -alpha set -channel A -evaluate set 100% +channel \
  -define png:color-type=4 -define png:bit-depth=8 gray-alpha.png
