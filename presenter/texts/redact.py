"""Redaction on the bench console: the tool, the list of a page's boxes, and the audit's words for them
(presenter/pages/redact_tools.py, mark_tools.py)."""

from __future__ import annotations

from courtroom.i18n import Catalogue

REDACT_TEXTS = Catalogue('presenter.texts.redact', {
    'mark_tool_redact': ('Che thông tin (vùng đen)', 'Redact (black box)'),
    'redact_list': ('Vùng che trên trang này ({count})', 'Redactions on this page ({count})'),
    'redact_item': ('Vùng {number} · {author}', 'Box {number} · {author}'),
    'redact_delete': ('Bỏ vùng che {number}', 'Remove box {number}'),
    'redact_added': ('Đã che; màn hình công chúng hiện vùng đen', 'Redacted; the public screens show a black box'),
    'redact_hint': ('Vùng che là hộp đen trên mọi màn hình trừ HĐXX (HĐXX thấy khung viền)',
                    'A redaction is a black box on every screen but the trial panel\'s (the panel sees an outline)'),
    'redact_pending': ('Vùng che chờ phê duyệt ({count})', 'Redactions awaiting approval ({count})'),
    'redact_pending_item': ('{label} · trang {page} · {author}', '{label} · page {page} · {author}'),
    'redact_approve': ('Phê duyệt vùng che', 'Approve the redaction'),
    'redact_reject': ('Từ chối (bỏ vùng che)', 'Reject (remove the box)'),
    'judge_act_redaction_approved': ('Phê duyệt vùng che', 'Redaction approved'),
    'judge_act_redaction_added': ('Che thông tin trên trang', 'Redaction drawn on a page'),
    'judge_act_redaction_deleted': ('Bỏ vùng che', 'Redaction removed'),
})
