"""Records of statements (biên bản ghi lời khai, hỏi cung) and the defendant's own papers."""

from __future__ import annotations

from ..case import CQDT, DEFENDANT_BIO, NATION, OFFICER, RECORDER, ROOM
from ..typeset import TOP
from ..writer import Pdf

_RIGHTS = {
    'bị can': (
        'Điều tra viên đã giải thích cho bị can quyền và nghĩa vụ theo Điều 60 Bộ luật Tố tụng hình sự: được '
        'biết lý do mình bị khởi tố; được thông báo, giải thích về quyền và nghĩa vụ; trình bày lời khai, trình '
        'bày ý kiến, không buộc phải đưa ra lời khai chống lại chính mình hoặc buộc phải thừa nhận mình có tội; '
        'đưa ra chứng cứ, tài liệu, đồ vật, yêu cầu; tự bào chữa, nhờ người bào chữa; đọc, ghi chép bản sao tài '
        'liệu hoặc tài liệu đã được số hóa liên quan đến việc buộc tội khi kết thúc điều tra. Bị can có nghĩa '
        'vụ có mặt theo giấy triệu tập và chấp hành quyết định, yêu cầu của cơ quan, người có thẩm quyền.'
    ),
    'bị hại': (
        'Điều tra viên đã giải thích cho bị hại quyền và nghĩa vụ theo Điều 62 Bộ luật Tố tụng hình sự: được '
        'thông báo, giải thích về quyền và nghĩa vụ; đưa ra chứng cứ, tài liệu, đồ vật, yêu cầu; đề nghị mức bồi '
        'thường và các biện pháp bảo đảm bồi thường; được thông báo kết quả điều tra, giải quyết vụ án; tham gia '
        'phiên tòa, trình bày ý kiến, đề nghị Chủ tọa phiên tòa hỏi người tham gia phiên tòa. Bị hại có nghĩa '
        'vụ có mặt theo giấy triệu tập và trình bày trung thực những tình tiết liên quan đến vụ án.'
    ),
    'người làm chứng': (
        'Điều tra viên đã giải thích cho người làm chứng quyền và nghĩa vụ theo Điều 66 Bộ luật Tố tụng hình '
        'sự: được yêu cầu cơ quan triệu tập bảo vệ tính mạng, sức khỏe, danh dự, nhân phẩm, tài sản và quyền, lợi '
        'ích hợp pháp khác khi tham gia tố tụng; được thanh toán chi phí đi lại theo quy định. Người làm chứng có '
        'nghĩa vụ có mặt theo giấy triệu tập, trình bày trung thực những tình tiết mà mình biết về vụ án; nếu từ '
        'chối khai báo hoặc khai báo gian dối thì phải chịu trách nhiệm hình sự theo Điều 382 và Điều 383 Bộ luật '
        'Hình sự.'
    ),
}


