"""Reading a browser's SDP offer: directions and codec preferences by mid."""

import pytest

from conferencing.offers import check_receives_vp8, media_sections

OFFER = '''v=0
o=- 1 2 IN IP4 127.0.0.1
s=-
t=0 0
a=group:BUNDLE 0 1 2
m=audio 9 UDP/TLS/RTP/SAVPF 111
a=mid:0
a=sendonly
a=rtpmap:111 opus/48000/2
m=video 9 UDP/TLS/RTP/SAVPF 96 97
a=mid:1
a=recvonly
a=rtpmap:96 VP8/90000
a=rtpmap:97 rtx/90000
a=fmtp:97 apt=96
m=video 9 UDP/TLS/RTP/SAVPF 102 96
a=mid:2
a=recvonly
a=rtpmap:96 VP8/90000
a=rtpmap:102 H264/90000
'''


def test_directions_and_codecs_by_mid() -> None:
    sections = media_sections(OFFER.replace('\n', '\r\n'))
    assert set(sections) == {'0', '1', '2'}
    assert (sections['0'].kind, sections['0'].direction, sections['0'].browser_sends) == ('audio', 'sendonly', True)
    assert (sections['1'].direction, sections['1'].codecs, sections['1'].browser_sends) == ('recvonly',
                                                                                           ['vp8', 'rtx'], False)
    assert sections['2'].codecs == ['h264', 'vp8']  # in the m-line's order of preference


def test_video_received_must_prefer_vp8() -> None:
    sections = media_sections(OFFER)
    check_receives_vp8(sections['1'])
    with pytest.raises(ValueError, match='h264'):
        check_receives_vp8(sections['2'])
