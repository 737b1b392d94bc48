import json
H = {
"viec_lam": """
Cty ở KCN tuyển công nhân lắp ráp linh kiện có yêu cầu bằng cấp 3 ko ạ
em lam phu bep duoc 6 thang ma chu chua ky hop dong, gio nghi co duoc tra luong khong
Xin hỏi có lớp dạy nghề hàn miễn phí cho thanh niên sau cai nghiện không?
đi làm ở Nhật 3 năm về thì có được quay lại làm tiếp không ạ
cho e hỏi ngày hội tuyển dụng ở nhà văn hóa tỉnh tháng sau có những cty nào
Tôi làm ca đêm ở xưởng gỗ, lương ca đêm có cao hơn ca ngày không?
mình mún học nghề sửa điện thoại thì học bao lâu, học phí nhiêu
Có trang web nào đăng tin tuyển dụng uy tín ở tỉnh mình không ạ?
chủ xưởng ko cho nghỉ ốm, nghỉ là trừ lương gấp 3, vậy có đúng ko
em 19 tuổi muốn đi lao động ở Úc theo visa lao động thời vụ
Người học xong lớp dạy nghề của huyện có được giới thiệu việc làm luôn không?
chi phí đi xuất khẩu lao động Hàn diện EPS hết bn tiền
Sinh viên mới ra trường được trả lương thực tập bao nhiêu là hợp lý?
làm tài xế công nghệ có cần đăng ký hợp đồng với hãng ko ạ
em bị cty giữ bằng lái xe khi vào làm, nghỉ việc họ ko trả
hướng nghiệp cho hs lớp 12 chọn ngành nào dễ xin việc ở quê
Trung tâm dịch vụ việc làm có giới thiệu việc cho lao động trên 35 tuổi không?
""",
"khoi_nghiep": """
e có ý tưởng mở xưởng sấy nông sản, vay vốn ưu đãi ở đâu đc ạ
Hồ sơ vay tổ tiết kiệm và vay vốn của đoàn thanh niên cần những gì?
mở tiệm bánh mì nhỏ ở chợ xã cần khoảng bao nhiu vốn
nuoi bo vo beo co loi khong, ai huong dan ky thuat
Hợp tác xã chè của thôn muốn đạt OCOP 4 sao thì phải làm gì?
Đoàn có hỗ trợ thanh niên tìm đầu ra cho bưởi da xanh không ạ?
Em muốn làm du lịch trải nghiệm vườn cam, cần giấy phép gì?
Vay ngân hàng chính sách xã hội 1 lần được tối đa mấy năm?
Dự án khởi nghiệp nông nghiệp công nghệ cao có quỹ nào tài trợ vốn mồi không
mình bán cà phê rang xay online, muốn có thương hiệu riêng
Giá lúa xuống thấp quá, nông dân trẻ nên liên kết với doanh nghiệp nào?
tổ hợp tác nuôi vịt của thanh niên có được hỗ trợ con giống không
Thanh niên muốn thành lập hợp tác xã trồng nấm thì thủ tục thế nào?
e muốn mở shop quần áo trên tiktok, có lớp dạy kinh doanh online ko
Lãi suất vay giải quyết việc làm cho thanh niên khởi nghiệp năm nay
trong cay an trai tren dat doi co duoc ho tro von khong
Làm sao đưa sản phẩm rượu cần của bản lên sàn thương mại điện tử?
""",
"hoc_tap": """
hoc bong cho sinh vien dan toc thieu so nop ho so o dau a
Em học lớp 12, muốn xét tuyển sớm vào đại học bằng IELTS thì cần bao nhiêu điểm?
trường e ko có phòng học tiếng Anh, thầy cô toàn dạy chay
Đoàn có mở lớp tin học miễn phí cho học sinh nghèo dịp hè không ạ?
Sv bị mất thẻ sinh viên làm lại ở đâu
Thi học sinh giỏi cấp tỉnh có được cộng điểm xét tuyển lớp 10 không?
em mún đi du học Đức ngành điều dưỡng cần học tiếng bao lâu
Học phí trường đại học sư phạm có được nhà nước trả không ạ
cách tự ôn thi đánh giá năng lực ở nhà hiệu quả
Điều kiện xét học bổng khuyến khích học tập cho sinh viên năm 2
Học sinh ở bán trú có được hỗ trợ gạo không ạ?
Em trượt tốt nghiệp THPT thì năm sau thi lại có phải học lại lớp 12 không
Cần bao nhiêu điểm rèn luyện để đạt danh hiệu sinh viên 5 tốt cấp trường
Trường cấp 2 ở xã em thiếu bàn ghế, học sinh phải ngồi chật
có lớp tiếng Trung cho thanh niên ở huyện ko ạ
Làm sao vay vốn ngân hàng chính sách để đóng học phí đại học?
chứng chỉ tin học văn phòng mos thi ở đâu gần nhất
""",
"can_bo_tre": """
Thi tuyển công chức cấp tỉnh năm nay có vị trí nào cho ngành luật?
cán bộ trẻ ở xã được quy hoạch chức danh phó chủ tịch cần điều kiện j
Em tốt nghiệp thủ khoa đại học, tỉnh có chính sách tuyển thẳng vào cơ quan nhà nước không?
can bo doan chuyen trach qua tuoi thi co duoc chuyen sang cong chuc khong a
Viên chức trẻ muốn được cử đi học cao cấp lý luận chính trị thì phải công tác mấy năm?
thời gian tập sự của viên chức giáo viên là bao lâu ạ
Lương cán bộ không chuyên trách ở xã sau sáp nhập có thay đổi không
Cán bộ trẻ được luân chuyển về xã vùng khó khăn có được hưởng thêm phụ cấp không?
Thi viên chức y tế năm nay có ưu tiên người có chứng chỉ hành nghề không
Vì sao cán bộ trẻ có năng lực ít được bổ nhiệm giữ chức vụ lãnh đạo?
e làm hợp đồng ở ubnd xã 5 năm r, có được xét vào công chức ko
Tiêu chí bổ nhiệm trưởng phòng dưới 35 tuổi là gì?
Thu hút bác sĩ trẻ về bệnh viện huyện được hỗ trợ bao nhiêu tiền?
Công chức mới tuyển có bắt buộc học lớp bồi dưỡng quản lý nhà nước không?
Đánh giá xếp loại cán bộ công chức trẻ cuối năm ai chấm điểm?
Cán bộ đoàn xã muốn học trung cấp chính trị đăng ký ở đâu ạ?
cơ hội thăng tiến cho công chức trẻ ở cấp xã như thế nào
""",
"dang_doan": """
Đơn xin vào Đảng viết theo mẫu nào ạ?
đv chuyển công tác sang tỉnh khác thì chuyển sinh hoạt đoàn thế nào ạ
em 17t muốn vào đoàn cần làm gì
Chi đoàn khu dân cư tháng này sinh hoạt chủ đề gì?
Đoàn phí của sinh viên đóng mỗi tháng bao nhiêu ạ?
sổ đoàn của e bị mất khi chuyển nhà, xin cấp lại thế nào
Quần chúng ưu tú cần bao nhiêu đảng viên chính thức giới thiệu?
Phần mềm quản lý đoàn viên không tìm thấy tên em, báo ai sửa?
Bí thư chi đoàn có được kiêm nhiệm bí thư liên chi đoàn không?
Đảng viên dự bị vi phạm kỷ luật có được chuyển chính thức không?
Đoàn viên trên 30 tuổi có được tiếp tục sinh hoạt đoàn không ạ?
Kết quả xếp loại đoàn viên năm nay em bị xếp trung bình, khiếu nại ở đâu?
lop cam tinh dang to chuc vao thang may vay a
Đại hội đoàn xã nhiệm kỳ mới bầu bao nhiêu ủy viên ban chấp hành?
Chi đoàn vắng đoàn viên vì đi làm ăn xa, làm sao duy trì sinh hoạt?
Đoàn viên có người thân theo tôn giáo khác có được kết nạp Đảng không?
Hội Liên hiệp Thanh niên khác Hội Sinh viên chỗ nào ạ
""",
"an_sinh": """
The bhyt cua em het han thang truoc, gia han o dau a
Bà nội em 85 tuổi sống một mình, có được trợ cấp hằng tháng không?
Lao động tự do muốn đóng bảo hiểm xã hội tự nguyện thì đăng ký ở đâu?
nhà e thuộc hộ cận nghèo, mua bhyt có được giảm không
Bị bệnh phải nằm viện 1 tuần, bảo hiểm xã hội có trả tiền ốm đau không?
Người khuyết tật vận động có được cấp xe lăn miễn phí không ạ
Hỗ trợ xây nhà cho hộ nghèo năm nay xét như thế nào?
Đi khám bệnh ở tỉnh khác có được dùng thẻ BHYT đúng tuyến không?
em mang bầu 7 tháng, nghỉ thai sản được hưởng bao nhiêu tiền
Trạm y tế xã không có bác sĩ sản khoa, phụ nữ sinh đẻ phải đi xa
Rút bảo hiểm xã hội 1 lần cần giấy tờ gì ạ
Gia đình có người bệnh thận mãn tính có được hỗ trợ chi phí lọc máu?
Người có công với cách mạng được cấp thẻ BHYT miễn phí không
Trẻ em mồ côi do dịch bệnh được nhận trợ cấp bao nhiêu
Thanh niên bị stress kéo dài có được khám tâm lý bằng bảo hiểm không
Nhà ở xã hội cho công nhân đăng ký mua ở đâu?
Hộ nghèo bị mất nhà do lũ quét được hỗ trợ như thế nào?
""",
"phap_luat": """
em bị ng lạ lừa mua thẻ cào trúng thưởng qua đt, báo ai đc
Chạy xe máy dùng điện thoại khi đang lái bị phạt bao nhiêu?
Nhà em có đất chưa có sổ đỏ, làm thủ tục cấp lần đầu ở đâu?
Hàng xóm mở loa to đến 12 giờ đêm thì có được báo công an không?
Bạn em bị dụ dỗ dùng ma túy đá, gia đình nên làm gì?
thủ tục đăng ký khai tử cho ông em ở xã cần giấy tờ j
Cho người khác thuê lại tài khoản ngân hàng để nhận tiền có phạm pháp không?
Người 16 tuổi đánh người gây thương tích có phải đi tù không?
Sang tên xe máy mua lại của người quen làm ở đâu ạ?
Có nhóm thanh niên đi xe phân khối lớn lạng lách trên quốc lộ mỗi tối
Mua đất bằng giấy tay nay bên bán đòi lại thì em phải làm sao
Tài khoản zalo của em bị hack, kẻ gian nhắn tin mượn tiền người thân
Lô đề, cờ bạc ăn tiền trong thôn tái diễn, báo ai xử lý
Tạm trú cho sinh viên thuê trọ đăng ký qua app được không
Bị gọi điện tự xưng tòa án báo có lệnh bắt, yêu cầu chuyển tiền
Chuyển mục đích sử dụng đất trồng cây lâu năm sang đất ở cần thủ tục gì?
Vượt đèn vàng có bị phạt như vượt đèn đỏ không ạ
""",
"moi_truong": """
Rác thải ở chợ xã dồn ứ mấy ngày không ai chở đi, bốc mùi
duong vao thon e toan o ga, mua mua lay loi, bao gio lam lai
Xưởng tái chế nhựa gần nhà thải khói độc, em phản ánh ở đâu?
Nước giếng khoan nhà em có mùi tanh, xã có hệ thống nước máy không
Xã em đạt nông thôn mới rồi nhưng đường làng vẫn không có đèn
Có người đổ trộm dầu thải xuống mương tưới lúa
Đoàn có chương trình thu gom pin cũ, rác điện tử không ạ?
Mưa to là khu phố ngập nửa mét, bao giờ cải tạo cống thoát nước
Cây cổ thụ ven đường sắp đổ, nguy hiểm cho học sinh đi học
Đất đồi bị sạt lở sát nhà dân sau mưa bão, xã có kế hoạch di dời không
chăn nuôi vịt thả ao làm nước ao bốc mùi cả xóm
Thôn em muốn làm tuyến đường cờ hoa, xin hỗ trợ ở đâu
Người dân đốt rác ngay đầu ngõ, khói bay vào nhà
Khu đô thị mới chưa có vỉa hè, xe tải đi làm hư mặt đường
Xóm chài ven biển không có nơi tập kết rác
Cách làm túi vải thay túi nilon đi chợ
Bao giờ có cầu bê tông thay cầu khỉ qua kênh?
""",
"tinh_nguyen_van_hoa": """
Đợt hiến máu nhân đạo tháng sau tổ chức ở nhà văn hóa nào?
e muốn tham gia mùa hè xanh mà là sv năm cuối có dc ko
Đoàn có tổ chức giải bóng đá nam nữ cho thanh niên dịp Tết không?
Xã em không có sân chơi cho trẻ em, tụi nhỏ ra đường chơi rất nguy hiểm
clb nhảy hiện đại của tn phường tập vào tối mấy ạ
Thanh niên muốn mở lớp dạy bơi miễn phí cho trẻ em trong hè, xin hỗ trợ ở đâu?
Tiếp sức mùa thi năm nay có cần tình nguyện viên nấu cơm không
Liên hoan văn nghệ thanh niên các dân tộc đăng ký tiết mục ở đâu
Đi hiến máu mà đang uống thuốc kháng sinh được không ạ?
Mình muốn làm tình nguyện viên dạy tiếng Anh cho trẻ em vùng cao
Nhà văn hóa xã có cho thuê tổ chức giải bóng bàn không
Hoạt động tình nguyện thăm trại trẻ mồ côi cần đăng ký với ai
Giải cờ tướng của thanh niên năm nay tổ chức khi nào?
Câu lạc bộ đàn hát dân ca của xã có nhận người mới không?
Chiến dịch Xuân tình nguyện có hoạt động gói bánh chưng tặng hộ nghèo không
Thư viện lưu động của đoàn có về thôn em không ạ?
Đội tình nguyện áo xanh ở phường có tuyển thành viên mới không?
""",
"chuyen_doi_so": """
vneid cua em bi loi khong dang nhap duoc, lam sao
Nộp hồ sơ cấp đổi giấy phép lái xe qua dịch vụ công trực tuyến thế nào?
Người lớn tuổi trong thôn muốn học dùng Zalo, ai dạy giúp?
App ngân hàng có an toàn hơn ví điện tử khi thanh toán không ạ
tổ công nghệ số cộng đồng ở phường có hỗ trợ cài app VssID không
Làm sao biết một trang web mua sắm là lừa đảo?
Em muốn tham gia lớp kỹ năng số để làm văn phòng
Cách xác thực định danh điện tử mức 2 cho người trên 60 tuổi
Đóng học phí cho con bằng chuyển khoản qua mã QR có được không?
Thôn em mất sóng điện thoại mỗi khi mưa, bao giờ có trạm phát sóng
Ứng dụng Thanh niên Việt Nam có chức năng đăng ký hiến máu không
Có khóa học AI tạo sinh miễn phí cho đoàn viên không ạ?
Làm thủ tục đăng ký kinh doanh online trên cổng dịch vụ công quốc gia
điện thoại em bị cài app điều khiển từ xa, phải làm gì
Chữ ký số dùng trên điện thoại có thay được chữ ký tay không
Xã có số hóa sổ hộ khẩu và giấy tờ cũ không
Thanh toán tiền nước hàng tháng bằng ví điện tử ở xã em được chưa
""",
"khac": """
ê bot ơi, có ai online không
Cho hỏi tối nay có mưa không ạ
Em muốn gửi lời cảm ơn đến anh chị đã tổ chức buổi giao lưu
Lãnh đạo tỉnh thích ăn món gì nhất ạ
Sao câu hỏi của em chưa được duyệt vậy
Bot có thể giải bài toán lớp 9 giúp em không
hôm qua em đi chơi vui lắm
Làm sao để tắt thông báo của bot?
Anh chị lãnh đạo hồi trẻ có từng thất nghiệp không ạ
Em bị bạn bè xa lánh ở lớp, em buồn lắm
Ai vô địch World Cup năm ngoái
Tôi đề nghị ban tổ chức công bố danh sách câu hỏi đã nhận
Bot có trả lời bằng tiếng H'Mông không?
hahaha
Em muốn hỏi ẩn danh thì có ai biết tên em không ạ
Cho em làm quen với anh chị trong ban tổ chức
Khi nào thì có buổi đối thoại tiếp theo với lãnh đạo tỉnh?
""",
}
with open(__import__('os').path.join(__import__('os').path.dirname(__import__('os').path.abspath(__file__)), '../../') + 'test/quality/topics.holdout.jsonl','w') as f:
    for t, txt in H.items():
        ls=[l.strip() for l in txt.strip().split('\n') if l.strip()]
        assert len(ls)>=15, t
        for l in ls: f.write(json.dumps({'text': l, 'topic': t}, ensure_ascii=False)+'\n')
print('ok')