def _statement(pdf: Pdf, *, title: str, number: str, date: tuple[int, int, int], start: str, end: str,
               place: str, officer: str, recorder: str, role: str, person: str, details: str,
               qas: list[tuple[str, str]], bookmark: str | None = None, counsel: str | None = None) -> None:
    """One biên bản ghi lời khai / hỏi cung: procedure, the questions and answers, signatures."""
    if bookmark:
        pdf.bookmark(bookmark)
    if pdf.page is None or pdf.y > TOP + 10:
        pdf.new_page()
    d, m, y = date
    pdf.header([*CQDT, f'Số: {number}'], NATION)
    pdf.center(title, size=15, after=2)
    pdf.center(f'(Ghi lời khai {role})' if 'HỎI CUNG' not in title else '(Lần hỏi cung bị can)', size=11,
               style='i', after=10)
    pdf.para(f'Hồi {start} ngày {d:02d} tháng {m:02d} năm {y}, tại {place}.')
    pdf.para('Chúng tôi gồm:', after=1)
    pdf.para(f'Ông {officer} — Điều tra viên, Cơ quan Cảnh sát điều tra Công an thành phố Hà Nội;', left=14, indent=0,
             after=1)
    pdf.para(f'Ông {recorder} — Cán bộ điều tra, người ghi biên bản;', left=14, indent=0, after=1)
    if counsel:
        pdf.para(f'Với sự tham gia của {counsel} — người bào chữa cho bị can;', left=14, indent=0, after=1)
    pdf.para(f'Tiến hành ghi lời khai của {role}: {details}', before=3)
    pdf.para(_RIGHTS[role])
    pdf.para(f'{person} xác nhận đã được giải thích, hiểu rõ quyền và nghĩa vụ của mình và cam đoan khai báo đúng '
             'sự thật.', after=8)
    pdf.center('NỘI DUNG LỜI KHAI', size=12, after=6)
    for q, a in qas:
        pdf.qa(q, a)
    pdf.para(f'Việc ghi lời khai kết thúc hồi {end} cùng ngày. Biên bản đã được đọc lại cho người khai nghe, '
             'người khai công nhận đúng, không bổ sung, sửa chữa gì và cùng ký tên dưới đây.', before=4, after=14)
    pdf.signatures([
        ['**NGƯỜI KHAI**', '__(Ký, ghi rõ họ tên)__', '~', '', f'**{person}**'],
        ['**NGƯỜI GHI BIÊN BẢN**', '__(Ký, ghi rõ họ tên)__', '~', '', f'**{recorder}**'],
        ['**ĐIỀU TRA VIÊN**', '__(Ký, ghi rõ họ tên)__', '~', '', f'**{officer}**'],
    ])


