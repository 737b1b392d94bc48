T = {}
T["tinh_nguyen_van_hoa"] = """
Chiến dịch Mùa hè xanh năm nay đăng ký tham gia ở đâu ạ?
Hiến máu tình nguyện cần điều kiện gì về cân nặng và sức khỏe?
Xã có sân bóng đá cho thanh niên tập luyện không?
Đoàn có tổ chức giải bóng chuyền thanh niên dịp 26/3 không?
Em muốn làm tình nguyện viên tiếp sức mùa thi thì đăng ký với ai?
Câu lạc bộ guitar của thanh niên sinh hoạt ở đâu?
Nhà văn hóa thôn bỏ không, thanh niên có được sử dụng để sinh hoạt không?
Ngày hội văn hóa các dân tộc năm nay tổ chức khi nào?
Khu vui chơi cho thiếu nhi ở xã có kế hoạch xây dựng không?
Tháng Thanh niên có những hoạt động tình nguyện gì?
Hiến máu xong bao lâu thì được hiến lại?
Đội văn nghệ xung kích của đoàn xã có tuyển thành viên không?
Thanh niên muốn tập gym, xã có phòng tập công cộng không?
Tổ chức trung thu cho trẻ em vùng khó khăn xin tài trợ ở đâu?
Chương trình Xuân tình nguyện có nhận sinh viên năm nhất không?
Lễ hội truyền thống ở địa phương có thanh niên làm hướng dẫn viên không?
Giải chạy vì sức khỏe cộng đồng đăng ký thế nào?
Thư viện xã mở cửa vào những ngày nào?
Đoàn có tổ chức lớp học bơi miễn phí phòng đuối nước cho trẻ em không?
Em muốn thành lập câu lạc bộ nhảy hiện đại trong xã
Hội trại thanh niên dịp kỷ niệm thành lập Đoàn có những nội dung gì?
Tình nguyện viên đi hỗ trợ vùng lũ cần chuẩn bị gì?
Làm sao để giữ gìn nghề dệt thổ cẩm truyền thống của dân tộc em?
Có đội hình thanh niên tình nguyện dạy chữ cho trẻ em vùng cao không?
Giải bóng đá mini thanh niên các thôn có lệ phí đăng ký không?
Câu lạc bộ cờ vua cho thiếu niên ở nhà văn hóa huyện
Sân chơi cho thanh niên buổi tối ở xã em không có, các bạn toàn ngồi quán
Em muốn tham gia đội hát dân ca quan họ của thanh niên
Chương trình Tiếp sức đến trường quyên góp sách vở thế nào?
Tổ chức đêm văn nghệ gây quỹ từ thiện có cần xin phép không?
Đoàn có hoạt động thăm hỏi gia đình thương binh liệt sĩ dịp 27/7 không?
Chiến sĩ tình nguyện mùa hè xanh có được cấp giấy chứng nhận không?
Làm sao để tham gia tình nguyện online, dạy học trực tuyến cho trẻ em?
Xây nhà nhân ái cho hộ khó khăn, đoàn kêu gọi tình nguyện viên thế nào?
Bảo tàng tỉnh có mở cửa miễn phí cho học sinh không?
Đi phượt tình nguyện lên vùng cao tặng áo ấm cần liên hệ ai?
Thanh niên có thể tổ chức giải cầu lông, bóng bàn ở nhà văn hóa không?
Lớp học võ thuật cho thanh thiếu niên trong hè
Ngày Chủ nhật xanh tháng này đoàn xã tổ chức ở đâu?
Đội hình áo xanh hỗ trợ người dân làm thủ tục cần bao nhiêu người?
Em muốn học múa, vẽ tranh, có lớp năng khiếu hè không?
Đội bóng đá nữ của xã có được hỗ trợ trang phục không?
Thanh niên tình nguyện tham gia hỗ trợ lễ hội du lịch của tỉnh
Hiến máu có ảnh hưởng sức khỏe không, có được bồi dưỡng gì?
Sân khấu ngoài trời của xã có cho thanh niên mượn tổ chức đêm nhạc không?
Hoạt động đền ơn đáp nghĩa, chăm sóc nghĩa trang liệt sĩ
Các bạn trẻ muốn tổ chức giải đấu thể thao điện tử có được không?
Chương trình Kỳ nghỉ hồng cho cán bộ đoàn
Ngày quốc tế thiếu nhi 1/6 đoàn tổ chức vui chơi ở đâu?
Thanh niên dân tộc muốn biểu diễn cồng chiêng ở liên hoan văn hóa
Câu lạc bộ đọc sách thanh niên cần bao nhiêu thành viên để thành lập?
Sân bóng chuyền của thôn đã xuống cấp, cần làm lại lưới và sân
Em muốn làm tình nguyện viên ở trung tâm nuôi dạy trẻ khuyết tật
Ngày hội hiến máu Chủ nhật đỏ năm nay tổ chức ở đâu?
Tổ chức cắm trại, lửa trại cho thiếu nhi cần những gì?
Đoàn có hoạt động giao lưu văn hóa với thanh niên nước bạn không?
Thanh niên muốn làm hướng dẫn viên du lịch cộng đồng ở bản
Chương trình văn nghệ chào mừng ngày Quốc khánh 2/9
Các giải thể thao phong trào cho thanh niên công nhân
Dự án tình nguyện đổi mới quê hương được hỗ trợ kinh phí không?
"""
T["chuyen_doi_so"] = """
Làm sao để nộp hồ sơ trên Cổng dịch vụ công quốc gia?
Ứng dụng VNeID kích hoạt tài khoản định danh điện tử mức 2 thế nào?
Tổ công nghệ số cộng đồng ở thôn làm những việc gì?
Người già không biết dùng điện thoại thông minh thì ai hướng dẫn?
Thanh toán không dùng tiền mặt khi đi chợ thế nào cho an toàn?
Ứng dụng Thanh niên Việt Nam đăng ký tài khoản như thế nào?
Khóa học kỹ năng số miễn phí cho thanh niên nông thôn có không?
Cài chữ ký số trên điện thoại để ký văn bản thế nào?
Mở tài khoản ngân hàng online bằng eKYC có an toàn không?
Quét mã QR để thanh toán tiền điện, tiền nước như thế nào?
Làm sao để bảo vệ thông tin cá nhân khi dùng mạng xã hội?
Sàn thương mại điện tử nào phù hợp cho người mới bán hàng?
Xã có wifi miễn phí ở nhà văn hóa không ạ?
Đăng ký khai sinh trực tuyến trên dịch vụ công liên thông ra sao?
Tích hợp giấy phép lái xe vào VNeID thế nào?
Đoàn có lớp dạy sử dụng trí tuệ nhân tạo ChatGPT cho đoàn viên không?
Sóng điện thoại và internet ở bản em rất yếu, khi nào được phủ sóng 4G?
Cách nhận biết đường link giả mạo, tránh mất tài khoản ngân hàng
Thanh niên tình nguyện hướng dẫn người dân cài ứng dụng dịch vụ công
Nộp thuế điện tử cho hộ kinh doanh làm trên app nào?
Chuyển đổi số trong nông nghiệp như truy xuất nguồn gốc bằng mã QR
Tra cứu kết quả hồ sơ dịch vụ công trực tuyến ở đâu?
Ví điện tử MoMo, ZaloPay có an toàn khi liên kết ngân hàng không?
Học kỹ năng số cơ bản như soạn văn bản, gửi email ở đâu?
Xã có kế hoạch số hóa hồ sơ hộ tịch không?
Đăng ký tài khoản trên cổng dịch vụ công bằng số căn cước thế nào?
Sổ sức khỏe điện tử trên VNeID xem ở đâu?
Bình dân học vụ số là chương trình gì, học ở đâu?
Khi nào xã triển khai thanh toán học phí không dùng tiền mặt?
Có nên dùng sinh trắc học khi chuyển tiền qua ngân hàng không?
Làm sao để tạo website bán hàng cho hợp tác xã?
Điện thoại bị nhiễm mã độc, tự động gửi tin nhắn, xử lý thế nào?
Đoàn có phần mềm điểm danh sinh hoạt bằng QR code không?
Cấp lại mật khẩu tài khoản định danh điện tử bị quên
Người dân nộp hồ sơ đất đai qua mạng được không?
Thanh niên có thể tham gia tổ công nghệ số cộng đồng không?
Xây dựng bản đồ số các điểm du lịch của huyện
Ứng dụng Zalo OA của xã để nhận thông báo
Hướng dẫn dùng Google Maps đánh dấu địa điểm kinh doanh
Thanh toán viện phí bằng thẻ ngân hàng hoặc mã QR có được không?
Làm hồ sơ cấp căn cước cho con dưới 14 tuổi trên VNeID
Kỹ năng an toàn thông tin khi dùng wifi công cộng
Bảo mật tài khoản mạng xã hội bằng xác thực hai lớp thế nào?
Học lập trình web miễn phí trên mạng ở đâu tốt?
Bao giờ có cáp quang internet về thôn?
Dịch vụ công trực tuyến toàn trình gồm những thủ tục nào?
Dùng điện thoại chụp ảnh giấy tờ nộp online bị lỗi định dạng file
Thương mại điện tử xuyên biên giới cho sản phẩm OCOP
Đoàn xã có tổ chức cuộc thi tìm hiểu chuyển đổi số không?
Mạng xã hội TikTok có nên dùng để quảng bá du lịch quê hương?
Xác thực tài khoản ngân hàng bằng căn cước gắn chip tại quầy hay app?
Đăng ký xe máy online qua cổng dịch vụ công
Ứng dụng học tiếng Anh bằng AI có miễn phí không?
Xã có điểm hỗ trợ người dân dùng dịch vụ công trực tuyến không?
Máy tính ở bưu điện văn hóa xã có cho thanh niên dùng miễn phí không?
Chữ ký số cá nhân dùng để làm những thủ tục gì?
Tài khoản VNeID bị khóa phải làm sao mở lại?
Đóng bảo hiểm y tế hộ gia đình qua app VssID
Gửi hồ sơ xin việc qua email thế nào cho chuyên nghiệp?
Sử dụng AI để viết bài quảng cáo sản phẩm có tốt không?
"""
T["khac"] = """
Xin chào, bot có làm việc vào cuối tuần không?
Cho em hỏi lãnh đạo huyện mình thích đội bóng nào nhất ạ?
Chán quá, ai nói chuyện với em đi
Hôm nay thời tiết thế nào ạ?
Cảm ơn ban tổ chức buổi đối thoại rất bổ ích
Bot ơi hát cho em nghe một bài đi
Em thất tình, buồn quá, làm sao để quên người yêu cũ?
Tôi muốn góp ý là buổi đối thoại hôm trước quá ngắn
Làm sao để gửi câu hỏi cho lãnh đạo tỉnh ạ?
Câu hỏi của em gửi tuần trước đến giờ vẫn chưa có ai trả lời
Lãnh đạo có thể chia sẻ bí quyết thành công khi còn trẻ không ạ?
Cho em xin số điện thoại của chủ tịch xã
Bot có biết nói tiếng Anh không?
Hello, test thử xem bot có hoạt động không
Tối nay có trận bóng đá Việt Nam đá với Thái Lan không?
Em có nên nghe lời bố mẹ cưới sớm không ạ?
Công thức nấu phở bò ngon như thế nào?
Ai là người viết chương trình bot này vậy?
Kết quả xổ số miền Nam hôm nay
Đề nghị ban tổ chức lần sau tổ chức đối thoại vào buổi tối để công nhân tham gia
Xin hỏi anh chị lãnh đạo có hay đọc báo Tuổi Trẻ không?
Làm sao để xóa dữ liệu cá nhân của tôi khỏi hệ thống này?
Em muốn đổi tên hiển thị khi đặt câu hỏi
Có thể hỏi ẩn danh không, em sợ bị lộ tên
Phiên đối thoại trực tuyến tháng này bắt đầu lúc mấy giờ?
Mọi người ơi chúc mừng năm mới
ok cảm ơn ạ
Hi
Em là học sinh lớp 8, em muốn hỏi chút chuyện riêng được không?
Tại sao trời lại mưa nhiều vào mùa hè?
Bot có gửi thông báo qua tin nhắn SMS được không?
Em thấy tuyệt vọng, không muốn sống nữa
Lãnh đạo tỉnh có lời khuyên gì cho thanh niên chúng em?
Ngày mai em đi thi, chúc em may mắn đi
Tôi muốn khen ngợi cán bộ đoàn xã nhiệt tình
Vì sao câu hỏi của tôi bị từ chối không đăng?
Làm thế nào để có nhiều bạn bè hơn?
Ăn gì để tăng chiều cao ạ?
Giá vàng hôm nay bao nhiêu?
Có phải trả phí khi dùng chatbot này không?
Cách hủy đăng ký nhận tin từ bot
Em có chuyện muốn tâm sự với anh chị
Bạn trai em ghen tuông quá, em nên làm gì?
Bot có trả lời vào ban đêm không?
Tôi muốn hỏi về việc riêng của gia đình, có ai giữ bí mật không?
Sao dạo này không thấy đoàn tổ chức đối thoại nữa?
Xin lỗi, em gửi nhầm tin nhắn
Cho mình đổi đơn vị sang xã khác trên bot
asdfgh
Ê có ai ở đây không
Hỏi chút: con gà có trước hay quả trứng có trước?
Em muốn gặp trực tiếp bí thư tỉnh đoàn để nói chuyện
Lãnh đạo có thể kể một kỷ niệm thời thanh niên không ạ?
Mẹ em hay cằn nhằn, em nên nói chuyện thế nào cho mẹ hiểu?
Em muốn biết câu trả lời được gửi lại cho em qua đâu
Góp ý giao diện chatbot khó dùng quá
Lịch nghỉ Tết Nguyên đán năm nay thế nào?
Bot ơi kể chuyện ma đi
Chào buổi sáng cả nhà
Ai đẹp trai nhất tỉnh đoàn?
"""
