T = {}
T["viec_lam"] = """
Huyện mình bao giờ tổ chức sàn giao dịch việc làm cho thanh niên ạ?
Em mới tốt nghiệp cấp 3, muốn đi học nghề điện dân dụng thì học ở đâu miễn phí?
Đi xuất khẩu lao động Nhật Bản diện thực tập sinh cần chi phí khoảng bao nhiêu?
Công ty nợ lương em 2 tháng rồi không trả, em phải làm sao ạ?
Làm việc 3 tháng mà công ty không ký hợp đồng lao động thì có đúng luật không?
Lương tối thiểu vùng năm nay ở huyện em là bao nhiêu ạ?
Em muốn tìm việc làm thêm buổi tối cho sinh viên ở gần trường
Đoàn có tổ chức tư vấn hướng nghiệp cho học sinh lớp 12 không ạ?
Có chương trình đi làm việc ở Hàn Quốc theo diện EPS không, thi tiếng Hàn ở đâu?
Bộ đội xuất ngũ về địa phương có được hỗ trợ học nghề không ạ?
Em bị công ty cho nghỉ việc không báo trước, có được bồi thường không?
Thử việc tối đa bao nhiêu ngày và lương thử việc được bao nhiêu phần trăm?
Trung tâm giới thiệu việc làm của tỉnh ở đâu, có mất phí không ạ?
Thanh niên nông thôn muốn vào làm công nhân khu công nghiệp thì nộp hồ sơ ở đâu?
Em muốn học nghề sửa chữa ô tô, có trường nào đào tạo có hỗ trợ học phí không?
Có lớp dạy nghề may công nghiệp miễn phí cho lao động nữ không ạ?
Trợ cấp thất nghiệp được hưởng bao nhiêu tháng và làm hồ sơ ở đâu?
Đi làm ở Đài Loan có bị lừa đảo qua môi giới không, làm sao chọn công ty uy tín?
Công ty trả lương thấp hơn hợp đồng đã ký thì em khiếu nại ở đâu?
Làm thêm giờ quá nhiều mà không được trả tiền tăng ca thì sao ạ?
Người khuyết tật có được ưu tiên tuyển dụng vào doanh nghiệp không?
Ngành nghề nào đang thiếu lao động ở tỉnh mình ạ?
Em học xong trung cấp nấu ăn, có chỗ nào giới thiệu việc cho đầu bếp không?
Ngày hội việc làm năm nay có những doanh nghiệp nào tham gia tuyển dụng?
Phỏng vấn xin việc cần chuẩn bị hồ sơ và kỹ năng gì ạ?
Em đi làm ở nước ngoài về, muốn tìm việc phù hợp với tay nghề thì hỏi ai?
Lao động tự do có được đào tạo nghề ngắn hạn miễn phí không?
Công ty giữ căn cước công dân bản gốc của công nhân có đúng không ạ?
Em muốn làm thợ hàn, học bao lâu thì có chứng chỉ và dễ xin việc không?
Đi lao động ở Đức ngành điều dưỡng cần bằng tiếng Đức B1 hay B2 ạ?
Có hỗ trợ vay vốn đi xuất khẩu lao động cho hộ nghèo không?
Tư vấn chọn nghề cho người không đỗ đại học thì nên học ngành gì?
Chủ quán cà phê bắt em làm 12 tiếng một ngày, như vậy có vi phạm không?
Em làm shipper theo app, có được ký hợp đồng và đóng bảo hiểm không?
Khu công nghiệp mới ở huyện khi nào tuyển công nhân ạ?
Học nghề cơ khí ra trường thu nhập khoảng bao nhiêu một tháng?
Em muốn đi làm thời vụ hái táo ở Úc thì đăng ký ở đâu?
Nghỉ việc thì công ty có phải chốt sổ và trả sổ cho người lao động không?
Bị tai nạn lao động trong xưởng thì chủ phải bồi thường thế nào?
Xin việc làm online bị đòi nộp tiền trước có phải lừa đảo không?
Thanh niên dân tộc thiểu số học nghề có được hỗ trợ tiền ăn ở không ạ?
Có lớp đào tạo nghề làm tóc, trang điểm ngắn hạn không?
Sinh viên mới ra trường chưa có kinh nghiệm thì xin việc thế nào?
Em muốn làm giáo viên hợp đồng ở trường xã thì nộp hồ sơ cho ai?
Việc làm cho người sau cai nghiện có được hỗ trợ không?
Đơn hàng xuất khẩu lao động đi Nhật ngành thực phẩm có tuyển nữ không?
Em muốn chuyển nghề từ công nhân may sang học lập trình, có khóa nghề nào không?
Lương làm ngày lễ Tết được tính gấp mấy lần ạ?
Hợp đồng lao động thời vụ có phải đóng bảo hiểm không?
Công ty bắt ký cam kết không được nghỉ việc trong 2 năm có hợp pháp không?
Bảo vệ, lái xe, phụ hồ ở huyện mình đang tuyển ở đâu?
Đoàn thanh niên có giới thiệu việc làm cho đoàn viên không ạ?
Thông tin tuyển dụng lao động làm việc trên tàu cá có đáng tin không?
Em 17 tuổi có được đi làm công nhân chính thức không?
Người lao động về nước trước hạn có bị phạt tiền đặt cọc không?
Học nghề ở trường cao đẳng nghề có được miễn học phí không ạ?
Cách viết CV xin việc để được nhà tuyển dụng chú ý
Em muốn làm nhân viên bán hàng part time cuối tuần
Nghề hàn, điện, điện lạnh nghề nào dễ kiếm việc hơn?
Có phiên giao dịch việc làm trực tuyến không ạ?
Làm việc ở nhà máy mà bị trừ lương vô lý thì báo ai?
Thanh niên hoàn thành nghĩa vụ quân sự được ưu tiên tuyển dụng ở đâu?
"""
T["khoi_nghiep"] = """
Thanh niên muốn vay vốn khởi nghiệp ở Ngân hàng Chính sách xã hội thì thủ tục thế nào?
Em muốn mở quán cà phê nhỏ ở quê, đoàn có hỗ trợ vốn không ạ?
Tổ tiết kiệm và vay vốn do đoàn quản lý cho vay tối đa bao nhiêu?
Lãi suất vay vốn giải quyết việc làm cho thanh niên hiện nay là bao nhiêu?
Em có ý tưởng nuôi gà thả vườn, ai tư vấn lập dự án kinh doanh giúp em?
Sản phẩm mật ong của gia đình muốn làm OCOP thì cần những tiêu chuẩn gì?
Thành lập hợp tác xã thanh niên cần tối thiểu bao nhiêu thành viên?
Cuộc thi khởi nghiệp sáng tạo năm nay có giải thưởng và hỗ trợ gì?
Em trồng rau sạch mà không có đầu ra, đoàn có kết nối tiêu thụ không?
Mô hình kinh tế thanh niên nuôi tôm công nghệ cao cần vốn bao nhiêu?
Vay vốn ưu đãi cần thế chấp tài sản không ạ?
Muốn bán nông sản trên sàn thương mại điện tử thì bắt đầu từ đâu?
Tổ hợp tác nuôi bò sinh sản có được nhà nước hỗ trợ giống không?
Startup công nghệ của sinh viên có quỹ đầu tư nào hỗ trợ không ạ?
Đăng ký hộ kinh doanh cá thể cần giấy tờ gì và mất bao lâu?
Em muốn kinh doanh online quần áo thì có phải nộp thuế không?
Giá vải năm nay thấp quá, có cách nào tìm thị trường tiêu thụ không?
Nuôi ong lấy mật có hiệu quả kinh tế không, học kỹ thuật ở đâu?
Vườn ươm khởi nghiệp của tỉnh đoàn nhận hồ sơ đến khi nào?
Trồng nấm rơm quy mô hộ gia đình vốn khoảng bao nhiêu là đủ?
Thanh niên lập nghiệp ở quê có được hỗ trợ đất làm trang trại không?
Hồ sơ vay vốn quỹ quốc gia giải quyết việc làm gồm những gì ạ?
Em muốn làm farmstay du lịch sinh thái, có chương trình hỗ trợ nào không?
Cà phê đặc sản muốn xây dựng thương hiệu thì làm thế nào?
Chuỗi liên kết sản xuất lúa hữu cơ với doanh nghiệp có lợi gì cho nông dân?
Có lớp tập huấn kỹ năng khởi sự kinh doanh cho thanh niên không ạ?
Nuôi dế, nuôi ốc bươu đen có đầu ra ổn định không?
Em làm bánh handmade bán online, muốn mở rộng thì vay ở đâu lãi thấp?
Khởi nghiệp thất bại nợ ngân hàng thì có được gia hạn không?
Sản phẩm OCOP 3 sao được hỗ trợ quảng bá ở hội chợ nào?
Đoàn có giới thiệu doanh nghiệp bao tiêu sản phẩm nông nghiệp không?
Giá thức ăn chăn nuôi tăng, trại lợn nhỏ của em lỗ, nên làm gì?
Em muốn xuất khẩu sầu riêng thì cần mã số vùng trồng không ạ?
Hộ kinh doanh muốn lên doanh nghiệp thì có ưu đãi thuế gì không?
Quy trình chấm điểm dự án khởi nghiệp như thế nào?
Mô hình trồng dược liệu dưới tán rừng có được hỗ trợ vốn không?
Vay vốn hộ cận nghèo để làm ăn được bao nhiêu tiền?
Em có sản phẩm rượu men lá truyền thống, muốn đăng ký nhãn hiệu thì làm sao?
Thanh niên muốn mua máy cày, máy gặt làm dịch vụ thì vay vốn ở đâu?
Ý tưởng app giao hàng nông sản có được quỹ khởi nghiệp tài trợ không?
Trồng chanh leo xuất khẩu có bị ép giá không, ký hợp đồng với ai?
Hợp tác xã cần vốn xây kho lạnh bảo quản nông sản thì vay ưu đãi được không?
Em muốn mở tiệm sửa xe máy, cần bao nhiêu vốn ban đầu?
Gói tín dụng cho thanh niên khởi nghiệp có thời hạn vay mấy năm?
Làm sao để đưa sản phẩm của hợp tác xã vào siêu thị?
Nuôi cá lồng trên sông có lãi không, cần học kỹ thuật ở đâu?
Câu lạc bộ doanh nhân trẻ có hỗ trợ kết nối cho người mới kinh doanh không?
Hỗ trợ livestream bán hàng nông sản cho thanh niên có không ạ?
Kinh doanh homestay ở quê cần giấy phép gì?
Thủ tục xin hỗ trợ vốn từ quỹ hỗ trợ thanh niên lập nghiệp
Vay 50 triệu để trồng cây ăn quả thì cần ai bảo lãnh?
Thị trường tiêu thụ cho trứng vịt muối của gia đình em
Tôi muốn nhận chuyển giao kỹ thuật trồng dâu tây công nghệ cao
Khởi nghiệp với số vốn 20 triệu thì nên kinh doanh gì?
Thanh niên nông thôn làm kinh tế giỏi được xét giải thưởng Lương Định Của không?
Em muốn góp vốn cùng bạn mở xưởng mộc, nên làm hợp đồng thế nào?
Đầu ra cho hạt điều, hạt tiêu năm nay thế nào ạ?
Nhà nước có trợ giá phân bón cho nông dân trẻ không?
Lãi vay ngân hàng chính sách trả hàng tháng hay trả cuối kỳ?
Chợ phiên nông sản của thanh niên mở vào ngày nào?
"""
T["hoc_tap"] = """
Học bổng dành cho sinh viên nghèo vượt khó của tỉnh đoàn xét như thế nào?
Em muốn học tiếng Anh giao tiếp miễn phí, đoàn có lớp không ạ?
Điểm chuẩn đại học năm nay ngành công nghệ thông tin khoảng bao nhiêu?
Tiêu chí xét danh hiệu Sinh viên 5 tốt cấp tỉnh gồm những gì?
Trường em không có thư viện, học sinh phải đọc sách ở đâu?
Sinh viên được vay vốn tín dụng học tập tối đa bao nhiêu một tháng?
Xét tuyển học bạ vào đại học cần điểm trung bình bao nhiêu?
Em học lớp 11, muốn thi học sinh giỏi tỉnh môn Tin thì ôn thế nào?
Có khóa học tin học văn phòng, chứng chỉ IC3 cho thanh niên không?
Đăng ký nguyện vọng đại học trên cổng của Bộ Giáo dục hạn chót là ngày nào?
Học sinh dân tộc nội trú có được miễn học phí và hỗ trợ tiền ăn không?
Em muốn du học Nhật Bản diện tự túc thì cần chứng chỉ tiếng Nhật gì?
Lớp học ở trường xuống cấp, mùa mưa dột, khi nào được sửa ạ?
Thi IELTS ở tỉnh mình có điểm thi không hay phải lên thành phố?
Sinh viên bị nợ môn có được xét học bổng khuyến khích học tập không?
Học liên thông từ cao đẳng lên đại học mất bao lâu?
Trường có ký túc xá cho sinh viên ở xa không, giá bao nhiêu?
Em bị áp lực thi cử, có chỗ nào tư vấn tâm lý học đường không?
Học sinh giỏi quốc gia có được tuyển thẳng đại học không?
Có chương trình học bổng toàn phần đi học nước ngoài cho sinh viên giỏi không?
Học trực tuyến thì nên dùng nền tảng nào miễn phí?
Học phí đại học công lập năm học này tăng bao nhiêu?
Muốn thi lại tốt nghiệp THPT để xét tuyển lại thì đăng ký ở đâu?
Em muốn học lập trình Python cơ bản, có khóa nào cho người mới không?
Bảo lưu kết quả học tập để đi nghĩa vụ quân sự thế nào?
Học bổng Vừ A Dính năm nay nhận hồ sơ đến khi nào ạ?
Tiêu chuẩn Học sinh 3 tốt khác gì Sinh viên 5 tốt?
Chứng chỉ tiếng Anh B1 có được dùng để xét tốt nghiệp đại học không?
Em học lớp 9 nên chọn trường THPT hay trường nghề?
Có điểm học tập cộng đồng ở xã cho thanh niên tự học buổi tối không?
Giáo viên dạy thêm thu tiền bắt buộc có đúng quy định không?
Sinh viên sư phạm có được miễn học phí không ạ?
Em muốn học thạc sĩ vừa làm vừa học thì trường nào có chương trình?
Học sinh nghèo có được hỗ trợ sách giáo khoa, đồ dùng học tập không?
Thi đánh giá năng lực đại học quốc gia ôn thế nào cho hiệu quả?
Đoàn trường có câu lạc bộ tiếng Anh hay nghiên cứu khoa học không ạ?
Làm sao để tham gia cuộc thi nghiên cứu khoa học sinh viên Euréka?
Trường học ở xã em thiếu giáo viên tiếng Anh, khi nào có thêm?
Em muốn học chuyên ngành trí tuệ nhân tạo thì nên chọn trường nào?
Mất bằng tốt nghiệp THPT thì xin cấp bản sao ở đâu?
Thủ tục chuyển trường cho học sinh cấp 2 từ tỉnh khác về
Học sinh đi học xa nhà có được hỗ trợ tiền trọ không?
Bằng đại học hệ từ xa có giá trị như chính quy không?
Có lớp luyện thi đại học miễn phí cho học sinh vùng khó khăn không?
Em muốn học văn bằng hai ngành luật thì điều kiện gì?
Điểm rèn luyện sinh viên được tính như thế nào?
Xét học bổng ở trường dựa vào điểm học tập hay cả hoạt động đoàn?
Em học kém môn toán, có nhóm học tập nào giúp đỡ không ạ?
Phòng máy tính ở trường quá cũ, học tin học không được, kiến nghị ai?
Sinh viên năm cuối muốn thực tập ở cơ quan nhà nước thì xin ở đâu?
Chương trình giáo dục phổ thông mới học sinh được chọn môn thế nào?
Có học bổng cho con em gia đình chính sách, thương binh liệt sĩ không?
Cách đăng ký thi chứng chỉ tin học cơ bản
Học tiếng Hàn ở trung tâm nào uy tín trong tỉnh?
Em muốn tự học tiếng Anh qua app thì app nào tốt?
Trường đại học có được thu thêm phí ngoài học phí không?
Đi học đại học xa nhà, có ký túc xá giá rẻ không?
Điều kiện được miễn thi ngoại ngữ tốt nghiệp THPT
Sinh viên bị đình chỉ học tập thì có được học lại không?
Có giải thưởng nào cho học sinh đạt thành tích cao trong học tập không?
"""