def doc_defendant(pdf: Pdf) -> int:
    """Two interrogations of the defendant; returns how many pages the first one took."""
    _statement(pdf, title='BIÊN BẢN HỎI CUNG BỊ CAN', number='15/BB-ĐCS', date=(10, 1, 2026), start='14 giờ 30 phút',
               end='16 giờ 45 phút', place=ROOM, officer=OFFICER, recorder=RECORDER, role='bị can',
               person='Nguyễn Văn Hải', details=DEFENDANT_BIO, bookmark='Hỏi cung lần 1 — ngày 10/01/2026', qas=[
        ('Anh cho biết anh đã từng bị xử lý vi phạm pháp luật lần nào chưa?',
         'Tháng 6 năm 2025 tôi bị Công an phường Kim Mã xử phạt hành chính 1.500.000 đồng vì lấy trộm một chiếc '
         'điện thoại ở quán cà phê. Tôi đã nộp phạt. Ngoài ra tôi chưa bị xử lý lần nào khác.'),
        ('Anh hãy trình bày công việc và thu nhập của anh trong thời gian gần đây?',
         'Từ tháng 9 năm 2025 tôi làm phụ hồ theo ngày cho các công trình ở khu vực Cầu Giấy, mỗi ngày được khoảng '
         '300.000 đồng nhưng công việc không đều. Từ cuối tháng 12 năm 2025 tôi không có việc làm, còn nợ tiền '
         'thuê trọ hai tháng.'),
        ('Tối ngày 08/01/2026 anh ở đâu, làm gì?',
         'Khoảng 21 giờ 30 phút tối ngày 08/01/2026 tôi ở phòng trọ số 204 nhà số 18 ngõ 158 phố Ngọc Hà. Do '
         'không có tiền tiêu xài và trả tiền trọ nên tôi nảy sinh ý định đi tìm xe máy sơ hở để trộm bán lấy '
         'tiền. Tôi mặc áo khoác màu đen, đội mũ lưỡi trai màu ghi, mang theo chiếc vam phá khóa rồi đi bộ ra phố '
         'Đội Cấn.'),
        ('Chiếc vam phá khóa anh có từ đâu, có đặc điểm như thế nào?',
         'Tôi mua chiếc vam của một người bán trên mạng xã hội vào khoảng tháng 11 năm 2025 với giá 350.000 đồng, '
         'nhận hàng qua bưu điện. Vam bằng kim loại màu trắng bạc, hình chữ T, dài khoảng 12 cm, đầu vam được mài '
         'dẹt. Tôi quấn băng dính đen ở hai đầu tay cầm cho đỡ trơn.'),
        ('Anh hãy trình bày cụ thể diễn biến việc anh lấy chiếc xe mô tô?',
         'Khoảng 22 giờ 10 phút, khi đi qua trước nhà số 15 phố Đội Cấn, tôi thấy một chiếc xe Honda Air Blade màu '
         'đỏ đen dựng trên vỉa hè, không có người trông. Tôi đứng ở gốc cây bên kia đường quan sát khoảng ba phút, '
         'thấy không có ai để ý thì đi lại gần xe, ngồi xuống cạnh xe, cắm vam vào ổ khóa điện, vặn mạnh mấy lần '
         'thì ổ khóa bung ra. Tôi bẻ mạnh tay lái để phá khóa cổ, rồi vặn ổ khóa sang vị trí ON, đạp nổ máy và '
         'điều khiển xe đi về hướng phố Liễu Giai, vòng qua phố Văn Cao về phòng trọ.'),
        ('Trong thời gian anh phá khóa có ai nhìn thấy hoặc hô hoán không?',
         'Tôi không để ý. Lúc tôi nổ máy có một người đàn ông mặc đồng phục bảo vệ đứng ở cổng tòa nhà bên cạnh '
         'nhìn về phía tôi, nhưng không hô gì nên tôi đi luôn.'),
        ('Khi về đến phòng trọ anh đã làm gì với chiếc xe?',
         'Tôi dắt xe vào khu để xe chung ở tầng một nhà trọ, dùng tấm bạt cũ che lại. Tôi dùng tua vít tháo biển '
         'kiểm soát cất vào gầm giường trong phòng. Tôi mở cốp xe thì thấy một chiếc điện thoại Samsung màu tím nên '
         'cầm lên phòng, tắt nguồn rồi cất vào ba lô.'),
        ('Anh định xử lý chiếc xe và chiếc điện thoại như thế nào?',
         'Tôi định vài ngày sau mang xe lên khu vực chợ xe cũ để bán, còn điện thoại thì mang ra cửa hàng sửa điện '
         'thoại bán lấy tiền trả tiền trọ và tiêu xài cá nhân. Tôi chưa kịp bán thì bị Công an mời về làm việc.'),
        ('Cơ quan điều tra cho anh xem các ảnh chụp từ dữ liệu camera an ninh ghi lúc 22 giờ 14 phút ngày '
         '08/01/2026 tại số 20 phố Đội Cấn. Anh có nhận ra người trong ảnh không?',
         'Người mặc áo khoác đen, đội mũ lưỡi trai màu ghi, đang ngồi cạnh xe máy trong ảnh chính là tôi. Chiếc xe '
         'trong ảnh là chiếc xe tôi lấy trộm tối hôm đó.'),
        ('Ngoài anh ra, còn ai cùng tham gia hoặc biết việc anh trộm cắp tài sản không?',
         'Tôi thực hiện một mình, không bàn bạc với ai. Những người ở cùng nhà trọ không biết chiếc xe là do tôi '
         'trộm cắp mà có.'),
        ('Anh còn khai báo thêm gì không?',
         'Tôi đã khai đúng sự thật. Tôi biết hành vi của mình là vi phạm pháp luật, tôi rất ân hận và xin được '
         'hưởng sự khoan hồng của pháp luật. Tôi mong được gặp gia đình để bồi thường cho người bị hại.'),
    ])
    first_pages = pdf.doc.page_count
    pdf.page_break()  # the second interrogation starts on a new page
    _statement(pdf, title='BIÊN BẢN HỎI CUNG BỊ CAN', number='27/BB-ĐCS', date=(21, 1, 2026), start='09 giờ 00 phút',
               end='10 giờ 50 phút', place='phòng hỏi cung Trại tạm giam số 1 Công an thành phố Hà Nội',
               officer=OFFICER, recorder=RECORDER, role='bị can', person='Nguyễn Văn Hải', details=DEFENDANT_BIO,
               counsel='Luật sư Bùi Quang Huy, Đoàn Luật sư thành phố Hà Nội',
               bookmark='Hỏi cung lần 2 — ngày 21/01/2026', qas=[
        ('Lời khai của anh tại biên bản hỏi cung ngày 10/01/2026 có đúng không? Anh có thay đổi hoặc bổ sung gì '
         'không?',
         'Lời khai của tôi ngày 10/01/2026 là đúng sự thật, tôi giữ nguyên lời khai đó và không bổ sung gì.'),
        ('Cơ quan điều tra cho anh xem 01 vam phá khóa bằng kim loại hình chữ T thu giữ trong ba lô tại phòng trọ '
         'của anh. Anh có nhận ra không?',
         'Đây đúng là chiếc vam tôi đã dùng để phá ổ khóa điện chiếc xe Honda Air Blade tối ngày 08/01/2026. Băng '
         'dính đen ở tay cầm là do tôi quấn.'),
        ('Cơ quan điều tra cho anh xem 01 áo khoác màu đen và 01 mũ lưỡi trai màu ghi. Đây có phải đồ của anh '
         'không?',
         'Đúng là áo khoác và mũ của tôi, tối hôm đó tôi mặc khi đi trộm xe.'),
        ('Trước khi lấy chiếc xe của chị Mai, anh đã từng dùng chiếc vam này để trộm cắp tài sản ở nơi khác chưa?',
         'Tôi mua vam từ tháng 11 năm 2025 nhưng đây là lần đầu tiên tôi sử dụng. Trước đó tôi có đi xem nhưng '
         'chưa dám lấy xe của ai.'),
        ('Anh có biết giá trị của chiếc xe và chiếc điện thoại anh đã chiếm đoạt không?',
         'Tôi không biết chính xác, tôi nghĩ chiếc xe khoảng hơn 30 triệu đồng, điện thoại khoảng 5 triệu đồng. Tôi '
         'đã được nghe Kết luận định giá tài sản là 37.700.000 đồng và tôi không có ý kiến gì.'),
        ('Anh có đề nghị gì về việc bồi thường thiệt hại cho bị hại không?',
         'Tôi đã nhắn gia đình ở quê thu xếp tiền để bồi thường chi phí sửa chữa ổ khóa xe và màn hình điện thoại '
         'cho chị Mai. Tôi xin lỗi chị Mai về việc làm sai trái của mình.'),
        ('Người bào chữa có hỏi bị can thêm nội dung gì không?',
         'Luật sư Bùi Quang Huy hỏi: "Khi bị mời về trụ sở Công an ngày 10/01/2026, anh có tự nguyện khai nhận và '
         'chỉ nơi cất giấu tài sản không?" Tôi trả lời: tôi đã tự nguyện khai nhận ngay và dẫn cán bộ về phòng trọ '
         'chỉ chỗ để xe, biển số và điện thoại.'),
        ('Anh có bị ép buộc, đánh đập hay mớm cung trong quá trình làm việc không?',
         'Không. Tôi được đối xử đúng quy định, tôi tự nguyện khai báo.'),
    ])
    return first_pages


