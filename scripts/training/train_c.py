T = {}
T["phap_luat"] = """
Đi xe máy không đội mũ bảo hiểm bị phạt bao nhiêu tiền?
Em bị lừa chuyển khoản qua mạng mất 10 triệu, báo công an ở đâu?
Thanh niên trong xóm tụ tập đánh bạc, người dân nên báo cho ai?
Làm sổ đỏ lần đầu cho đất ông bà để lại cần giấy tờ gì?
Uống rượu bia lái xe máy bị phạt thế nào?
Phát hiện người bán ma túy gần trường học thì tố giác ở đâu?
Tranh chấp đất đai với hàng xóm thì giải quyết ở đâu trước?
Chưa đủ 18 tuổi lái xe máy trên 50 phân khối có bị phạt không?
Có người gọi điện tự xưng công an yêu cầu chuyển tiền, em phải làm gì?
Thủ tục đăng ký kết hôn ở xã cần giấy tờ gì?
Đăng ký tạm trú cho người thuê trọ làm online được không?
Bị đánh hội đồng ở quán nhậu thì có được khởi kiện không?
Làm lại căn cước công dân bị mất mất bao nhiêu tiền?
Vay tiền qua app tín dụng đen bị khủng bố điện thoại, xử lý thế nào?
Tàng trữ pháo nổ dịp Tết bị xử lý ra sao?
Đăng ảnh người khác lên mạng xã hội không xin phép có vi phạm không?
Đua xe trái phép ở đường mới mở, ai xử lý?
Hợp đồng mua bán đất viết tay có giá trị pháp lý không?
Người chưa thành niên phạm tội bị xử lý thế nào?
Em bị quấy rối tình dục trên mạng thì báo ở đâu?
Mua bán đất nông nghiệp có cần công chứng không?
Trộm cắp tài sản giá trị dưới 2 triệu có bị đi tù không?
Xin cấp phiếu lý lịch tư pháp ở đâu ạ?
Bạo lực gia đình thì báo cho ai để được bảo vệ?
Tự ý chuyển đất vườn sang đất ở bị phạt không?
Thủ tục làm giấy khai sinh cho con ở xã
Cho người khác mượn tài khoản ngân hàng có bị truy cứu không?
Hàng xóm hát karaoke quá khuya có vi phạm pháp luật không?
Trang bị kiến thức pháp luật về phòng chống ma túy cho thanh niên ở đâu?
Bị chiếm đoạt tài khoản Facebook rồi lừa bạn bè vay tiền, em làm gì?
Lừa đảo tuyển cộng tác viên làm nhiệm vụ online có bị bắt không?
Chạy xe máy vượt đèn đỏ bị phạt bao nhiêu?
Thanh niên đi nghĩa vụ quân sự trốn khám tuyển có bị phạt không?
Xây nhà lấn chiếm lòng lề đường có bị cưỡng chế không?
Mua xe máy cũ không sang tên có bị phạt không?
Quy định mới về giấy phép lái xe hạng A1 thế nào?
Người dân có quyền khiếu nại quyết định hành chính sai không?
Thủ tục ly hôn thuận tình nộp ở tòa án nào?
Bóng cười có bị cấm sử dụng không?
Trẻ vị thành niên vào quán bar bị xử lý ra sao?
Thủ tục tách thửa đất để chia cho con
Cá độ bóng đá qua mạng bị xử lý hình sự khi nào?
Trộm chó ở xóm em diễn ra liên tục, công an xã có tuần tra không?
Làm giả giấy tờ để xin việc bị tội gì?
Camera an ninh ở ngõ xóm lắp do ai quản lý?
Bị người lạ nhắn tin đe dọa tống tiền thì báo ở đâu?
Chứng thực bản sao giấy tờ ở đâu nhanh nhất?
Hòa giải ở cơ sở có bắt buộc trước khi kiện ra tòa không?
Thanh niên tham gia đội tự quản về an ninh trật tự có được phụ cấp không?
Vi phạm nồng độ cồn bị tước bằng lái mấy tháng?
Con em bị bắt nạt ở trường, quay clip tung lên mạng, xử lý thế nào?
Đất được cấp sổ rồi mà bị người khác lấn chiếm thì làm sao?
Đăng ký thường trú khi chuyển về nhà vợ cần giấy tờ gì?
Mua thuốc lá điện tử có vi phạm pháp luật không?
Người nước ngoài kết hôn với công dân Việt Nam làm thủ tục ở đâu?
Nhận tiền giữ hộ người lạ chuyển vào tài khoản có bị liên lụy không?
Sử dụng bằng lái xe giả bị phạt thế nào?
Thủ tục thừa kế nhà đất khi bố mẹ mất không để lại di chúc
Tụ tập đông người gây rối trật tự công cộng bị xử phạt gì?
Làm thủ tục hành chính ở xã bị gây khó dễ thì phản ánh ở đâu?
"""
T["moi_truong"] = """
Bãi rác tự phát đầu làng bốc mùi hôi thối, bao giờ xã thu dọn?
Xã em chưa có nước sạch, người dân phải dùng nước giếng nhiễm phèn
Đường liên thôn xuống cấp, ổ gà nhiều, khi nào được sửa ạ?
Xã mình còn thiếu tiêu chí nào để đạt chuẩn nông thôn mới nâng cao?
Phân loại rác tại nguồn thực hiện thế nào ở khu dân cư?
Nhà máy xả nước thải ra sông làm cá chết, người dân báo ai?
Thanh niên có thể làm gì để giảm rác thải nhựa ở bãi biển?
Đèn đường thôn em hỏng cả tháng chưa ai sửa
Xã có kế hoạch xây cống thoát nước cho khu dân cư hay ngập không?
Đốt rơm rạ sau mùa gặt gây khói bụi, có cấm không?
Biến đổi khí hậu làm xâm nhập mặn, nông dân nên chuyển đổi cây trồng gì?
Tuyến phố văn minh đô thị cần đạt những tiêu chí gì?
Vỉa hè bị lấn chiếm làm chỗ buôn bán, người đi bộ phải xuống lòng đường
Trồng cây xanh ở khu dân cư thì xin cây giống ở đâu?
Trại chăn nuôi lợn gần khu dân cư gây ô nhiễm mùi, xử lý thế nào?
Xe chở rác chỉ đến thôn 1 tuần 1 lần, rác ứ đọng quá nhiều
Sông bị sạt lở đe dọa nhà dân, khi nào có kè chống sạt lở?
Khai thác cát trái phép trên sông gây sạt lở bờ
Bao giờ làm đường bê tông vào xóm em?
Chợ xã xuống cấp, mái dột, lối đi lầy lội, có kế hoạch nâng cấp không?
Hội thi sáng kiến bảo vệ môi trường cho thanh niên tổ chức khi nào?
Cách ủ rác hữu cơ làm phân bón tại nhà
Bụi từ nhà máy xi măng ảnh hưởng sức khỏe người dân xung quanh
Thôn em muốn làm đường hoa, đoàn có hỗ trợ cây giống không?
Túi nilon dùng một lần có bị hạn chế sử dụng không?
Hệ thống nước sạch nông thôn bị hỏng, nước chảy yếu, báo ai sửa?
Nghĩa trang thôn chưa được quy hoạch, chôn cất lộn xộn
Khói bụi từ lò gạch thủ công gây ô nhiễm không khí
Kênh thủy lợi bị bèo lục bình lấp kín, khi nào được khơi thông?
Xây dựng nông thôn mới kiểu mẫu thanh niên tham gia được gì?
Cầu tạm qua suối rất nguy hiểm mùa lũ, bao giờ có cầu kiên cố?
Nước thải sinh hoạt của khu trọ chảy ra đường gây mùi
Rác thải y tế ở phòng khám tư vứt chung với rác sinh hoạt
Rừng phòng hộ bị chặt phá, người dân phản ánh ở đâu?
Thu gom bao bì thuốc bảo vệ thực vật trên đồng ruộng thế nào?
Ô nhiễm tiếng ồn từ xưởng gỗ hoạt động ban đêm
Quy hoạch khu đô thị mới ở phường có công viên cây xanh không?
Đường làng chưa có điện chiếu sáng, thanh niên muốn làm công trình thắp sáng đường quê
Chủ nhật xanh dọn vệ sinh môi trường có hỗ trợ dụng cụ không?
Nhà vệ sinh ở trường học xuống cấp, mất vệ sinh
Mùa khô thiếu nước tưới, hồ chứa cạn, xã có giải pháp gì?
Phí thu gom rác hằng tháng là bao nhiêu?
Cây xanh ven đường mục gãy nguy hiểm, báo ai cắt tỉa?
Người dân đổ xà bần ra bờ kênh, có bị phạt không?
Khu tái định cư chưa có hạ tầng điện nước đầy đủ
Lắp đặt pin năng lượng mặt trời áp mái có được hỗ trợ không?
Cống rãnh tắc nghẽn gây ngập khi mưa lớn
Bãi tập kết rác trung chuyển đặt sát trường mẫu giáo
Tiêu chí môi trường trong bộ tiêu chí xã nông thôn mới
Xử lý xác động vật chết vứt xuống kênh mương
Đường giao thông nông thôn quá hẹp, xe cứu thương không vào được
Bao giờ xã em có bãi đỗ xe và chợ mới?
Ống nước thải của hàng xóm chảy sang đất nhà em
Khu vực biển bị ô nhiễm dầu, rác trôi dạt vào bờ
Chương trình đổi rác thải nhựa lấy quà của đoàn tổ chức ở đâu?
Đất nông nghiệp bị nhiễm độc do dùng thuốc trừ sâu quá nhiều
Khi nào điện lưới quốc gia kéo về bản em?
Cải tạo ao tù nước đọng thành công viên nhỏ cho khu dân cư
Sân phơi nông sản lấn ra đường quốc lộ gây nguy hiểm
Mưa lũ cuốn trôi đường vào bản, bao giờ khắc phục?
"""
