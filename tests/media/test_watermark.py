from __future__ import annotations

import io

from PIL import Image, ImageChops

from media.watermark import watermark


def test_watermark_marks_a_copy_of_the_page() -> None:
    buffer = io.BytesIO()
    Image.new('RGB', (640, 905), 'white').save(buffer, 'JPEG', quality=95)
    original = buffer.getvalue()
    marked = watermark(original, 'Nguyễn Văn Hải — Bị cáo')
    assert original == buffer.getvalue()  # the rendered page is not changed
    with Image.open(io.BytesIO(marked)) as out, Image.open(io.BytesIO(original)) as before:
        assert out.size == before.size
        difference = ImageChops.difference(out.convert('L'), before.convert('L'))
        inked = sum(difference.histogram()[40:])
        assert inked > out.width * out.height * 0.005  # the name is drawn across the page
        assert out.convert('L').getextrema()[0] > 100  # translucent: the page stays readable