def doc_victim(pdf: Pdf) -> None:
    bio = ('**Trần Thị Mai**, sinh năm 1990; nơi cư trú: số 15 phố Đội Cấn, phường Ngọc Hà, thành '
           'phố Hà Nội; nghề nghiệp: nhân viên văn phòng; số định danh cá nhân: 001190xxxxxx; số điện thoại liên '
           'hệ: 09xx xxx 315.')
    _statement(pdf, title='BIÊN BẢN GHI LỜI KHAI', number='03/BB-ĐCS', date=(9, 1, 2026), start='08 giờ 30 phút',
               end='10 giờ 05 phút', place=ROOM, officer=OFFICER, recorder=RECORDER, role='bị hại',
               person='Trần Thị Mai', details=bio, qas=[
        ('Chị hãy trình bày sự việc chị bị mất tài sản vào tối ngày 08/01/2026?',
         'Khoảng 22 giờ 10 phút ngày 08/01/2026, tôi đi làm về, dựng chiếc xe mô tô Honda Air Blade màu đỏ đen, '
         'biển kiểm soát 29B1-123.45 trên vỉa hè trước cửa nhà số 15 phố Đội Cấn. Tôi khóa cổ xe, rút chìa khóa '
         'rồi vào nhà lấy đồ để chuẩn bị dắt xe vào. Khoảng 22 giờ 40 phút tôi ra thì không thấy xe đâu nữa.'),
        ('Chiếc xe mô tô đó là của ai, chị mua khi nào, giá bao nhiêu?',
         'Chiếc xe do tôi đứng tên đăng ký, mua mới tại cửa hàng Honda trên phố Kim Mã vào tháng 3 năm 2022 với '
         'giá 45.500.000 đồng. Tôi vẫn giữ giấy đăng ký xe và hóa đơn mua xe, đã nộp bản sao cho Cơ quan điều tra.'),
        ('Ngoài chiếc xe, chị còn bị mất tài sản gì khác không?',
         'Trong cốp xe có chiếc điện thoại di động Samsung Galaxy A54 màu tím, loại 128 GB, tôi mua tháng 8 năm '
         '2023 với giá 8.990.000 đồng. Tối hôm đó tôi để quên điện thoại trong cốp. Trong cốp còn có một chiếc áo '
         'mưa và một túi giấy tờ công việc.'),
        ('Chiếc xe của chị có đặc điểm gì để nhận dạng?',
         'Xe màu đỏ đen, ở yếm trước bên phải có một vết xước dài khoảng 5 cm do tôi va quẹt từ năm ngoái. Móc treo '
         'đồ phía trước có buộc một sợi dây chun màu xanh. Tay lái bên trái có dán một miếng đề can hình con mèo.'),
        ('Sau khi phát hiện mất xe, chị đã làm gì?',
         'Tôi hỏi những người xung quanh thì anh Bình là bảo vệ tòa nhà bên cạnh nói có thấy một người đàn ông '
         'mặc áo khoác đen đi xe giống xe của tôi về hướng Liễu Giai. Tôi gọi điện vào số điện thoại của mình '
         'nhưng không liên lạc được. Sau đó tôi đến Công an phường Ngọc Hà trình báo.'),
        ('Chị có biết ai là người đã lấy tài sản của chị không?',
         'Tôi không biết. Ngày 10/01/2026 Cơ quan điều tra thông báo đã xác định được người lấy trộm xe là Nguyễn '
         'Văn Hải, tôi không quen biết người này.'),
        ('Cửa hàng đối diện nhà chị có lắp camera không?',
         'Cửa hàng tạp hóa của chị Hà ở số 20 phố Đội Cấn có lắp camera quay ra đường. Tối hôm đó tôi có nhờ chị Hà '
         'cho xem lại camera thì thấy có người ngồi cạnh xe của tôi rồi đi xe đi lúc 22 giờ 14 phút.'),
        ('Chị có yêu cầu gì về trách nhiệm dân sự?',
         'Tôi đề nghị được nhận lại xe và điện thoại. Nếu tài sản bị hư hỏng thì tôi yêu cầu người gây ra phải bồi '
         'thường chi phí sửa chữa.'),
    ])


