# Second held-out set (written 30/11/2026, before any change to the models, apart from the
# training sentences). NEVER used for training or tuning: only measured.
# Writes test/quality/topics.holdout2.jsonl and test/quality/duplicates.holdout2.jsonl.
import json, os
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../')
Q = {}
Q["viec_lam"] = """
e mới ra trường ngành kế toán mà nộp cv mãi ko ai gọi, có chỗ nào giới thiệu việc ko ạ
luong co ban cua cong nhan may o tinh minh hien nay khoang bao nhieu 1 thang vay
Em làm ở xưởng gỗ được 8 tháng, chủ chỉ thỏa thuận miệng, giờ em muốn đòi ký hợp đồng bằng văn bản thì nói với ai ạ?
sàn gdvl tháng này tổ chức ngày nào thế ad
cho mik hỏi đi đài loan làm nhà máy điện tử thì phí bao nhiêu, có bị trừ lương hàng tháng ko
Con em học hết lớp 9 không muốn học nữa, gia đình muốn cho cháu đi học một cái nghề để sau này tự nuôi thân, nên chọn nghề gì và học ở đâu ạ?
hướng nghiệp cho hs lớp 12 năm nay đoàn trường có tổ chức ko ạ
bị cty trừ lương vì đi trễ 5p có đúng luật ko mn
Em đi thực tập sinh Nhật về được 2 tháng, tiếng Nhật N3, giờ muốn tìm công ty Nhật ở khu công nghiệp trong tỉnh làm phiên dịch thì tìm ở đâu?
hoc nghe han co dc ho tro tien an khong a
Có chương trình nào đưa lao động đi làm nông nghiệp ở Úc ngắn hạn không, yêu cầu tiếng Anh thế nào?
làm part time quán trà sữa mà chủ ko trả đủ lương thì e phải làm sao ạ 😢
E 22t, tốt nghiệp cao đẳng điện, muốn vào làm ở nhà máy nhiệt điện thì có tuyển ko ạ
Hợp đồng lao động hết hạn mà công ty vẫn cho làm tiếp không ký lại thì có tính là hợp đồng không xác định thời hạn không?
tư vấn giúp e nên học ngành logistics hay công nghệ ô tô thì dễ kiếm việc hơn
Bộ đội xuất ngũ như em có được giới thiệu việc làm ở doanh nghiệp không ạ
xkld han quoc eps nam nay khi nao thi tieng
lương tăng ca ngày chủ nhật tính sao vậy ạ, cty e chỉ trả bằng ngày thường
Em là nữ 35 tuổi muốn học nghề spa chăm sóc da ngắn hạn có được miễn phí không
Ngày hội việc làm ở trường ĐH có cho người ngoài trường vào nộp hồ sơ ko a
Có bên môi giới đòi em đặt cọc 50 triệu để đi Canada làm việc, em nên làm gì cho khỏi bị lừa?
Thanh niên ở vùng biển mình ngoài đi biển ra thì còn việc gì làm được ạ
Nghỉ việc rồi mà cty chưa chốt sổ bhxh cho e, làm sao để lấy sổ ạ
"""
Q["khoi_nghiep"] = """
e muốn mở tiệm sửa xe máy nhỏ ở nhà, vốn hơn 50tr thì có vay ưu đãi đc ko ạ
Tổ tiết kiệm và vay vốn do đoàn quản lý thì vào bằng cách nào
Gia đình em trồng bưởi da xanh mấy năm nay mà cứ tới mùa là bị thương lái ép giá, huyện có hỗ trợ tìm đầu ra không ạ?
sp OCOP 3 sao cần điều kiện gì vậy ad
vay von nhcs cho thanh nien lap nghiep lai suat bao nhieu phan tram 1 nam
Mình với 4 bạn muốn lập hợp tác xã nuôi tôm công nghệ cao, thủ tục thành lập và vốn điều lệ tối thiểu là bao nhiêu?
Có cuộc thi khởi nghiệp nào cho học sinh cấp 3 không ạ, e có ý tưởng làm ống hút bằng cỏ
đoàn có hỗ trợ thanh niên làm mô hình kinh tế trồng nấm không mn
E bán hàng trên shopee, giờ muốn đăng ký hộ kinh doanh thì làm ở đâu, có tốn nhiều ko
Nuôi gà thả vườn theo chuỗi liên kết với doanh nghiệp thì ai bao tiêu sản phẩm ạ
Vay vốn giải quyết việc làm có phải thế chấp sổ đỏ ko hay chỉ cần tín chấp qua đoàn
cho e hỏi startup của sinh viên có được ươm tạo ở vườn ươm của tỉnh không
Em làm homestay ở bản, khách ít quá, có chương trình nào hỗ trợ quảng bá du lịch cộng đồng không?
tổ hợp tác trồng rau sạch của tn xã e muốn đưa rau vào siêu thị thì cần giấy chứng nhận gì
Mô hình thanh niên làm kinh tế giỏi năm nay được khen thưởng những ai, tiêu chí ra sao?
vay 100 trieu lam trang trai thi tra trong may nam
Em có ý tưởng làm app bán nông sản trực tiếp từ nông dân, cần tìm nhà đầu tư thiên thần thì kết nối qua đâu ạ
Giá heo xuống thấp quá, thanh niên chăn nuôi như em lỗ nặng, nhà nước có hỗ trợ gì không
hội lhtn có quỹ hỗ trợ thanh niên khởi nghiệp ko ạ, mức hỗ trợ tối đa bn
Làm sao để sản phẩm mật ong rừng của bản em được dán tem truy xuất nguồn gốc và bán trên sàn thương mại điện tử?
e muon mo quan cafe nho nhung chua biet lap ke hoach kinh doanh, co lop nao day ko
Tập huấn kỹ thuật trồng cà phê đặc sản cho thanh niên Tây Nguyên có tổ chức không ạ
"""
Q["hoc_tap"] = """
hoc bong cho sv ngheo vuot kho cua tinh doan nop ho so den bao gio
Em thi đgnl được 850 điểm thì có đủ vào ngành y đa khoa không ạ
trường e ko có phòng máy tính, tụi e học tin học toàn lý thuyết, có cách nào kiến nghị ko ạ
Danh hiệu Sinh viên 5 tốt cấp tỉnh cần đạt tiêu chí ngoại ngữ như thế nào?
Em là học sinh dân tộc nội trú, lên đại học thì có được cử tuyển không ạ
cho e hỏi ielts 6.0 có được miễn thi ngoại ngữ tốt nghiệp thpt ko
Nhà em nghèo, em đỗ đại học rồi mà không có tiền nhập học, có quỹ nào cho vay hoặc hỗ trợ không ạ?
xét học bạ vào các trường sư phạm năm nay lấy mấy điểm vậy mn
Ký túc xá trường mình xuống cấp, mùa mưa dột hết, sinh viên phản ánh mãi mà chưa sửa
Có lớp tiếng Anh giao tiếp miễn phí cho thanh niên nông thôn vào buổi tối không ạ
em học lớp 11 muốn đi du học Nhật theo diện học bổng chính phủ thì chuẩn bị từ giờ ntn
Thư viện xã đóng cửa suốt, tụi em muốn có chỗ tự học buổi tối thì đề xuất ai ạ
Khóa học lập trình Python online miễn phí cho học sinh có uy tín ko ạ
Sinh viên học văn bằng 2 có được vay vốn học tập ở ngân hàng chính sách không
e bị bảo lưu kết quả 1 năm vì đi làm kiếm tiền, giờ quay lại học có mất học bổng ko
Trường THPT ở xã em thiếu giáo viên tiếng Anh cả năm nay, học sinh thiệt thòi lắm ạ
thi lai tot nghiep thpt thi dang ky o dau a, em truot nam ngoai
Điều kiện được miễn giảm học phí cho con hộ cận nghèo học cao đẳng là gì?
ad ơi chứng chỉ tin học cơ bản thi ở đâu được công nhận ạ
Em thích học thiết kế đồ họa nhưng bố mẹ bắt học kế toán, có nên theo đam mê không ạ?
Học sinh giỏi quốc gia được tuyển thẳng vào những trường nào?
"""
Q["can_bo_tre"] = """
Sinh viên tốt nghiệp loại xuất sắc về quê công tác thì được tuyển thẳng không qua thi ko ạ
thi cong chuc cap xa nam nay co mo dot tuyen dung khong
e là phó bí thư đoàn xã 3 năm, khi nào thì được xem xét quy hoạch lên chức vụ cao hơn ạ
Chính sách thu hút người có trình độ thạc sĩ về làm việc tại tỉnh gồm những khoản hỗ trợ gì?
Cán bộ trẻ bị luân chuyển lên xã vùng cao thì gia đình có được hỗ trợ nhà công vụ không
Trung cấp lý luận chính trị học bao lâu, vừa làm vừa học được ko ạ
viên chức hợp đồng làm 5 năm rồi có được xét chuyển thành viên chức chính thức ko ạ
Sau sắp xếp bộ máy, cán bộ đoàn cấp huyện dôi dư như em sẽ được bố trí đi đâu?
Thi tuyển công chức có được cộng điểm ưu tiên cho người là con liệt sĩ không
tỉnh có tuyển chọn trí thức trẻ tình nguyện về làm phó chủ tịch xã nữa không ạ
Em là kỹ sư trẻ ở sở, muốn được cử đi đào tạo thạc sĩ bằng ngân sách thì cần điều kiện gì?
Tuổi quy hoạch cán bộ trẻ vào ban thường vụ huyện ủy hiện nay là bao nhiêu
cán bộ trẻ làm việc tốt nhưng cứ bị ghìm, không được đề bạt vì chưa đủ thâm niên, có bất hợp lý ko ạ
Thời gian tập sự công chức có được tính vào thời gian xét nâng lương không?
e muốn hỏi về tiêu chuẩn bổ nhiệm trưởng phòng cấp huyện khi còn dưới 30 tuổi
Có chính sách gì để giữ chân bác sĩ trẻ ở lại trạm y tế xã không ạ, lương thấp quá nhiều người bỏ
Cán bộ đoàn chuyên trách hết tuổi hoạt động đoàn thì được chuyển sang cơ quan nào ạ
Em thi viên chức giáo viên đỗ rồi mà nửa năm chưa có quyết định tuyển dụng là sao ạ
bồi dưỡng ngạch chuyên viên có bắt buộc đối với công chức mới ko
Tỷ lệ cán bộ trẻ dưới 35 tuổi trong cấp ủy nhiệm kỳ tới tỉnh đặt chỉ tiêu bao nhiêu?
"""
Q["dang_doan"] = """
e 16t r, muốn vào đoàn thì phải làm những gì ạ
Đoàn viên ưu tú được giới thiệu kết nạp Đảng cần đạt tiêu chuẩn gì ạ
doan phi sinh vien dong bao nhieu 1 thang vay
Em chuyển trường từ Hà Nội về quê, giấy giới thiệu sinh hoạt đoàn xin ở đâu ạ?
lớp cảm tình đảng khi nào mở khóa mới ad
chi đoàn thôn e mấy tháng rồi ko sinh hoạt, đoàn viên bỏ hết, làm sao để kéo mn quay lại ạ
Em làm mất thẻ đoàn viên thì có được cấp lại không?
Phần mềm quản lý đoàn viên em đăng nhập không được, báo sai mã đoàn viên
Xếp loại đoàn viên cuối năm dựa vào những tiêu chí nào ạ
Hơn 30 tuổi rồi thì có phải làm thủ tục trưởng thành đoàn không?
Đi làm ở tỉnh khác nhưng vẫn muốn sinh hoạt đoàn tạm thời ở nơi làm việc được không
e đang là đảng viên dự bị, sau 12 tháng thì tự động chuyển chính thức hay phải làm gì ạ
Bí thư chi đoàn nhiệm kỳ mấy năm, bầu lại như thế nào
ko tham gia sinh hoạt đoàn thì có bị khai trừ ko ạ
Hồ sơ xin vào Đảng gồm những giấy tờ gì, lý lịch có phải xác minh ở quê không?
Đại hội chi đoàn năm nay tổ chức theo hướng dẫn mới có gì khác không ạ
Em là sinh viên năm 3, muốn được kết nạp Đảng ngay khi còn ở trường thì cần phấn đấu như thế nào?
cho hỏi sổ đoàn bị ướt mờ hết chữ thì làm lại ở đâu
Chi đoàn em muốn tổ chức sinh hoạt chuyên đề về chủ quyền biển đảo, có tài liệu hướng dẫn không ạ?
Đoàn viên đi nghĩa vụ quân sự thì rút sổ đoàn như thế nào
Đảng viên trẻ sinh hoạt ở chi bộ thôn có phải đóng đảng phí không, mức bao nhiêu?
"""
Q["an_sinh"] = """
thẻ bhyt hộ gia đình năm nay đóng bn tiền 1 người ạ
Mẹ em bị suy thận phải chạy thận ở tỉnh, bảo hiểm có trả hết không hay phải đồng chi trả bao nhiêu?
Em làm tự do, muốn đóng bảo hiểm xã hội tự nguyện để sau này có lương hưu thì đăng ký ở đâu?
nha e thuoc ho can ngheo thi con co duoc cap the bao hiem mien phi ko
ông nội e 82 tuổi chưa được nhận trợ cấp người cao tuổi, phải làm hồ sơ gì ạ
Nhà bị sập do lũ năm ngoái, xã hứa hỗ trợ xây lại mà giờ chưa thấy, gia đình em hỏi ai?
Có chương trình nhà ở xã hội cho công nhân trẻ thu nhập thấp thuê không ạ
Rút bhxh 1 lần bây giờ còn được không hay phải đợi đủ tuổi nghỉ hưu ạ
Trạm y tế xã thiếu thuốc, người dân đi khám toàn phải ra hiệu thuốc mua
chế độ thai sản cho nam khi vợ sinh con được nghỉ mấy ngày vậy mn
em bị tai nạn giao thông nằm viện, thẻ bhyt trái tuyến có được thanh toán ko ạ
Bạn em bị trầm cảm nặng, ở tỉnh mình có chỗ nào khám tâm lý miễn phí cho thanh niên không?
Trẻ em dưới 6 tuổi có được cấp thẻ bảo hiểm y tế miễn phí không ạ
Người khuyết tật nặng được trợ cấp hằng tháng bao nhiêu, làm hồ sơ ở xã phải không
Gia đình có công với cách mạng được hỗ trợ sửa nhà như thế nào ạ
tiêm vắc xin cho bé ở trạm y tế xã có mất tiền ko ạ
e bị tiểu đường, tháng nào cũng phải lên viện tỉnh lấy thuốc, có cách nào lấy thuốc ở trạm xã ko
Hộ nghèo đa chiều được hưởng những chính sách hỗ trợ gì về tiền điện, nước?
Đợt rét đậm vừa rồi bà con vùng cao thiếu chăn ấm, đoàn có chương trình hỗ trợ không ạ
bhyt hoc sinh sinh vien dong o truong hay o dia phuong a
Mất việc rồi thì thẻ bảo hiểm y tế của công ty còn dùng được bao lâu ạ
"""
Q["phap_luat"] = """
Con nít 15 tuổi chạy xe máy trên 50cc bị công an bắt thì phạt ai ạ
e bị lừa chuyển 20tr cho tài khoản giả danh ngân hàng, giờ báo công an ở đâu
Xóm em có nhóm thanh niên tụ tập đánh bài ăn tiền thâu đêm, báo chính quyền có bị trả thù không ạ
Uống bia rồi đi xe đạp điện có bị phạt nồng độ cồn không mn
tang vat vi pham giao thong bi tam giu bao lau thi duoc lay xe ve
Hàng xóm xây tường lấn sang đất nhà em 30cm, gia đình em khởi kiện ở đâu?
Làm lại giấy khai sinh bị sai tên thì thủ tục ra sao ạ
Em nghi bạn cùng phòng trọ dùng ma túy đá, em nên làm gì để vừa giúp bạn vừa an toàn?
đăng tin sai sự thật lên facebook về chính quyền xã thì bị xử lý thế nào
Nhận làm cộng tác viên chốt đơn online, phải nạp tiền trước mới được nhận hoa hồng, đây là lừa đảo đúng không ạ?
Chuyển nhượng đất vườn của bố mẹ cho con thì đóng thuế gì ạ
e 17 tuổi có được đăng ký kết hôn không, bố mẹ bắt cưới
Thanh niên bị rủ vào đường dây cho vay nặng lãi, đòi nợ thuê thì bị tội gì ạ
Vượt đèn đỏ bị phạt nguội thì tra cứu ở đâu vậy ạ
Mua bán tài khoản ngân hàng cho người lạ có vi phạm pháp luật ko a
Bạo lực gia đình, chồng đánh vợ thì hàng xóm báo cho ai
dat nong nghiep len tho cu thi can lam thu tuc gi, mat bn tien
Học sinh đi học mang theo dao bấm có bị xử lý không ạ
Bị người ta dùng ảnh của mình lập nick giả đi vay tiền thì e phải làm sao ạ
Đua xe trái phép trên quốc lộ ban đêm, công an xã có xử lý không?
Em muốn hỏi thủ tục xin cấp lý lịch tư pháp để đi xuất cảnh
"""
Q["moi_truong"] = """
rac thai o cho xa e vut tum lum xuong muong, mua mua la boc mui ca xom
Trại heo gần nhà em xả chất thải ra kênh, nước đen ngòm, phản ánh nhiều lần không ai xử lý
Đoàn xã em muốn làm mô hình đổi rác nhựa lấy cây xanh thì bắt đầu từ đâu ạ?
nước giếng khoan nhà e bị nhiễm phèn, xã có kế hoạch kéo nước sạch về thôn ko ạ
Tiêu chí nông thôn mới nâng cao về môi trường gồm những gì
đường vào thôn e toàn ổ gà, mưa xuống lầy lội, bao h mới được bê tông hóa ạ
Khu phố em muốn đăng ký tuyến đường văn minh đô thị do thanh niên quản lý thì làm thế nào?
Đốt rơm rạ sau mùa gặt khói mù mịt cả làng, có cấm không ạ
Hạn mặn năm nay nặng quá, thanh niên có thể làm gì để giúp bà con giữ nước ngọt?
cây xanh trên vỉa hè bị chặt hết để mở quán, phản ánh ở đâu mn
Rác thải y tế ở phòng khám tư đổ chung với rác sinh hoạt có đúng quy định không
Làng em bị sạt lở bờ sông mỗi mùa lũ, có dự án kè sông không ạ
phân loại rác tại nguồn bắt đầu áp dụng ở tỉnh mình từ khi nào vậy
Chủ nhật xanh tuần này chi đoàn dọn vệ sinh kênh rạch, có được hỗ trợ bao tay và túi đựng rác không
Bãi rác tạm sát trường học gây ô nhiễm, học sinh đau đầu suốt
Cát tặc hút cát trái phép ban đêm làm sụt lún ruộng, báo ai xử lý ạ
đèn đường thôn e hỏng cả tháng ko ai sửa, tối đi học về sợ lắm
Túi nilon dùng một lần bao giờ thì bị cấm hẳn ạ
Mô hình trồng rừng ngập mặn chống biến đổi khí hậu cho thanh niên ven biển có không ạ
Cống thoát nước khu dân cư mới bị tắc, mưa to là ngập đến đầu gối
Làng nghề tái chế nhựa ở xã bên gây ô nhiễm không khí nặng, có biện pháp gì không
"""
Q["tinh_nguyen_van_hoa"] = """
mùa hè xanh năm nay e đăng ký đội hình đi vùng cao được ko ạ
Hiến máu tình nguyện có cần nhịn ăn sáng không, em nặng 46kg có được hiến ko ạ
Xã em không có sân bóng, tụi thanh niên chiều chiều phải đá ngoài đường, có thể xây sân không ạ?
clb guitar cua doan phuong co nhan thanh vien moi khong, sinh hoat toi thu may
Tiếp sức mùa thi năm nay cần tình nguyện viên ở điểm thi nào ạ
Em muốn lập câu lạc bộ nhảy hiện đại ở nhà văn hóa thôn thì xin phép ai?
Giải chạy bộ vì người nghèo của tỉnh đoàn đăng ký ở đâu, có tốn phí ko
Lễ hội truyền thống của làng đang mai một, thanh niên có thể làm gì để giữ gìn?
hội trại 26/3 năm nay tổ chức ở đâu vậy mn, trường e có được tham gia ko
Nhà văn hóa thôn đóng cửa suốt, thanh niên muốn mượn để tập văn nghệ thì hỏi ai?
Chương trình tình nguyện mùa đông có đi tặng áo ấm cho trẻ em vùng cao không ạ
Em muốn làm tình nguyện viên dạy học cho trẻ em khuyết tật vào cuối tuần
giải bóng chuyền thanh niên xã mỗi đội được đăng ký mấy cầu thủ vậy ad
Có lớp học võ cổ truyền miễn phí cho thanh thiếu nhi trong hè không ạ
Hoạt động đền ơn đáp nghĩa dịp 27/7 chi đoàn em nên làm gì ý nghĩa ạ
Phòng tập gym công cộng ngoài trời ở công viên bị hỏng máy, đoàn có sửa không
Cuộc thi hát karaoke thanh niên công nhân năm nay đăng ký đến ngày nào?
đi hiến máu xong được nhận quà và giấy chứng nhận gì ko ạ
Em muốn đăng ký làm tình nguyện viên ở bệnh viện nhi nấu cơm cho bệnh nhân nghèo
Thư viện sách lưu động cho thiếu nhi có về các thôn bản vùng sâu không ạ
Xã có tổ chức trung thu cho các em nhỏ năm nay không, đoàn cần người hóa trang chú Cuội
"""
Q["chuyen_doi_so"] = """
cách tích hợp bằng lái xe vào vneid ntn ạ
App Thanh niên Việt Nam đăng nhập bằng số điện thoại mà không nhận được mã OTP
Em muốn tham gia tổ công nghệ số cộng đồng ở thôn thì phải có kỹ năng gì ạ?
nop ho so cap doi can cuoc tren dich vu cong truc tuyen co dc khong hay phai len cong an
Bà con ở chợ chưa quen thanh toán bằng mã QR, đoàn có đi hướng dẫn không ạ?
Làm sao để đăng ký khai sinh cho con online mà không phải ra xã ạ
Tài khoản định danh mức 2 kích hoạt ở đâu, e làm mãi báo lỗi
Có lớp dạy người lớn tuổi dùng điện thoại thông minh gọi video cho con cháu không ạ
ứng dụng thanh niên vn có tính năng cộng điểm tình nguyện ko mn
Chữ ký số cá nhân dùng để làm gì, đăng ký ở đâu và có mất phí không?
Đoàn có dạy kỹ năng bảo mật tài khoản mạng xã hội cho học sinh không ạ
e muốn học dùng AI để làm video quảng cáo bán hàng thì có khóa nào ko
Thôn em sóng 4G rất yếu, không học online được, có kế hoạch lắp trạm phát sóng không?
thanh toán tiền học phí cho con qua app ngân hàng có an toàn không ạ
Cổng dịch vụ công tra cứu hồ sơ đang giải quyết đến đâu thì xem chỗ nào
Sổ sức khỏe điện tử trên VNeID cập nhật thông tin thế nào vậy ạ
Chuyển đổi số ở xã nông thôn thì thanh niên có vai trò gì ạ
Mở tài khoản ngân hàng bằng eKYC trên điện thoại cho người chưa có thẻ ATM hướng dẫn giúp e
Em muốn đưa sản phẩm của hợp tác xã lên sàn thương mại điện tử postmart thì đoàn có hỗ trợ đăng ký ko
Kiến nghị xã làm wifi miễn phí ở nhà văn hóa để bà con tra cứu dịch vụ công
ko biết dùng máy tính thì có học được kỹ năng số cơ bản ở đâu ko ạ
"""
Q["khac"] = """
bot ơi hôm nay là thứ mấy vậy
Cho em hỏi anh chị lãnh đạo có thấy thanh niên bây giờ lười hơn ngày xưa không ạ
em buồn quá, người yêu bỏ rồi, ko biết tâm sự với ai
alo alo có ai ko
Giá vàng hôm nay bao nhiêu một chỉ vậy ad
Em rất cảm ơn chương trình đối thoại, mong năm sau tổ chức thêm nhiều lần nữa ạ
sao hỏi mãi ko ai trả lời vậy, bot có hoạt động ko
Anh chị có thể giới thiệu cho em một bộ phim hay để xem cuối tuần không?
Tối nay đội tuyển Việt Nam đá với Thái Lan mấy giờ vậy
e muốn xóa câu hỏi đã gửi lúc nãy vì gõ sai thì làm sao
Em nên chọn màu áo nào đi đám cưới bạn thân ạ
Bí thư tỉnh đoàn năm nay bao nhiêu tuổi, quê ở đâu ạ
hihi chào ad, chúc ad buổi tối vui vẻ
Làm sao để bớt nóng tính với em trai ở nhà vậy ạ
Đối thoại hôm nay có được phát trực tiếp trên Facebook không ạ
cho e hỏi nấu canh chua cá lóc ntn cho ngon
Câu trả lời vừa rồi chưa đúng ý em hỏi, nhờ anh chị xem lại giúp
Tết năm nay được nghỉ mấy ngày vậy mn
Con mèo nhà em bỏ ăn 2 hôm rồi, có phải bị bệnh không ạ
Em muốn đề nghị lần sau cho hỏi bằng giọng nói thay vì gõ chữ
test thử thôi nha
Các anh chị lãnh đạo có lời khuyên nào cho người trẻ đang mất phương hướng không ạ
"""
PAIRS = [
 # (a, b, duplicate)
 ("Đoàn phí học sinh một tháng đóng bao nhiêu?", "hs đóng đoàn phí mỗi tháng hết bn tiền v ạ", True),
 ("Đoàn phí học sinh một tháng đóng bao nhiêu?", "Đoàn phí đóng theo tháng hay theo quý ạ?", False),
 ("Muốn vào Đoàn thì cần điều kiện gì?", "e muốn kết nạp đoàn thì phải đáp ứng những tiêu chuẩn j ạ", True),
 ("Muốn vào Đoàn thì cần điều kiện gì?", "Lễ kết nạp đoàn viên mới thường tổ chức vào dịp nào?", False),
 ("Chuyển sinh hoạt đoàn khi đổi chỗ làm thì làm thế nào?", "e chuyển công ty khác rồi thì rút sổ đoàn chuyển về chỗ mới ra sao ạ", True),
 ("Chuyển sinh hoạt đoàn khi đổi chỗ làm thì làm thế nào?", "Chuyển sinh hoạt đoàn mất bao lâu thì xong?", False),
 ("Lớp nhận thức về Đảng đăng ký ở đâu?", "muốn học lớp cảm tình đảng thì đăng kí chỗ nào ạ", True),
 ("Lớp nhận thức về Đảng đăng ký ở đâu?", "Học lớp nhận thức về Đảng xong có được cấp giấy chứng nhận không?", False),
 ("Thẻ BHYT hộ gia đình một năm đóng bao nhiêu tiền?", "bao hiem y te theo ho gia dinh 1 nam het bao nhieu tien a", True),
 ("Thẻ BHYT hộ gia đình một năm đóng bao nhiêu tiền?", "Thẻ BHYT hộ gia đình mua ở đâu?", False),
 ("Đi khám trái tuyến có được bảo hiểm y tế chi trả không?", "khám không đúng tuyến thì bhyt có trả tiền ko ạ", True),
 ("Đi khám trái tuyến có được bảo hiểm y tế chi trả không?", "Khám trái tuyến thì cần mang giấy tờ gì?", False),
 ("Rút bảo hiểm xã hội một lần làm hồ sơ ở đâu?", "muốn lãnh bhxh 1 lần thì nộp giấy tờ chỗ nào vậy mn", True),
 ("Rút bảo hiểm xã hội một lần làm hồ sơ ở đâu?", "Rút bảo hiểm xã hội một lần được bao nhiêu tiền?", False),
 ("Thanh niên vay vốn khởi nghiệp ở Ngân hàng Chính sách lãi suất bao nhiêu?", "lai vay von nhcs cho tn lap nghiep la bao nhieu phan tram", True),
 ("Thanh niên vay vốn khởi nghiệp ở Ngân hàng Chính sách lãi suất bao nhiêu?", "Vay vốn khởi nghiệp ở Ngân hàng Chính sách có phải thế chấp không?", False),
 ("Vay vốn giải quyết việc làm được vay tối đa bao nhiêu?", "mức vay cao nhất của gói vay giải quyết việc làm là bn ạ", True),
 ("Vay vốn giải quyết việc làm được vay tối đa bao nhiêu?", "Vay vốn giải quyết việc làm thì trả nợ trong mấy năm?", False),
 ("Thành lập hợp tác xã cần ít nhất mấy thành viên?", "muốn lập htx thì tối thiểu phải có bao nhiêu người ạ", True),
 ("Thành lập hợp tác xã cần ít nhất mấy thành viên?", "Thành lập hợp tác xã thì nộp hồ sơ ở đâu?", False),
 ("Sàn giao dịch việc làm tháng này tổ chức khi nào?", "bao giờ có phiên giao dịch việc làm tháng này vậy ad", True),
 ("Sàn giao dịch việc làm tháng này tổ chức khi nào?", "Sàn giao dịch việc làm tháng này tổ chức ở đâu?", False),
 ("Đi xuất khẩu lao động Hàn Quốc hết bao nhiêu tiền?", "đi xkld hàn chi phí khoảng bn vậy mn", True),
 ("Đi xuất khẩu lao động Hàn Quốc hết bao nhiêu tiền?", "Đi xuất khẩu lao động Hàn Quốc cần bao nhiêu tuổi?", False),
 ("Công ty nợ lương thì khiếu nại ở đâu?", "cty ko trả lương cho e 2 tháng r, e đi báo chỗ nào ạ", True),
 ("Công ty nợ lương thì khiếu nại ở đâu?", "Công ty nợ lương thì có bị phạt không?", False),
 ("Thời gian thử việc tối đa là bao lâu?", "thử việc lâu nhất được mấy tháng vậy ạ", True),
 ("Thời gian thử việc tối đa là bao lâu?", "Lương thử việc được bao nhiêu phần trăm?", False),
 ("Hiến máu cần điều kiện gì?", "muốn đi hiến máu thì cần đáp ứng những yêu cầu nào về sức khỏe ạ", True),
 ("Hiến máu cần điều kiện gì?", "Đợt hiến máu tiếp theo ở xã là khi nào?", False),
 ("Đăng ký Mùa hè xanh ở đâu?", "e muốn tham gia chiến dịch mhx thì đk chỗ nào ạ", True),
 ("Đăng ký Mùa hè xanh ở đâu?", "Đi Mùa hè xanh có được hỗ trợ tiền ăn không?", False),
 ("Câu lạc bộ bóng đá thanh niên sinh hoạt vào thứ mấy?", "clb da banh cua doan sinh hoat ngay nao trong tuan vay", True),
 ("Câu lạc bộ bóng đá thanh niên sinh hoạt vào thứ mấy?", "Vào câu lạc bộ bóng đá thanh niên có mất phí không?", False),
 ("Học bổng cho sinh viên nghèo nộp hồ sơ đến khi nào?", "hạn chót nộp hồ sơ học bổng sv nghèo là ngày nào ạ", True),
 ("Học bổng cho sinh viên nghèo nộp hồ sơ đến khi nào?", "Học bổng cho sinh viên nghèo được bao nhiêu tiền?", False),
 ("Hộ nghèo có được miễn học phí không?", "nha e ho ngheo thi di hoc co phai dong hoc phi ko a", True),
 ("Hộ nghèo có được miễn học phí không?", "Hộ nghèo muốn miễn học phí thì làm đơn nộp ở đâu?", False),
 ("Thi công chức có được cộng điểm ưu tiên cho con thương binh không?", "con thương binh đi thi công chức có được cộng điểm ko ạ", True),
 ("Thi công chức có được cộng điểm ưu tiên cho con thương binh không?", "Thi công chức năm nay thi những môn gì?", False),
 ("Tập sự công chức kéo dài bao lâu?", "thoi gian tap su cua cong chuc moi la may thang", True),
 ("Tập sự công chức kéo dài bao lâu?", "Trong thời gian tập sự công chức được hưởng bao nhiêu phần trăm lương?", False),
 ("Chạy xe máy không đội mũ bảo hiểm bị phạt bao nhiêu?", "ko đội nón bảo hiểm khi đi xe máy thì bị phạt bn tiền ạ", True),
 ("Chạy xe máy không đội mũ bảo hiểm bị phạt bao nhiêu?", "Mũ bảo hiểm loại nào thì đạt chuẩn?", False),
 ("Bị lừa đảo chuyển tiền qua mạng thì báo ở đâu?", "e bị lừa mất tiền trên mạng, giờ trình báo cơ quan nào ạ", True),
 ("Bị lừa đảo chuyển tiền qua mạng thì báo ở đâu?", "Làm sao để nhận biết tin nhắn lừa đảo chuyển tiền?", False),
 ("Làm lại căn cước công dân bị mất ở đâu?", "mất cccd rồi thì xin cấp lại chỗ nào v ạ", True),
 ("Làm lại căn cước công dân bị mất ở đâu?", "Làm lại căn cước công dân bị mất mất bao nhiêu tiền?", False),
 ("Rác ở đầu thôn bao giờ mới được thu gom?", "đống rác đầu xóm khi nào mới có người đến dọn vậy ạ", True),
 ("Rác ở đầu thôn bao giờ mới được thu gom?", "Tiền thu gom rác mỗi tháng đóng bao nhiêu?", False),
 ("Đèn đường trong thôn bị hỏng thì báo ai sửa?", "den chieu sang duong thon hu roi thi phan anh voi ai de sua a", True),
 ("Đèn đường trong thôn bị hỏng thì báo ai sửa?", "Bao giờ thôn em mới được lắp đèn đường?", False),
 ("Cài ứng dụng Thanh niên Việt Nam như thế nào?", "tải app thanh niên vn về điện thoại kiểu gì vậy ad", True),
 ("Cài ứng dụng Thanh niên Việt Nam như thế nào?", "Ứng dụng Thanh niên Việt Nam có mất phí không?", False),
 ("Quên mật khẩu VNeID thì lấy lại thế nào?", "e quên pass vneid rồi, làm sao để khôi phục ạ", True),
 ("Quên mật khẩu VNeID thì lấy lại thế nào?", "VNeID mức 2 kích hoạt ở đâu?", False),
 ("Nộp hồ sơ trên dịch vụ công trực tuyến có mất phí không?", "làm thủ tục online trên cổng dvc có tốn tiền ko ạ", True),
 ("Nộp hồ sơ trên dịch vụ công trực tuyến có mất phí không?", "Nộp hồ sơ trên dịch vụ công trực tuyến thì bao lâu có kết quả?", False),
 ("Nhà văn hóa thôn có cho thanh niên mượn để tập văn nghệ không?", "tụi e muốn mượn nhà văn hóa thôn tập văn nghệ có đc ko ạ", True),
 ("Nhà văn hóa thôn có cho thanh niên mượn để tập văn nghệ không?", "Nhà văn hóa thôn bao giờ được sửa lại?", False),
 ("Người cao tuổi bao nhiêu tuổi thì được nhận trợ cấp?", "ông bà e mấy tuổi thì mới được hưởng tiền trợ cấp người già ạ", True),
 ("Người cao tuổi bao nhiêu tuổi thì được nhận trợ cấp?", "Trợ cấp người cao tuổi mỗi tháng được bao nhiêu tiền?", False),
 ("Xây nhà trên đất nông nghiệp có bị phạt không?", "làm nhà trên đất ruộng thì có vi phạm ko ạ", True),
 ("Xây nhà trên đất nông nghiệp có bị phạt không?", "Chuyển đất nông nghiệp sang đất ở thì làm thủ tục ở đâu?", False),
 ("Chương trình tiếp sức mùa thi tuyển tình nguyện viên khi nào?", "bao giờ tiếp sức mùa thi mở đơn đăng ký tình nguyện viên ạ", True),
 ("Chương trình tiếp sức mùa thi tuyển tình nguyện viên khi nào?", "Làm tình nguyện viên tiếp sức mùa thi có được cấp giấy chứng nhận không?", False),
 ("Đoàn viên quá 30 tuổi thì có còn sinh hoạt đoàn không?", "e 31t rồi thì còn phải đi sinh hoạt chi đoàn nữa ko ạ", True),
 ("Đoàn viên quá 30 tuổi thì có còn sinh hoạt đoàn không?", "Đoàn viên quá 30 tuổi có được bầu vào ban chấp hành không?", False),
 ("Trẻ em dưới 6 tuổi có được cấp thẻ BHYT miễn phí không?", "con e mới 4 tuổi thì có phải mua bảo hiểm y tế ko hay nhà nước cấp cho ạ", True),
 ("Trẻ em dưới 6 tuổi có được cấp thẻ BHYT miễn phí không?", "Thẻ BHYT của trẻ dưới 6 tuổi làm ở đâu?", False),
]
with open(ROOT + 'test/quality/topics.holdout2.jsonl', 'w') as f:
    for topic, txt in Q.items():
        for s in [l.strip() for l in txt.strip().split('\n') if l.strip()]:
            f.write(json.dumps({'text': s, 'topic': topic}, ensure_ascii=False) + '\n')
with open(ROOT + 'test/quality/duplicates.holdout2.jsonl', 'w') as f:
    for a, b, d in PAIRS:
        f.write(json.dumps({'a': a, 'b': b, 'duplicate': d}, ensure_ascii=False) + '\n')
if __name__ == '__main__':
    for t, txt in Q.items(): print(t, len([l for l in txt.strip().split('\n') if l.strip()]))
    print('pairs', len(PAIRS), sum(d for _, _, d in PAIRS))
