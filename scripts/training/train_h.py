# More hand-written questions (batch h): sub-themes of every topic in reference/topics.md that
# the earlier batches covered thinly, short and long forms, and the borders between topics
# (digital skills vs cyber fraud, vocational training vs schooling, workers' insurance vs welfare).
T = {}
T["viec_lam"] = """
Lương tháng 13 có bắt buộc công ty phải trả không ạ?
Tìm việc làm ở đâu uy tín cho người mới ra trường?
em ko có bằng cấp gì thì xin được việc gì ạ
Em làm công nhân ca đêm, phụ cấp ca đêm được tính thế nào?
Công ty bắt làm chủ nhật mà không cho nghỉ bù có sai không?
Xin nghỉ việc phải báo trước bao nhiêu ngày?
Đi Nhật diện kỹ năng đặc định thì khác gì thực tập sinh?
Trung tâm dịch vụ việc làm có giới thiệu việc miễn phí không?
Em muốn học nghề điện lạnh sửa điều hòa, học bao lâu thì đi làm được?
Học nghề xong có được trung tâm giới thiệu việc làm luôn không?
Em mới nghỉ việc, làm hồ sơ hưởng trợ cấp thất nghiệp trong bao lâu?
Nhân viên bán hàng online bị chủ trừ lương vô lý thì đòi thế nào?
Tư vấn nghề nghiệp cho học sinh sắp thi vào lớp 10 nên chọn trường nghề hay cấp 3?
Đoàn có tổ chức phiên tư vấn chọn ngành chọn nghề cho thanh niên không?
Có việc làm thêm nào phù hợp cho sinh viên năm nhất không ạ?
Thực tập sinh bỏ trốn ở Nhật sẽ bị xử lý thế nào?
Lao động đi Hàn Quốc về nước đúng hạn có được hỗ trợ gì không?
Chi phí đi làm việc ở Đức ngành nhà hàng khách sạn là bao nhiêu?
Công ty môi giới xuất khẩu lao động có giấy phép thì tra ở đâu?
Doanh nghiệp trong khu công nghiệp đang cần tuyển bao nhiêu lao động?
Lương công nhân ở khu công nghiệp trong tỉnh có đủ sống không?
Em làm thời vụ 2 tháng có được ký hợp đồng không?
Hợp đồng lao động phải có những nội dung gì?
Người lao động bị sa thải trái luật thì được bồi thường ra sao?
cty e bắt đóng tiền đồng phục và giữ bằng gốc, có đúng ko
lam cong nhan may 1 thang duoc bao nhieu tien
Lương tối thiểu vùng tăng thì lương của em có tăng theo không?
Em nghỉ thai sản xong quay lại công ty không nhận em làm nữa
Học nghề trình độ sơ cấp được cấp chứng chỉ gì?
Có lớp học lái xe tải miễn phí để đi làm tài xế không?
Thanh niên khuyết tật muốn học nghề sửa điện thoại thì đăng ký ở đâu?
Đi làm ở nước ngoài có được đóng bảo hiểm xã hội không?
Em muốn làm tiếp viên hàng không thì cần học gì?
Làm nghề lập trình viên có cần bằng đại học không?
Có nên nghỉ học đại học để đi làm kiếm tiền không ạ?
Ngày hội tư vấn tuyển sinh và hướng nghiệp tổ chức ở trường nào?
Em là lao động nông thôn muốn chuyển sang làm dịch vụ thì học nghề gì?
Tuyển lao động đi làm việc tại Nhật ngành xây dựng có yêu cầu tay nghề không?
Tiền lương làm thêm giờ vào ban đêm tính thế nào?
Công ty không đóng bảo hiểm cho em dù đã trừ vào lương thì làm sao?
Em làm giúp việc gia đình có được ký hợp đồng lao động không?
Chủ cơ sở bắt em làm việc nặng khi đang mang thai có vi phạm không?
việc làm cho sinh viên mới tốt nghiệp ngành nông nghiệp
tuyen tho may tai nha khong
e muốn xin vào làm bảo vệ ở khu công nghiệp
Sàn giao dịch việc làm lưu động có về xã em không?
"""
T["khoi_nghiep"] = """
Vay vốn hộ nghèo để chăn nuôi bò được bao nhiêu tiền?
Em muốn khởi nghiệp bán đồ ăn vặt online thì bắt đầu từ đâu?
Tổ tiết kiệm và vay vốn họp mấy lần một năm?
Vay vốn Quỹ quốc gia về việc làm thì làm hồ sơ ở đâu?
Mô hình nuôi ếch trong bể bạt có lãi không ạ?
Trồng sâm Ngọc Linh có được hỗ trợ giống không?
Sản phẩm OCOP của xã em được bán ở đâu?
Làm thế nào để đưa đặc sản của quê lên chuẩn OCOP?
Hợp tác xã nông nghiệp thu mua nông sản cho thanh niên giá thế nào?
Thanh niên muốn làm kinh tế trang trại thì được hỗ trợ gì?
Thủ tục đăng ký thành lập doanh nghiệp nhỏ có phức tạp không?
Đoàn có tổ chức lớp tập huấn viết phương án kinh doanh không?
Có chương trình cho vay không lãi cho thanh niên khởi nghiệp không?
Em trồng dưa lưới nhà màng mà không có đầu ra thì bán ở đâu?
Giá lúa thấp quá, nông dân trẻ như em có nên chuyển sang trồng cây khác?
Chợ phiên nông sản của thanh niên tổ chức mấy lần một tháng?
Hàng nông sản của bà con bị ế, đoàn có livestream bán giúp không?
Mô hình thanh niên nuôi ong lấy mật cần vốn bao nhiêu?
Em muốn mở xưởng sản xuất nhang sạch thì cần giấy phép gì?
Hộ kinh doanh có phải đóng thuế không?
Cuộc thi Startup Việt Nam dành cho thanh niên đăng ký ở đâu?
Quỹ hỗ trợ khởi nghiệp của tỉnh cho vay tối đa bao nhiêu?
khởi nghiệp thất bại mất hết vốn, giờ có được vay lại ko ạ
vay von lam an thi can dieu kien gi
Muốn vay 50 triệu để mua máy cày thì làm sao?
Nuôi cá lồng trên sông có được vay vốn ưu đãi không?
Hợp tác xã có được hỗ trợ xây kho lạnh bảo quản nông sản không?
Thanh niên dân tộc thiểu số vay vốn phát triển sản xuất lãi suất bao nhiêu?
Đoàn có kết nối thanh niên khởi nghiệp với doanh nghiệp lớn không?
Em làm gốm thủ công, muốn xây dựng thương hiệu riêng thì làm sao?
Câu lạc bộ thanh niên làm kinh tế giỏi của huyện sinh hoạt ra sao?
Trồng rau thủy canh quy mô gia đình có hiệu quả kinh tế không?
Thương lái ép giá thanh long thì nông dân làm gì?
Có hỗ trợ chứng nhận VietGAP cho thanh niên trồng rau không?
Em muốn làm du lịch sinh thái vườn trái cây thì cần vốn bao nhiêu?
Gói tín dụng cho thanh niên lập nghiệp tối đa được vay bao nhiêu?
Trả nợ vay ngân hàng chính sách chậm thì có bị phạt không?
Kinh tế tập thể là gì, thanh niên tham gia được lợi gì?
Em muốn đăng ký nhãn hiệu cho sản phẩm nước mắm của gia đình
Liên kết chuỗi giá trị gạo sạch cho thanh niên nông thôn
Xuất khẩu nông sản sang Trung Quốc cần mã vùng trồng không?
mô hình trồng nấm rơm cho tn
e muốn bán cà phê rang xay mang thương hiệu của quê mình
Có nên vay tiền mở tiệm tạp hóa ở quê không ạ?
Vay vốn mua giống cây ăn quả trả góp được không?
"""
T["hoc_tap"] = """
Học bổng Nguyễn Thái Bình dành cho ai?
Em muốn thi chứng chỉ IELTS thì học ở đâu tốt?
Điểm chuẩn đại học năm nay có tăng không ạ?
Xét tuyển đại học bằng học bạ cần điểm trung bình bao nhiêu?
Em bị mất gốc tiếng Anh, có lớp nào miễn phí không?
Thi đánh giá năng lực có được dùng xét tuyển nhiều trường không?
Sinh viên nghèo được vay vốn học tập bao nhiêu một tháng?
Học sinh vùng cao có được hỗ trợ tiền ăn và gạo không?
Trường học ở xã em thiếu bàn ghế, phòng học xuống cấp
Em muốn học thêm tin học văn phòng để thi công chức
Có khóa học kỹ năng mềm cho sinh viên không ạ?
Tiêu chuẩn Học sinh 3 tốt gồm những gì?
Em không đỗ đại học thì có nên ôn thi lại năm sau không?
Học trực tuyến ở nhà mà không có máy tính thì làm sao?
Em muốn chuyển trường đại học sang tỉnh khác có được không?
Đi du học Hàn Quốc tự túc cần chuẩn bị bao nhiêu tiền?
Học sinh giỏi được thưởng bao nhiêu tiền?
Sinh viên có được miễn giảm tiền ký túc xá không?
Trường có phòng thí nghiệm nhưng học sinh không được thực hành
Có lớp bồi dưỡng học sinh yếu kém miễn phí vào hè không?
Em học lớp 12, muốn biết ngành nào đang có học bổng toàn phần
Chứng chỉ ngoại ngữ quốc tế có được quy đổi điểm thi tốt nghiệp không?
Học sinh bỏ học giữa chừng có được quay lại trường không?
Học phí đại học công lập năm nay tăng bao nhiêu?
Có lớp học xóa mù chữ cho thanh niên dân tộc không?
Em muốn học liên thông từ cao đẳng lên đại học
học bổng khuyến học của xã xét theo tiêu chí gì
e thi trượt tốt nghiệp r giờ làm sao
có lớp học tiếng nhật buổi tối không ạ
Sinh viên năm cuối cần làm gì để đạt danh hiệu sinh viên 5 tốt?
Trường em quá đông, một lớp hơn 50 học sinh
Thi học sinh giỏi cấp tỉnh đăng ký ở đâu?
Sách giáo khoa mới đắt quá, học sinh nghèo có được hỗ trợ không?
Học sinh đi học xa có được ở nội trú không?
Em muốn tự học lập trình web từ con số 0
Có cuộc thi tiếng Anh nào cho học sinh cấp 2 không?
Nghiên cứu khoa học sinh viên có được hỗ trợ kinh phí không?
Em bị áp lực thi cử quá, học mãi không vào đầu
Học văn bằng hai ngành luật mất bao lâu?
Học đại học từ xa có được công nhận không?
Tuyển sinh lớp 10 năm nay thi mấy môn?
Đoàn trường có tổ chức câu lạc bộ học thuật không?
Có chương trình trao đổi sinh viên quốc tế cho trường tỉnh không?
sinh viên có được giảm giá vé xe buýt không
"""
T["can_bo_tre"] = """
Thi tuyển viên chức ngành giáo dục năm nay có chỉ tiêu không?
Cán bộ trẻ được bổ nhiệm lần đầu cần tối thiểu mấy năm công tác?
Chính sách thu hút bác sĩ trẻ về huyện có còn không?
Công chức cấp xã có được thi nâng ngạch không?
Quy hoạch cán bộ nguồn có ưu tiên cán bộ trẻ không?
Em tốt nghiệp thủ khoa, tỉnh có chính sách tuyển thẳng không?
Cán bộ trẻ luân chuyển về cơ sở bao lâu thì được rút về?
Làm công chức hợp đồng có được thi tuyển vào biên chế không?
Học cao cấp lý luận chính trị cần điều kiện tuổi không?
Tiêu chuẩn chức danh bí thư đoàn xã sau sắp xếp là gì?
Lương công chức mới vào ngành là bao nhiêu?
Cán bộ không chuyên trách ở thôn có được đóng bảo hiểm không?
Sau khi sáp nhập xã, cán bộ trẻ có bị tinh giản không?
Thi tuyển công chức có phải thi tin học và ngoại ngữ không?
Đề án tuyển chọn trí thức trẻ về làm việc tại xã còn thực hiện không?
Người có bằng tiến sĩ về tỉnh làm việc được hỗ trợ bao nhiêu?
Cán bộ đoàn chuyên trách có được hưởng phụ cấp công vụ không?
Cán bộ trẻ có được cử đi học nước ngoài bằng ngân sách nhà nước?
Em muốn làm cán bộ văn hóa xã thì thi tuyển ở đâu?
Xét tuyển đặc cách viên chức áp dụng cho ai?
Vì sao nhiều cán bộ trẻ giỏi xin nghỉ việc nhà nước ra làm tư?
Đánh giá cán bộ hằng năm có công bằng với người trẻ không?
Cán bộ nữ trẻ có được ưu tiên trong quy hoạch không?
Có cơ chế bảo vệ cán bộ trẻ dám nghĩ dám làm không?
Muốn làm công an xã chính quy thì tuyển dụng thế nào?
Chuyển từ viên chức sang công chức cần thủ tục gì?
Thời gian công tác ở vùng khó khăn có được tính thâm niên không?
Em học thạc sĩ tự túc thì có được cơ quan hỗ trợ học phí?
Bồi dưỡng kiến thức quản lý nhà nước cho cán bộ trẻ mở khi nào?
Cán bộ trẻ được giao nhiệm vụ trái chuyên môn thì làm sao?
cb trẻ lương thấp quá, có chính sách tăng lương không
thi công chức năm nay có tuyển ngành công nghệ thông tin không
tuyển dụng viên chức y tế huyện khi nào
Cán bộ đoàn bao nhiêu tuổi thì được giới thiệu vào cấp ủy?
Sinh viên giỏi muốn về quê làm việc cho xã thì liên hệ ai?
Có kỳ tuyển dụng công chức tập trung của tỉnh trong năm nay không?
Bằng đại học hệ vừa làm vừa học có được thi công chức không?
Cán bộ trẻ nên làm gì để được cấp trên tin tưởng giao việc?
Điều kiện bổ nhiệm phó trưởng phòng cấp tỉnh dưới 35 tuổi
Chính sách giữ chân giáo viên trẻ ở vùng cao
Cán bộ cấp xã được tuyển dụng từ nguồn nào sau sáp nhập?
Cán bộ trẻ bị điều động sang đơn vị khác mà không được hỏi ý kiến
Kinh nghiệm thi phỏng vấn viên chức cho người mới ra trường
Em đỗ công chức rồi phải tập sự mấy tháng
"""
T["dang_doan"] = """
Đoàn viên có bắt buộc tham gia sinh hoạt chi đoàn hằng tháng không?
Em 15 tuổi đã được vào đoàn chưa ạ?
Làm thế nào để trở thành đoàn viên ưu tú?
Thẻ đoàn viên điện tử có thay được sổ đoàn không?
Đoàn viên đi làm ăn xa thì đóng đoàn phí thế nào?
Cách tính đoàn phí cho đoàn viên có lương?
Lớp bồi dưỡng nhận thức về Đảng học mấy ngày?
Cần bao nhiêu đảng viên giới thiệu khi xin vào Đảng?
Viết lý lịch người xin vào Đảng có khó không?
Chi đoàn yếu kém sẽ bị xử lý thế nào?
Tiêu chí xếp loại chi đoàn vững mạnh
Đại hội chi đoàn mấy năm một lần?
Ban chấp hành chi đoàn có bao nhiêu người?
Em chuyển ra thành phố làm việc thì giữ sổ đoàn ở đâu?
Nhập dữ liệu đoàn viên lên phần mềm quản lý đoàn viên thế nào?
Quên mật khẩu phần mềm quản lý đoàn viên thì hỏi ai?
Đoàn viên vi phạm pháp luật có bị kỷ luật đoàn không?
Sinh hoạt chi đoàn tháng này có chủ đề gì?
Tài liệu sinh hoạt chi đoàn tháng 3 lấy ở đâu?
Kết nạp đoàn viên mới cần những giấy tờ gì?
Mẫu đơn xin vào đoàn lấy ở đâu?
Lễ trưởng thành đoàn tổ chức như thế nào?
Đoàn viên không đóng đoàn phí 3 tháng có bị xóa tên không?
Học xong lớp đối tượng Đảng bao lâu thì được kết nạp?
Đảng viên dự bị có quyền biểu quyết không?
Quy trình giới thiệu đoàn viên ưu tú cho Đảng xem xét
Chi đoàn ghép giữa thôn và trường học sinh hoạt thế nào?
Bí thư chi đoàn có được hưởng phụ cấp không?
Điểm rèn luyện đoàn viên có ảnh hưởng xét kết nạp Đảng?
Đoàn viên có được tự ý xin ra khỏi đoàn không?
Huy hiệu đoàn đeo thế nào cho đúng?
Tiêu chuẩn khen thưởng đoàn viên xuất sắc
mình muốn vào đảng thì phải học lớp gì trước
e là bí thư chi đoàn mới, chưa biết tổ chức sinh hoạt ra sao
đoàn phí nộp cho ai vậy
sổ đoàn cần xác nhận của ai khi chuyển đi
Hồ sơ kết nạp Đảng bị trả lại vì lý lịch người thân thì sao?
Thanh niên theo tôn giáo có được vào Đảng không?
Có được kết nạp Đảng khi đang học cao học không?
Chương trình rèn luyện đoàn viên gồm những nội dung gì?
Đoàn viên ở nước ngoài sinh hoạt đoàn thế nào?
Chi đoàn có được thu quỹ riêng ngoài đoàn phí không?
Mã số đoàn viên tra cứu ở đâu?
Tháng thanh niên có chỉ tiêu kết nạp bao nhiêu đoàn viên?
"""
T["an_sinh"] = """
Bảo hiểm y tế tự nguyện mua ở đâu?
Thẻ BHYT hết hạn thì gia hạn thế nào?
Người nghèo được hỗ trợ bao nhiêu phần trăm tiền mua BHYT?
Đóng bảo hiểm xã hội tự nguyện bao nhiêu năm thì được lương hưu?
Chế độ ốm đau khi nghỉ làm để chăm con ốm được bao nhiêu?
Khám bệnh bằng căn cước công dân thay thẻ bảo hiểm được không?
Chuyển tuyến bệnh viện thì cần giấy tờ gì?
Bảo hiểm y tế có chi trả khi sinh con không?
Người cao tuổi sống một mình không ai chăm sóc thì được hỗ trợ gì?
Trẻ mồ côi được nhận trợ cấp xã hội hằng tháng không?
Nhà dột nát của hộ nghèo có được hỗ trợ xây nhà đại đoàn kết không?
Xét hộ nghèo năm nay theo tiêu chí thu nhập bao nhiêu?
Nhà ở xã hội cho người trẻ mua trả góp điều kiện gì?
Hỗ trợ tiền thuê nhà cho công nhân còn không?
Bệnh nhân ung thư nghèo được hỗ trợ chi phí điều trị không?
Trạm y tế xã có khám phụ khoa không?
Khám sức khỏe định kỳ cho người dân có miễn phí không?
Người bị tâm thần lang thang ở xã thì ai chăm sóc?
Gia đình bị cháy nhà có được hỗ trợ khẩn cấp không?
Bảo hiểm xã hội một lần được tính thế nào?
Đóng BHYT cho cả nhà được giảm bao nhiêu?
Chính sách hỗ trợ người nhiễm HIV có không?
Thuốc điều trị bệnh hiếm có trong danh mục bảo hiểm không?
Bệnh viện huyện quá tải, người bệnh phải nằm ghép
Có chương trình phẫu thuật mắt miễn phí cho người nghèo không?
Tiêm phòng dại có được bảo hiểm chi trả không?
Người khuyết tật nhẹ có được cấp thẻ bảo hiểm miễn phí không?
Thai phụ khám thai ở trạm y tế xã có được bảo hiểm không?
Chế độ tử tuất khi người đóng bảo hiểm qua đời
Mẹ đơn thân nuôi con nhỏ có được trợ cấp không?
Nạn nhân chất độc da cam được hưởng chế độ gì?
Trợ giúp xã hội cho người bị ảnh hưởng bão lũ
bhyt đi khám răng có được hưởng không
thẻ bhyt bị sai ngày sinh sửa ở đâu
e bị gãy chân do chơi thể thao, bảo hiểm có chi trả ko
nhà e khó khăn quá, bố bệnh nằm một chỗ, có được giúp gì ko
Suất ăn miễn phí cho bệnh nhân nghèo ở bệnh viện tỉnh
Xe cấp cứu đến xã vùng sâu rất chậm, bà con lo lắng
Dịch sốt xuất huyết đang tăng, xã có phun thuốc diệt muỗi không?
Chế độ hưu trí cho người đóng bảo hiểm chưa đủ 20 năm
Người làm nghề tự do có được hỗ trợ đóng bảo hiểm xã hội không?
Tư vấn sức khỏe sinh sản cho thanh niên ở đâu?
Cai nghiện thuốc lá có được hỗ trợ không?
Phòng khám bác sĩ gia đình có nhận thẻ bảo hiểm không?
"""
T["phap_luat"] = """
Đi xe máy chở ba người bị phạt bao nhiêu?
Không có bằng lái xe máy bị phạt thế nào?
Chưa đủ 18 tuổi lái xe ô tô bị xử lý thế nào?
Vay tiền qua app bị đòi nợ khủng bố, gọi điện cho người thân thì làm sao?
Bị mạo danh công an gọi điện yêu cầu chuyển tiền, em nên làm gì?
Tố giác tội phạm ma túy có được giữ bí mật danh tính không?
Người nghiện ma túy tự nguyện cai nghiện thì đăng ký ở đâu?
Đánh bạc online qua mạng có bị bắt không?
Cá độ bóng đá bao nhiêu tiền thì bị truy cứu hình sự?
Bị hàng xóm chửi bới xúc phạm danh dự thì kiện ở đâu?
Tranh chấp đất đai giữa anh em trong nhà thì hòa giải ở đâu?
Cấp sổ đỏ lần đầu cần những giấy tờ gì?
Sang tên sổ đỏ khi bố mẹ cho tặng đất mất bao lâu?
Đăng ký thường trú ở nhà thuê có được không?
Làm giấy xác nhận tình trạng hôn nhân ở đâu?
Công chứng hợp đồng mua bán đất ở đâu?
Bạo lực học đường, bạn bị đánh hội đồng thì báo ai?
Tụ tập đua xe, lạng lách thì bị phạt thế nào?
Trộm cắp tài sản dưới 2 triệu có bị đi tù không?
Vận chuyển pháo nổ dịp Tết bị xử lý thế nào?
Bị xâm hại tình dục thì trình báo ở đâu?
Mua bán người qua biên giới, làm sao phòng tránh?
Tin nhắn trúng thưởng yêu cầu nộp phí nhận quà có phải lừa đảo?
Bị hack facebook rồi kẻ gian nhắn tin vay tiền bạn bè, em báo công an được không?
Tài khoản ngân hàng bị phong tỏa vì nhận tiền lừa đảo thì làm sao?
Thuê người khác đứng tên sim điện thoại có vi phạm không?
Karaoke hát quá 22 giờ gây ồn ào có bị phạt không?
Hút shisha, bóng cười có vi phạm pháp luật không?
Say rượu gây rối trật tự công cộng bị xử lý ra sao?
Mang theo vũ khí thô sơ khi đi chơi đêm có bị phạt?
Đăng ký kết hôn với người nước ngoài cần thủ tục gì?
Xin trích lục khai sinh bản sao ở đâu?
Đổi giấy phép lái xe sang thẻ PET mất bao nhiêu tiền?
Hợp đồng vay tiền viết tay có giá trị pháp lý không?
Tư vấn pháp luật miễn phí cho thanh niên ở đâu?
Người dưới 18 tuổi phạm tội có bị đi tù không?
Buôn bán hàng giả trên mạng bị xử lý thế nào?
Vi phạm bản quyền phim ảnh trên mạng có bị phạt không?
bị giật điện thoại giữa đường thì báo ai
lừa đảo tuyển cộng tác viên trên tiktok báo ở đâu
dùng điện thoại khi lái xe phạt bao nhiêu
vượt đèn vàng có bị phạt không ạ
Làm giả giấy tờ để xin việc bị xử lý thế nào?
Con nghiện trong xóm hay trộm đồ, người dân phải làm sao?
"""
T["moi_truong"] = """
Xây dựng nông thôn mới kiểu mẫu cần bao nhiêu tiêu chí?
Thôn em chưa có nhà vệ sinh hợp vệ sinh, có được hỗ trợ xây không?
Thu gom rác ở thôn bao nhiêu ngày một lần?
Tiền thu gom rác thải sinh hoạt mỗi hộ đóng bao nhiêu?
Xử lý rác thải nhựa ở bãi biển du lịch thế nào?
Nước sinh hoạt có mùi lạ, màu vàng, xã có kiểm tra không?
Xã vùng cao thiếu nước sạch vào mùa khô
Cơ sở giết mổ gia súc gây ô nhiễm giữa khu dân cư
Khói bụi từ nhà máy xi măng làm dân xung quanh ho nhiều
Tiếng ồn từ xưởng cưa gỗ hoạt động cả đêm
Trồng cây xanh dọc đường quê do thanh niên đảm nhận
Công trình thanh niên thắp sáng đường quê làm thế nào?
Cầu tạm qua suối bị hỏng, học sinh đi học nguy hiểm
Đường liên xã bị xe tải cày nát, bao giờ sửa?
Khu đô thị mới thiếu cây xanh và công viên
Vỉa hè bị lấn chiếm bán hàng, người đi bộ phải xuống lòng đường
Chống ngập úng cho khu phố trũng thấp như thế nào?
Biến đổi khí hậu ảnh hưởng thế nào đến nông nghiệp ở quê em?
Thanh niên tham gia ứng phó thiên tai, phòng chống bão lũ thế nào?
Phong trào chống rác thải nhựa trong trường học
Làm phân hữu cơ từ rác thải nhà bếp thế nào?
Thuốc trừ sâu vứt bừa bãi ngoài đồng ruộng
Sông qua làng bị bèo và rác bịt kín
Ô nhiễm khói bụi khi đốt vàng mã, đốt rác
Bảo vệ rừng đầu nguồn, chống chặt phá rừng
Xe chở vật liệu rơi vãi đất cát trên đường
Mô hình con đường bích họa của đoàn thanh niên
Tiêu chí xã nông thôn mới về giao thông nội đồng
Nhà máy xử lý nước thải của khu công nghiệp có hoạt động không?
Bao giờ thôn em mới có điện lưới quốc gia?
Chợ quê mất vệ sinh, rác ngập lối đi
Xây dựng tuyến phố văn minh, sạch đẹp
Khu dân cư có bãi rác tự phát cạnh kênh
Trồng rừng phòng hộ ven biển chống xói lở
Xe thu gom rác đến quá sớm, người dân không kịp mang rác ra
Ao làng bị ô nhiễm, cá chết hàng loạt
Chất thải chăn nuôi heo gây mùi cả xóm
rác thải chất đống sau chợ ai xử lý
duong lang nhieu o ga qua
nước máy chưa về tới thôn e
Ngày Chủ nhật xanh chi đoàn dọn rác ở đâu?
Có mô hình ngân hàng rác cho học sinh không?
Tiết kiệm điện, dùng năng lượng mặt trời ở nông thôn
Hạ tầng thoát nước khu chợ mới xuống cấp
"""
T["tinh_nguyen_van_hoa"] = """
Chiến dịch thanh niên tình nguyện hè năm nay có những hoạt động gì?
Sinh viên tình nguyện mùa hè xanh có được cộng điểm rèn luyện không?
Đi hiến máu có ảnh hưởng sức khỏe không?
Lịch hiến máu tình nguyện ở huyện tháng này
Em muốn tham gia đội thanh niên tình nguyện hỗ trợ người già neo đơn
Xã có tổ chức giải bóng đá thanh niên dịp 26/3 không?
Sân chơi cho thiếu nhi trong thôn xuống cấp, có sửa không?
Em muốn học đàn guitar ở nhà văn hóa có lớp không?
Có câu lạc bộ bóng rổ cho thanh niên không?
Thư viện xã có mở cửa cho thanh niên đọc sách buổi tối không?
Hội diễn văn nghệ chào mừng ngày thành lập Đoàn đăng ký tiết mục thế nào?
Có sân cầu lông miễn phí cho thanh niên không?
Đội văn nghệ thanh niên cần thêm người hát, em đăng ký được không?
Ngày hội thanh niên có hoạt động gì vui?
Tổ chức trò chơi dân gian cho thiếu nhi dịp Tết
Hành trình về nguồn thăm di tích lịch sử cho đoàn viên
Lớp học bơi miễn phí cho trẻ em mùa hè
Phòng chống đuối nước cho học sinh dịp hè
Tình nguyện viên hỗ trợ người dân vùng lũ đăng ký ở đâu?
Hoạt động tình nguyện ở bệnh viện cần kỹ năng gì?
Có đội sơ cấp cứu tình nguyện của thanh niên không?
Giải cờ vua, cờ tướng cho thanh niên tổ chức khi nào?
Bảo tồn hát then, đàn tính của dân tộc Tày
Câu lạc bộ múa lân sư rồng của thanh niên
Xin kinh phí cho đội bóng đá thanh niên thôn
Em muốn tổ chức đêm nhạc gây quỹ từ thiện thì cần xin phép không?
Chương trình Xuân tình nguyện về vùng biên giới
Tình nguyện dạy tiếng Anh cho trẻ em vùng sâu
Có giải chạy marathon cho thanh niên không?
Công viên thiếu khu vui chơi cho thanh thiếu niên
Sinh hoạt hè cho thiếu nhi tại địa phương
Đoàn có tổ chức cắm trại cho thanh niên không?
Có điểm chiếu phim lưu động về xã không?
Phong trào đọc sách trong thanh niên
đi tình nguyện hè có được hỗ trợ tiền xe không
đăng ký làm tnv ở đâu ạ
tối nay có văn nghệ ở sân nhà văn hóa ko
Câu lạc bộ võ thuật cho thanh niên ở đâu?
Thanh niên có thể tham gia hoạt động đền ơn đáp nghĩa thế nào?
Tặng quà Tết cho hộ nghèo do đoàn thanh niên tổ chức
Giao lưu văn hóa thể thao giữa các chi đoàn
Cuộc thi tìm hiểu lịch sử Đoàn dành cho thanh niên
Đi tình nguyện ở nước ngoài có chương trình nào?
Có nhà thiếu nhi ở huyện không?
Tập thể dục buổi sáng ở đâu cho thanh niên?
"""
T["chuyen_doi_so"] = """
Cách cài đặt VNeID trên điện thoại
Làm sao tích hợp thẻ bảo hiểm y tế vào VNeID?
Nộp thuế online cho hộ kinh doanh thế nào?
Đăng ký xe máy qua dịch vụ công trực tuyến được không?
Làm thủ tục cấp lý lịch tư pháp online trên VNeID
Cách thanh toán tiền điện, nước qua ví điện tử
Mở ví điện tử có an toàn không?
Tổ công nghệ số cộng đồng ở xã gồm những ai?
Người già không biết dùng smartphone thì ai hướng dẫn?
Đoàn có lớp dạy kỹ năng số cho thanh niên nông thôn không?
Kỹ năng tìm kiếm thông tin trên internet cho học sinh
Bảo mật thông tin cá nhân khi dùng mạng xã hội thế nào?
Cách tạo mật khẩu mạnh, bật xác thực hai lớp
Ứng dụng Thanh niên Việt Nam dùng để làm gì?
Điểm danh sinh hoạt chi đoàn qua app được không?
Cài đặt chữ ký số trên điện thoại
Học lập trình AI cơ bản cho thanh niên
Dùng ChatGPT để học tiếng Anh có tốt không?
Chợ 4.0 thanh toán không dùng tiền mặt
Hướng dẫn bán hàng trên Shopee, TikTok Shop cho nông dân
Chuyển đổi số trong nông nghiệp, dùng cảm biến tưới cây
Xã có điểm wifi công cộng miễn phí không?
Dịch vụ công mức độ toàn trình là gì?
Tra cứu thông tin bảo hiểm xã hội trên app VssID
Đăng ký tài khoản VssID thế nào?
Kết nối internet cáp quang về thôn vùng sâu
Hồ sơ sức khỏe điện tử cho người dân
Khám bệnh đặt lịch online qua app bệnh viện
Học trực tuyến qua nền tảng số cho học sinh
Thanh niên làm nội dung số, sáng tạo video trên mạng
Bản đồ số các điểm du lịch của tỉnh
Ký hợp đồng điện tử có giá trị không?
Tài khoản VNeID bị khóa do đăng nhập sai nhiều lần
Nhận tiền trợ cấp qua tài khoản ngân hàng thay vì tiền mặt
Sinh trắc học khi chuyển tiền ngân hàng làm thế nào?
Cập nhật sinh trắc học tài khoản ngân hàng ở đâu?
Định danh điện tử cho trẻ em dưới 14 tuổi
cách dùng app thanh niên vn
hướng dẫn e cài vneid với ạ
mã qr thanh toán của quán bị dán đè thì sao
Số hóa hồ sơ, giấy tờ của người dân ở xã
Đoàn viên làm tình nguyện viên hướng dẫn dịch vụ công trực tuyến
Kỹ năng nhận diện tin giả trên mạng xã hội
Sổ tay đảng viên điện tử cài đặt thế nào?
Thương mại điện tử cho hợp tác xã
"""
T["khac"] = """
Bot tên là gì vậy?
Chào buổi sáng ad
Ai đang trả lời tin nhắn vậy ạ?
Em cảm ơn anh chị nhiều ạ
Hỏi vui: con gà có trước hay quả trứng có trước?
Giải giúp em phương trình bậc hai này với
Cuối tuần này đi chơi ở đâu vui nhỉ?
Món phở Hà Nội nấu thế nào?
Em có nên mua điện thoại iPhone hay Samsung?
Bây giờ là mấy giờ rồi?
Nhạc nào đang hot trên mạng vậy?
Em chán học quá, muốn đi chơi game
Làm sao để tán đổ crush?
Em muốn hỏi chuyện riêng với ad được không?
Em không có câu hỏi gì cả
Kết quả bóng đá ngoại hạng Anh tối qua
Hôm qua em gửi câu hỏi mà không thấy đâu
Nhờ ad chuyển lời cảm ơn tới bí thư
Chương trình đối thoại kết thúc lúc mấy giờ?
Làm sao để gửi ảnh kèm câu hỏi?
Có thể hỏi bằng tiếng Anh được không?
Tại sao bot trả lời chậm vậy?
Em muốn làm quen với các bạn trong nhóm
Con chó nhà em bị ốm phải làm sao?
Em bị mất ngủ mấy hôm nay
Đọc truyện gì hay cho em với
Ngày mai có bão không ạ?
Xin số điện thoại của anh bí thư
Thầy giáo cho em nhiều bài tập quá
Vì sao bầu trời màu xanh?
Em ghét môn toán
ok
cảm ơn nhiều nha
hihi
uk
Câu hỏi này không liên quan lắm nhưng em vẫn muốn hỏi
Anh chị lãnh đạo có hay đọc tin nhắn của thanh niên không?
Em muốn góp ý về cách tổ chức buổi đối thoại
Lần sau cho em được phát biểu trực tiếp nhé
Làm sao để trở nên tự tin hơn khi nói trước đám đông?
Em có nên nghỉ chơi với bạn thân không?
Đi Đà Lạt mùa này có lạnh không?
Tiền điện tháng này nhà em tăng gấp đôi, sao vậy?
Bot có biết hát không?
"""