def doc_witness_binh(pdf: Pdf) -> None:
    bio = ('**Lê Văn Bình**, sinh năm 1978; nơi cư trú: số 6 ngõ 95 phố Vĩnh Phúc, phường Ngọc Hà, thành phố Hà Nội; '
           'nghề nghiệp: nhân viên bảo vệ tòa nhà văn phòng số 17 phố Đội Cấn.')
    _statement(pdf, title='BIÊN BẢN GHI LỜI KHAI', number='05/BB-ĐCS', date=(9, 1, 2026), start='14 giờ 00 phút',
               end='15 giờ 10 phút', place=ROOM, officer=OFFICER, recorder=RECORDER, role='người làm chứng',
               person='Lê Văn Bình', details=bio, qas=[
        ('Tối ngày 08/01/2026 anh làm nhiệm vụ ở đâu, từ mấy giờ?',
         'Tôi trực ca tối tại cổng tòa nhà số 17 phố Đội Cấn, từ 18 giờ 00 ngày 08/01/2026 đến 06 giờ 00 sáng hôm '
         'sau. Vị trí chốt bảo vệ cách nhà số 15 khoảng 8 mét.'),
        ('Khoảng 22 giờ ngày 08/01/2026 anh có thấy sự việc gì bất thường không?',
         'Khoảng hơn 22 giờ, tôi thấy một người đàn ông đứng ở gốc cây bên kia đường nhìn sang phía nhà số 15 khá '
         'lâu. Lúc đó tôi nghĩ là người đợi bạn nên không để ý. Một lúc sau tôi thấy người này ngồi xuống cạnh chiếc '
         'xe máy màu đỏ dựng trước nhà số 15, loay hoay ở chỗ ổ khóa rồi nổ máy đi luôn.'),
        ('Anh hãy mô tả đặc điểm người đàn ông đó?',
         'Người đó cao khoảng 1 mét 70, dáng gầy, mặc áo khoác màu đen có mũ trùm, đầu đội mũ lưỡi trai màu ghi, '
         'quần bò màu xanh. Do trời tối và người đó cúi đầu nên tôi không nhìn rõ mặt.'),
        ('Tại sao anh không ngăn cản hoặc hô hoán?',
         'Tôi tưởng người đó là chủ xe hoặc người nhà chủ xe nên không nghi ngờ. Khi chị Mai ra tìm xe và hỏi, tôi '
         'mới biết là xe bị lấy trộm. Tôi đã kể lại cho chị Mai những gì tôi nhìn thấy.'),
        ('Người đó điều khiển xe đi về hướng nào?',
         'Người đó đi về hướng ngã tư Đội Cấn - Liễu Giai, tốc độ bình thường, không bật đèn xe.'),
        ('Nếu được cho xem ảnh, anh có nhận dạng được người đó không?',
         'Tôi có thể nhận dạng được qua vóc dáng, trang phục, áo khoác và mũ, còn khuôn mặt thì tôi không chắc chắn.'),
    ])


