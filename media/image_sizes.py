"""The sizes and JPEG qualities of the pictures media/ makes, in one place for every module that makes or asks for
them (media/ and presenter/)."""

THUMB_WIDTH = 240  # px: the thumbnails made at import, posters, audio cards, and the page lists' images
THUMB_JPEG_QUALITY = 80  # the import's thumbnails: many and small, made in bulk (bench/bench_import.py)
PAGE_JPEG_QUALITY = 85  # pages rendered for screens and viewers: fast and clean on text (bench/bench_render.py)
