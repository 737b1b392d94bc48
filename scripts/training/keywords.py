# Keyword priors: the words of each topic's description in shared/reference/topics.md (and their
# everyday forms), added once each to the training set as short examples, so a question naming
# little more than its subject still lands in the right topic.
K = {
"viec_lam": "việc làm; nghề nghiệp; tìm việc; xin việc; tuyển dụng công nhân; sàn giao dịch việc làm; ngày hội việc làm; học nghề; đào tạo nghề; dạy nghề; hướng nghiệp; tư vấn chọn nghề; xuất khẩu lao động; đi làm việc ở nước ngoài; thực tập sinh Nhật Bản; lương; tiền lương; nợ lương; tăng ca; hợp đồng lao động; thử việc; nghỉ việc; trợ cấp thất nghiệp; người lao động; công nhân; khu công nghiệp; doanh nghiệp tuyển",
"khoi_nghiep": "khởi nghiệp; vốn vay; vay vốn; kinh tế; mô hình kinh tế thanh niên; hợp tác xã; tổ hợp tác; Ngân hàng Chính sách xã hội; tổ tiết kiệm và vay vốn; lãi suất ưu đãi; sản phẩm OCOP; đầu ra nông sản; tiêu thụ nông sản; chăn nuôi; trồng trọt; kinh doanh; ý tưởng khởi nghiệp; thương hiệu sản phẩm",
"hoc_tap": "học tập; đào tạo; trường học; học bổng; tuyển sinh đại học; xét tuyển; thi tốt nghiệp; ngoại ngữ; tiếng Anh; tin học; khóa học kỹ năng; Sinh viên 5 tốt; học phí; học sinh; sinh viên; ký túc xá; giáo viên; thư viện; điều kiện học tập",
"can_bo_tre": "cán bộ trẻ; tuyển dụng công chức; thi công chức; viên chức; bổ nhiệm; luân chuyển cán bộ; quy hoạch cán bộ; thu hút sinh viên giỏi về địa phương; trí thức trẻ; lý luận chính trị; bồi dưỡng cán bộ; tập sự; biên chế; cán bộ đoàn chuyên trách",
"dang_doan": "xây dựng Đảng; kết nạp Đảng; lớp nhận thức về Đảng; đoàn viên ưu tú; vào Đoàn; kết nạp đoàn viên; đoàn phí; chuyển sinh hoạt đoàn; sổ đoàn; sinh hoạt chi đoàn; xếp loại đoàn viên; phần mềm quản lý đoàn viên; bí thư chi đoàn; đại hội chi đoàn; đảng viên",
"an_sinh": "an sinh xã hội; y tế; bảo hiểm xã hội; bảo hiểm y tế; thẻ BHYT; BHXH; trợ cấp xã hội; nhà ở; hộ nghèo; hộ cận nghèo; người có hoàn cảnh khó khăn; chăm sóc sức khỏe; khám chữa bệnh; bệnh viện; trạm y tế; người cao tuổi; người khuyết tật; lương hưu",
"phap_luat": "pháp luật; an ninh trật tự; tội phạm; tệ nạn xã hội; ma túy; cờ bạc; an toàn giao thông; vi phạm giao thông; bị phạt; lừa đảo qua mạng; lừa đảo chuyển tiền; đất đai; sổ đỏ; thủ tục hành chính; công an; khởi kiện; tranh chấp; giấy khai sinh",
"moi_truong": "môi trường; nông thôn mới; đô thị; rác thải; rác thải nhựa; ô nhiễm; biến đổi khí hậu; tuyến phố văn minh; nước sạch; hạ tầng; đường giao thông nông thôn; đèn đường; cây xanh; nước thải; thu gom rác; thiên tai; sạt lở",
"tinh_nguyen_van_hoa": "tình nguyện; Mùa hè xanh; hiến máu; văn hóa; văn nghệ; nghệ thuật; thể thao; bóng đá; sân chơi; vui chơi giải trí; câu lạc bộ thanh niên; nhà văn hóa; tình nguyện viên; lễ hội; giải thi đấu",
"chuyen_doi_so": "chuyển đổi số; kỹ năng số; dịch vụ công trực tuyến; thanh toán điện tử; thanh toán không dùng tiền mặt; Tổ công nghệ số cộng đồng; ứng dụng Thanh niên Việt Nam; VNeID; định danh điện tử; điện thoại thông minh; internet; ứng dụng; chữ ký số; thương mại điện tử",
"khac": "xin chào; cảm ơn; hỏi vui; chuyện riêng; thời tiết; bot; góp ý chương trình; tâm sự; giải trí cá nhân",
}
def examples():
    return [(t, w.strip()) for t, s in K.items() for w in s.split(';') if w.strip()]