def doc_witness_ha(pdf: Pdf) -> None:
    bio = ('**Phạm Thu Hà**, sinh năm 1985; nơi cư trú: số 20 phố Đội Cấn, phường Ngọc Hà, thành phố '
           'Hà Nội; nghề nghiệp: kinh doanh, chủ cửa hàng tạp hóa tại số 20 phố Đội Cấn.')
    _statement(pdf, title='BIÊN BẢN GHI LỜI KHAI', number='06/BB-ĐCS', date=(9, 1, 2026), start='15 giờ 30 phút',
               end='16 giờ 20 phút', place=ROOM, officer=OFFICER, recorder=RECORDER, role='người làm chứng',
               person='Phạm Thu Hà', details=bio, qas=[
        ('Cửa hàng của chị có lắp đặt camera an ninh không? Camera quay về hướng nào?',
         'Cửa hàng tôi lắp 02 camera từ năm 2024. Camera số 2 (CAM 02) gắn trên mái hiên, quay thẳng ra phố Đội Cấn, '
         'thấy rõ vỉa hè trước nhà số 15 đối diện. Camera ghi hình liên tục, lưu vào đầu ghi đặt trong nhà.'),
        ('Thời gian hiển thị trên camera có chính xác không?',
         'Đầu ghi tự cập nhật giờ qua mạng Internet. Tôi đã đối chiếu với đồng hồ điện thoại trước mặt cán bộ Công '
         'an, thời gian trên camera chậm hơn khoảng 20 giây.'),
        ('Tối ngày 08/01/2026 chị có chứng kiến sự việc mất xe không?',
         'Tối hôm đó tôi đóng cửa hàng lúc 22 giờ và ở trong nhà nên không chứng kiến trực tiếp. Khoảng 22 giờ 45 '
         'phút chị Mai sang nhờ tôi xem lại camera. Hai chị em xem thì thấy lúc 22 giờ 14 phút có một người mặc áo '
         'khoác đen, đội mũ lưỡi trai ngồi cạnh xe của chị Mai rồi nổ máy đi.'),
        ('Chị đã giao nộp dữ liệu camera cho cơ quan Công an như thế nào?',
         'Sáng ngày 09/01/2026, tôi đồng ý để cán bộ Công an trích xuất đoạn dữ liệu từ 22 giờ 00 đến 22 giờ 30 '
         'phút ngày 08/01/2026 của camera số 2 sang USB, có lập biên bản thu giữ dữ liệu điện tử. Tôi không chỉnh '
         'sửa gì đối với dữ liệu trong đầu ghi.'),
    ])


