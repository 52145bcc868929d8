"""The clerk's first pages in real Chromium: create a hearing, import a PDF, see its thumbnail, read a page, search,
and have a bad file refused with nothing changed."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Server

from .conftest import make_pdf, sign_in

pytestmark = pytest.mark.e2e

LOADED = 'el => el.complete && el.naturalWidth > 0'


def create_hearing(page: Page, case_number: str, title: str) -> None:
    page.goto('/')
    page.get_by_test_id('new-hearing').click()
    page.get_by_test_id('case-number').fill(case_number)
    page.get_by_test_id('hearing-title').fill(title)
    page.get_by_test_id('create-hearing').click()
    expect(page).to_have_url(re.compile(r'/hearings/\d+$'))
    expect(page.get_by_test_id('hearing-title-header')).to_have_text(title)


def upload(page: Page, files: list[tuple[str, bytes]]) -> None:
    uploader = page.get_by_test_id('upload')
    uploader.locator('input[type=file]').set_input_files(
        [{'name': name, 'mimeType': 'application/pdf', 'buffer': data} for name, data in files])
    page.get_by_test_id('upload-start').click()


def test_clerk_creates_imports_views_and_searches(page: Page, server: Server) -> None:
    sign_in(page, 'clerk')
    create_hearing(page, '201/2026/HSST', 'Vụ án cố ý gây thương tích')
    expect(page.get_by_test_id('no-exhibits')).to_be_visible()

    pdf = make_pdf(['Biên bản lời khai của người làm chứng', 'Kết luận giám định pháp y', 'Bản tự khai của bị cáo'])
    upload(page, [('loi-khai.pdf', pdf)])
    card = page.get_by_test_id('exhibit-card')
    expect(card).to_have_count(1)
    expect(card.get_by_test_id('exhibit-bl')).to_have_text('BL 1–3')
    thumbnail = card.get_by_test_id('thumbnail')
    page.wait_for_function(f'el => ({LOADED})(el)', arg=thumbnail.element_handle())
    assert thumbnail.evaluate('el => el.naturalWidth') == 240
    expect(page.get_by_test_id('exhibit-summary')).to_have_text('1 tài liệu · 3 trang')

    card.click()
    image = page.get_by_test_id('viewer-image')
    expect(image).to_be_visible()
    page.wait_for_function(f'el => ({LOADED})(el) && el.naturalWidth >= 1000', arg=image.element_handle())
    expect(page.get_by_test_id('viewer-page')).to_have_text('Trang 1/3')
    page.keyboard.press('ArrowRight')
    expect(page.get_by_test_id('viewer-page')).to_have_text('Trang 2/3')
    expect(page.get_by_test_id('viewer-bl')).to_have_text('BL 2')
    page.keyboard.press('Escape')
    expect(image).to_be_hidden()

    page.get_by_test_id('search-input').fill('giám định')
    hit = page.get_by_test_id('search-hit')
    expect(hit).to_have_count(1)
    expect(hit).to_contain_text('BL 2')
    expect(hit.locator('mark').first).to_have_text(re.compile('giám', re.IGNORECASE))
    hit.click()
    expect(page.get_by_test_id('viewer-page')).to_have_text('Trang 2/3')
    page.keyboard.press('Escape')

    page.get_by_test_id('bl-input').fill('BL 3')
    page.get_by_test_id('bl-input').press('Enter')
    expect(page.get_by_test_id('viewer-page')).to_have_text('Trang 3/3')
    expect(page.get_by_test_id('viewer-bl')).to_have_text('BL 3')


def test_a_bad_file_is_refused_and_nothing_changes(page: Page, server: Server) -> None:
    sign_in(page, 'clerk')
    create_hearing(page, '202/2026/HSST', 'Vụ án lừa đảo chiếm đoạt tài sản')
    upload(page, [('mot.pdf', make_pdf(['Trang một']))])
    expect(page.get_by_test_id('exhibit-card')).to_have_count(1)

    upload(page, [('hai.pdf', make_pdf(['Trang hai'])), ('rong.pdf', b'')])
    error = page.get_by_test_id('import-error-text')
    expect(error).to_be_visible()
    expect(error).to_contain_text('rong.pdf')
    expect(page.get_by_test_id('exhibit-card')).to_have_count(1)
    expect(page.get_by_test_id('exhibit-summary')).to_have_text('1 tài liệu · 1 trang')
    page.reload()
    expect(page.get_by_test_id('exhibit-card')).to_have_count(1)
