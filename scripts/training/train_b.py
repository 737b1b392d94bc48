T = {}
T["can_bo_tre"] = """
Chính sách thu hút sinh viên tốt nghiệp xuất sắc về công tác tại tỉnh có những ưu đãi gì?
Thi tuyển công chức cấp xã năm nay có những vị trí nào ạ?
Điều kiện bổ nhiệm cán bộ trẻ giữ chức vụ lãnh đạo là gì?
Cán bộ đoàn chuyên trách hết tuổi thì được bố trí công tác ở đâu?
Thi viên chức giáo viên có được cộng điểm ưu tiên cho người dân tộc không?
Luân chuyển cán bộ trẻ về cơ sở trong bao lâu thì được về lại đơn vị cũ?
Tuyển dụng công chức năm nay thi môn gì, có thi tin học không?
Bằng trung cấp lý luận chính trị học ở đâu và mất bao lâu?
Cán bộ trẻ muốn đi học cao cấp lý luận chính trị cần điều kiện gì?
Quy hoạch cán bộ trẻ vào ban chấp hành được xét theo tiêu chí gì?
Tỉnh có chính sách thu hút bác sĩ trẻ về công tác ở huyện miền núi không?
Xét tuyển đặc cách viên chức đối với người có bằng thạc sĩ thế nào?
Hợp đồng lao động ở ủy ban xã có được xét chuyển thành công chức không?
Cán bộ không chuyên trách cấp xã được hưởng phụ cấp bao nhiêu?
Em thi đỗ công chức rồi thì thời gian tập sự bao lâu?
Phó bí thư đoàn xã có được hưởng phụ cấp chức vụ không ạ?
Độ tuổi tối đa để làm bí thư đoàn cấp tỉnh là bao nhiêu?
Chuẩn hóa trình độ cán bộ cấp xã yêu cầu bằng đại học chuyên ngành gì?
Sau sắp xếp đơn vị hành chính, cán bộ dôi dư được giải quyết chế độ thế nào?
Thi nâng ngạch chuyên viên chính cần những điều kiện gì?
Tỉnh có chương trình đào tạo cán bộ trẻ ở nước ngoài không?
Em là viên chức, muốn xin chuyển sang công chức thì làm thủ tục gì?
Cán bộ trẻ được đề bạt trước tuổi cần có thành tích gì?
Tiêu chí đánh giá xếp loại công chức cuối năm như thế nào?
Chế độ cho cán bộ tăng cường về xã vùng sâu vùng xa là gì?
Thu hút nhân tài về làm việc ở tỉnh thì được hỗ trợ nhà ở không?
Điểm ưu tiên trong thi tuyển công chức cho con thương binh được bao nhiêu?
Khi nào có thông báo tuyển dụng viên chức ngành y tế huyện?
Công chức trẻ có được cử đi học thạc sĩ và được hỗ trợ kinh phí không?
Cán bộ trẻ làm việc ở xã mà lương thấp quá, có kiến nghị tăng phụ cấp không?
Bồi dưỡng quản lý nhà nước ngạch chuyên viên có bắt buộc không?
Thời gian tập sự có được tính vào thời gian nâng lương không?
Vì sao tỷ lệ cán bộ nữ trẻ trong cấp ủy còn thấp?
Làm sao để được giới thiệu vào quy hoạch phó chủ tịch xã?
Sinh viên tốt nghiệp loại giỏi có được tuyển thẳng vào cơ quan nhà nước không?
Cán bộ đoàn chuyển sang làm chính quyền có được bảo lưu phụ cấp không?
Thi công chức có được phúc khảo bài thi không ạ?
Cán bộ trẻ được luân chuyển có được hỗ trợ tiền đi lại, nhà công vụ không?
Tiêu chuẩn chức danh trưởng phòng cấp xã mới sau sáp nhập
Lớp bồi dưỡng cán bộ đoàn cơ sở mới bầu học những nội dung gì?
Viên chức hợp đồng ở trường học có bị cắt giảm biên chế không?
Tỉnh có cơ chế để cán bộ trẻ đề xuất sáng kiến, đổi mới không?
Chế độ nghỉ hưu trước tuổi khi tinh giản biên chế thế nào?
Tuổi bổ nhiệm lần đầu chức vụ phó giám đốc sở tối đa bao nhiêu?
Cán bộ trẻ bị điều động công tác xa nhà có được từ chối không?
Cơ hội thăng tiến cho viên chức trẻ ở bệnh viện huyện
Cán bộ trẻ cần chứng chỉ ngoại ngữ, tin học để bổ nhiệm không?
Thi tuyển chức danh lãnh đạo cấp phòng có áp dụng cho người ngoài cơ quan không?
Đề án tạo nguồn cán bộ trẻ từ sinh viên tốt nghiệp xuất sắc xét chọn ra sao?
Công chức cấp xã có được tuyển dụng vào công chức cấp tỉnh không?
Xếp lương khởi điểm cho công chức có bằng thạc sĩ thế nào?
Có chính sách giữ chân cán bộ trẻ giỏi ở lại làm việc tại cơ sở không?
Cán bộ đoàn được đào tạo kỹ năng lãnh đạo quản lý ở đâu?
Thời hạn giữ chức vụ lãnh đạo của cán bộ được bổ nhiệm là mấy năm?
Vì sao thi tuyển công chức năm nay chỉ tiêu ít vậy?
Người làm hợp đồng 68 ở cơ quan nhà nước có được thi viên chức không?
Lãnh đạo tỉnh có kế hoạch trẻ hóa đội ngũ cán bộ chủ chốt không?
Cán bộ trẻ bị kỷ luật có ảnh hưởng đến quy hoạch không?
Học trung cấp chính trị hệ vừa làm vừa học có được cơ quan cử đi không?
Tuyển công an xã chính quy có ưu tiên thanh niên địa phương không?
"""
T["dang_doan"] = """
Điều kiện để đoàn viên ưu tú được giới thiệu kết nạp Đảng là gì?
Lớp bồi dưỡng nhận thức về Đảng khi nào mở, đăng ký ở đâu ạ?
Đoàn phí mỗi tháng đóng bao nhiêu tiền đối với học sinh, sinh viên?
Em chuyển nơi làm việc thì chuyển sinh hoạt đoàn như thế nào?
Kết nạp đoàn viên mới cần những thủ tục, hồ sơ gì ạ?
Bao nhiêu tuổi thì được vào Đoàn Thanh niên?
Sổ đoàn viên bị mất thì xin cấp lại ở đâu?
Chi đoàn tổ chức sinh hoạt hằng tháng với nội dung gì cho hấp dẫn?
Xếp loại đoàn viên cuối năm dựa trên tiêu chí nào?
Phần mềm quản lý đoàn viên đăng nhập không được thì báo ai?
Đoàn viên quá 30 tuổi thì có phải trưởng thành đoàn không?
Lý lịch người xin vào Đảng cần thẩm tra những ai trong gia đình?
Đảng viên dự bị bao lâu thì được xét chuyển chính thức?
Đại hội chi đoàn nhiệm kỳ mới tổ chức theo trình tự thế nào?
Đoàn viên đi làm ăn xa thì có phải sinh hoạt đoàn nơi cư trú không?
Thẻ đoàn viên điện tử cấp như thế nào ạ?
Bí thư chi đoàn có nhiệm vụ gì trong buổi sinh hoạt chi đoàn?
Có người thân ở nước ngoài có được kết nạp Đảng không?
Học lớp cảm tình đoàn bao lâu thì được kết nạp?
Đoàn viên không tham gia sinh hoạt 3 tháng có bị xóa tên không?
Thủ tục rút hồ sơ đoàn khi ra trường để về địa phương
Nghị quyết đại hội đoàn toàn quốc lần thứ XIII có những chỉ tiêu gì?
Đoàn cơ sở được trích lại bao nhiêu phần trăm đoàn phí?
Làm sao để chi đoàn thôn sinh hoạt đều đặn khi thanh niên đi làm xa hết?
Tiêu chí đánh giá chất lượng tổ chức cơ sở đoàn hằng năm
Hồ sơ kết nạp Đảng gồm đơn xin vào Đảng và những giấy tờ gì?
Đảng viên trẻ có phải đóng đảng phí theo lương không?
Ban chấp hành chi đoàn gồm mấy đồng chí?
Có được kết nạp lại vào Đoàn sau khi bị khai trừ không?
Đoàn viên ưu tú là gì, ai giới thiệu?
Cách ghi sổ chi đoàn và biên bản sinh hoạt
Đoàn viên vi phạm bị kỷ luật khiển trách thì bao lâu được xóa kỷ luật?
Hướng dẫn nhập dữ liệu đoàn viên lên phần mềm quản lý đoàn viên
Huy hiệu đoàn và thẻ đoàn cấp cho đoàn viên mới ở đâu?
Kỷ niệm ngày thành lập Đoàn 26/3 chi đoàn nên tổ chức hoạt động gì?
Lớp đối tượng Đảng học những bài gì, có thi không?
Em 16 tuổi đang học lớp 10 có được kết nạp đoàn không ạ?
Đoàn viên công nhân ở khu công nghiệp sinh hoạt ở đâu?
Bầu bí thư đoàn xã cần bao nhiêu phần trăm phiếu tán thành?
Đoàn viên có được từ chối nhiệm vụ chi đoàn giao không?
Việc giới thiệu đoàn viên ưu tú cho Đảng có chỉ tiêu hằng năm không?
Giấy giới thiệu sinh hoạt đoàn tạm thời xin ở đâu?
Có phải đóng đoàn phí khi đang đi nghĩa vụ quân sự không?
Chi đoàn sinh viên ghép với chi đoàn khu dân cư được không?
Quy trình xét kết nạp quần chúng ưu tú vào Đảng gồm mấy bước?
Người vào Đảng phải có bằng tốt nghiệp cấp 3 không?
Sổ tay đoàn viên điện tử trên ứng dụng có thay thế sổ giấy không?
Ban thường vụ đoàn xã phân công phụ trách chi đoàn như thế nào?
Học tập nghị quyết của Đảng cho đoàn viên thanh niên tổ chức ra sao?
Phiếu đánh giá đoàn viên cuối năm ai chấm?
Liên chi đoàn và chi đoàn khác nhau thế nào?
Thủ tục chuyển sinh hoạt đảng khi đi học xa
Hội Liên hiệp Thanh niên và Đoàn khác nhau ở điểm nào?
Hội viên hội LHTN có phải đóng hội phí không?
Điều lệ Đoàn quy định tuổi đoàn viên từ bao nhiêu đến bao nhiêu?
Em là đoàn viên, muốn thôi sinh hoạt đoàn được không?
Nghi thức chào cờ trong đại hội đoàn gồm những bước nào?
Chi đoàn xếp loại vững mạnh xuất sắc cần đạt điều kiện gì?
Báo cáo kết quả sinh hoạt chi đoàn tháng này gửi cho ai?
Đoàn viên có gia đình theo đạo có được kết nạp Đảng không?
"""
T["an_sinh"] = """
Làm thẻ bảo hiểm y tế hộ gia đình đóng bao nhiêu tiền một năm?
Đóng bảo hiểm xã hội tự nguyện bao nhiêu năm thì được hưởng lương hưu?
Hộ nghèo được hỗ trợ những chính sách gì ạ?
Khám chữa bệnh trái tuyến có được bảo hiểm y tế chi trả không?
Trợ cấp thai sản cho lao động nữ được mấy tháng?
Người già neo đơn không nơi nương tựa được trợ cấp bao nhiêu?
Nhà em bị bão làm sập mái, xã có hỗ trợ sửa nhà không?
Thanh niên công nhân thu nhập thấp mua nhà ở xã hội cần điều kiện gì?
Rút bảo hiểm xã hội một lần có lợi không ạ?
Trẻ em dưới 6 tuổi có được cấp thẻ BHYT miễn phí không?
Người khuyết tật nặng được hưởng trợ cấp hằng tháng bao nhiêu?
Xét hộ cận nghèo dựa vào thu nhập bình quân bao nhiêu một tháng?
Bị tai nạn giao thông thì bảo hiểm y tế có thanh toán không?
Trạm y tế xã thiếu thuốc, người dân phải mua ngoài, kiến nghị ai?
Tiêm vắc xin cho trẻ nhỏ ở trạm y tế có mất tiền không?
Người nhiễm HIV có được hỗ trợ thuốc điều trị miễn phí không?
Gia đình có công với cách mạng được hưởng chế độ ưu đãi gì?
Chương trình xóa nhà tạm, nhà dột nát đăng ký ở đâu?
Thẻ BHYT hết hạn gia hạn online được không?
Sinh viên bắt buộc phải mua bảo hiểm y tế ở trường không?
Nhà em có người bị ung thư, có quỹ nào hỗ trợ chi phí điều trị không?
Mẹ đơn thân nuôi con nhỏ có được trợ cấp không ạ?
Tiền lương hưu được tính như thế nào?
Bị ốm đau nghỉ việc thì bảo hiểm xã hội trả bao nhiêu phần trăm lương?
Khám sức khỏe định kỳ miễn phí cho người dân có không?
Thanh niên bị trầm cảm thì đến đâu để được khám và tư vấn?
Hỗ trợ gạo cứu đói dịp Tết cho hộ khó khăn xét như thế nào?
Người cao tuổi từ bao nhiêu tuổi được nhận trợ cấp xã hội?
Con em bị suy dinh dưỡng, trạm y tế có chương trình hỗ trợ không?
Mất sổ bảo hiểm xã hội thì xin cấp lại ở đâu?
Đóng BHXH được 5 năm rồi nghỉ việc thì tiền đó có mất không?
Bệnh viện huyện quá tải, có kế hoạch mở rộng không?
Nước sinh hoạt nhiễm bẩn gây bệnh cho trẻ em, trạm y tế có kiểm tra không?
Hộ gia đình bị thiên tai mất mùa có được miễn giảm gì không?
Trẻ mồ côi cả cha lẫn mẹ được nhà nước nuôi dưỡng thế nào?
Khám bệnh bằng căn cước gắn chip thay thẻ bảo hiểm y tế được không?
Mức hưởng BHYT khi đi khám đúng tuyến là bao nhiêu phần trăm?
Làm sao để được vào trung tâm bảo trợ xã hội?
Chế độ tử tuất khi người đóng bảo hiểm qua đời
Phụ nữ mang thai đi khám thai có được bảo hiểm chi trả không?
Dịch sốt xuất huyết đang tăng, xã có phun thuốc muỗi không?
Trợ cấp cho người chăm sóc người khuyết tật đặc biệt nặng
Gia đình em thuộc hộ nghèo thì con đi học có được giảm học phí không?
Hỗ trợ tiền điện cho hộ nghèo mỗi tháng bao nhiêu?
Người làm nông có nên tham gia bảo hiểm xã hội tự nguyện không?
Nhà nước hỗ trợ đóng BHYT cho hộ cận nghèo bao nhiêu phần trăm?
Xin cấp thuốc điều trị bệnh mãn tính dài ngày bằng thẻ bảo hiểm
Khám chữa bệnh ở tuyến tỉnh phải có giấy chuyển viện không?
Người nghiện ma túy cai nghiện tự nguyện có được hỗ trợ chi phí không?
Hỗ trợ nhà ở cho người có công cần hồ sơ gì?
Em bị bệnh tim bẩm sinh, có chương trình phẫu thuật miễn phí không?
Lương hưu có được điều chỉnh tăng hằng năm không?
Chế độ bảo hiểm thất nghiệp khác bảo hiểm xã hội thế nào?
Y tế học đường ở trường em không có nhân viên, ai chịu trách nhiệm?
Bếp ăn từ thiện ở bệnh viện tỉnh có nhận tình nguyện viên nấu không?
Xin giấy xác nhận hộ nghèo để làm hồ sơ vay thì ra đâu?
Thẻ bhyt ghi sai tên thì sửa thế nào?
Người bị bệnh hiểm nghèo được hưởng chế độ gì?
Vợ sinh con, chồng có được nghỉ thai sản không?
Khu dân cư em có nhiều người già sống một mình, ai hỗ trợ chăm sóc?
"""