def doc_biography(pdf: Pdf) -> None:
    pdf.new_page()
    pdf.header(CQDT, NATION)
    pdf.center('LÝ LỊCH BỊ CAN', size=16, after=10)
    rows = [['Mục', 'Nội dung'],
            ['Họ và tên', 'Nguyễn Văn Hải (tên gọi khác: không)'],
            ['Ngày, tháng, năm sinh', '14/5/1995'],
            ['Nơi sinh', 'Xã Thanh Hà, tỉnh Hà Nam'],
            ['Nơi thường trú', 'Xóm 4, xã Thanh Hà, tỉnh Hà Nam'],
            ['Chỗ ở hiện nay', 'Phòng 204 nhà số 18 ngõ 158 phố Ngọc Hà, phường Ngọc Hà, thành phố Hà Nội'],
            ['Dân tộc / Tôn giáo / Quốc tịch', 'Kinh / Không / Việt Nam'],
            ['Trình độ văn hóa', '9/12'],
            ['Nghề nghiệp', 'Lao động tự do (phụ hồ)'],
            ['Họ tên cha', 'Nguyễn Văn Tư, sinh năm 1968, làm ruộng'],
            ['Họ tên mẹ', 'Đặng Thị Hoa, sinh năm 1971, làm ruộng'],
            ['Vợ, con', 'Chưa có'],
            ['Anh chị em ruột', 'Có 03 anh chị em, bị can là con thứ hai'],
            ['Tiền án', 'Không'],
            ['Tiền sự', 'Ngày 12/6/2025 bị Trưởng Công an phường Kim Mã xử phạt vi phạm hành chính 1.500.000 đồng về '
                        'hành vi trộm cắp tài sản'],
            ['Biện pháp ngăn chặn', 'Tạm giữ từ 10/01/2026; tạm giam từ 19/01/2026 tại Trại tạm giam số 1 Công an '
                                    'thành phố Hà Nội']]
    pdf.table([150, 300], rows, size=11)
    pdf.center('TÓM TẮT QUÁ TRÌNH HOẠT ĐỘNG CỦA BẢN THÂN', size=12, before=8, after=6)
    for text in (
        'Từ năm 2001 đến năm 2010: học tiểu học và trung học cơ sở tại xã Thanh Hà; học hết lớp 9 thì nghỉ học ở nhà '
        'giúp gia đình làm ruộng.',
        'Từ năm 2011 đến năm 2018: đi làm thuê tại các xưởng may, xưởng cơ khí ở khu công nghiệp '
        'Đồng Văn, tỉnh Hà Nam.',
        'Từ năm 2019 đến tháng 8 năm 2025: lên Hà Nội làm phụ xe, bốc xếp hàng hóa, phụ hồ theo ngày; thuê trọ tại '
        'nhiều nơi trên địa bàn các phường Cầu Giấy và Ngọc Hà.',
        'Từ tháng 9 năm 2025 đến ngày bị bắt: làm phụ hồ không thường xuyên, thuê trọ tại ngõ 158 phố Ngọc Hà.',
    ):
        pdf.para(f'- {text}', left=10, indent=0)
    pdf.para('Tôi xin cam đoan những lời khai trên là đúng sự thật, nếu sai tôi xin chịu trách nhiệm trước pháp luật.',
             before=4, after=12)
    pdf.signatures([['**ĐIỀU TRA VIÊN**', '~', '', '**Đinh Quốc Khánh**'],
                    ['**NGƯỜI KHAI LÝ LỊCH**', '~', '', '**Nguyễn Văn Hải**']])


def doc_victim_2(pdf: Pdf) -> None:
    bio = ('**Trần Thị Mai**, sinh năm 1990; nơi cư trú: số 15 phố Đội Cấn, phường Ngọc Hà, thành '
           'phố Hà Nội; nghề nghiệp: nhân viên văn phòng.')
    _statement(pdf, title='BIÊN BẢN GHI LỜI KHAI', number='19/BB-ĐCS', date=(15, 2, 2026), start='09 giờ 00 phút',
               end='09 giờ 50 phút', place=ROOM, officer=OFFICER, recorder=RECORDER, role='bị hại',
               person='Trần Thị Mai', details=bio, qas=[
        ('Chị đã nhận lại tài sản bị chiếm đoạt chưa? Tình trạng tài sản như thế nào?',
         'Ngày 25/01/2026 tôi đã nhận lại xe mô tô và điện thoại theo quyết định xử lý vật chứng. Xe bị hỏng ổ khóa '
         'điện và khóa cổ, điện thoại bị nứt màn hình. Tôi đã sửa chữa hết 2.850.000 đồng, có hóa đơn kèm theo.'),
        ('Gia đình bị can đã bồi thường cho chị chưa?',
         'Ngày 14/02/2026, bố của Hải là ông Nguyễn Văn Tư đã đến gặp tôi, xin lỗi và bồi thường đủ 2.850.000 đồng. '
         'Hai bên có viết giấy biên nhận. Tôi không yêu cầu bồi thường gì thêm.'),
        ('Chị có đề nghị gì về việc xử lý đối với bị can?',
         'Tôi thấy Hải còn trẻ, gia đình khó khăn, đã biết ăn năn hối lỗi và bồi thường cho tôi nên tôi có đơn đề '
         'nghị cơ quan tiến hành tố tụng xem xét giảm nhẹ hình phạt cho Hải.'),
        ('Chị có đề nghị được vắng mặt tại phiên tòa không?',
         'Tôi sẽ tham gia phiên tòa. Nếu phiên tòa xét xử trực tuyến, tôi đề nghị được tham gia tại điểm cầu trung '
         'tâm.'),
    ])


def doc_self_statement(pdf: Pdf) -> None:
    pdf.new_page()
    pdf.header(['', '', ''], NATION)
    pdf.center('BẢN TỰ KHAI', size=16, after=10)
    pdf.para('Tôi tên là Nguyễn Văn Hải, sinh ngày 14/5/1995, chỗ ở hiện nay: phòng 204 nhà số 18 ngõ 158 phố Ngọc '
             'Hà, phường Ngọc Hà, thành phố Hà Nội. Nay tôi tự viết bản tự khai này trình bày sự việc '
             'như sau:')
    for text in (
        'Khoảng cuối tháng 12 năm 2025 tôi không có việc làm, tiền trọ còn nợ chủ nhà hai tháng, tôi nhiều lần vay '
        'tiền bạn bè nhưng không ai cho vay nên nảy sinh ý định đi trộm xe máy mang bán.',
        'Tối ngày 08/01/2026, tôi mang chiếc vam phá khóa đi bộ ra phố Đội Cấn. Khoảng hơn 22 giờ, tôi thấy chiếc xe '
        'Air Blade màu đỏ đen dựng trước cửa nhà số 15 không có người trông nên dùng vam phá ổ khóa điện, bẻ khóa cổ '
        'rồi nổ máy đi về phòng trọ. Về đến nơi tôi tháo biển số và thấy trong cốp có một chiếc điện thoại Samsung '
        'màu tím, tôi cất đi để bán.',
        'Ngày 10/01/2026 tôi bị Công an mời về làm việc. Tôi đã khai nhận toàn bộ sự việc và dẫn cán bộ về phòng trọ '
        'chỉ nơi để xe, biển số và điện thoại.',
        'Tôi biết việc làm của mình là sai trái, vi phạm pháp luật. Tôi xin lỗi chị Mai và mong được cơ quan pháp luật '
        'khoan hồng, cho tôi cơ hội sửa chữa sai lầm, sớm trở về với gia đình.',
    ):
        pdf.para(text)
    pdf.para('Tôi xin cam đoan những điều tôi khai trên là đúng sự thật.', before=4, after=12)
    pdf.signatures([['', '', '', ''],
                    ['__Hà Nội, ngày 10 tháng 01 năm 2026__', '**NGƯỜI TỰ KHAI**', '~', '', '**Nguyễn Văn Hải**']])
