import json
P = [
("Đoàn phí bao nhiêu tiền?", "doan phi dong bn tien 1 thang", 1),
("Đoàn phí bao nhiêu tiền?", "Đoàn phí nộp cho ai?", 0),
("Làm thẻ BHYT cho con ở đâu?", "con em mới sinh được 2 tháng, giờ muốn làm thẻ bảo hiểm y tế cho bé thì ra chỗ nào làm ạ", 1),
("Làm thẻ BHYT cho con ở đâu?", "Làm thẻ BHYT cho con có mất tiền không?", 0),
("Xã có tuyển công an xã chính quy không?", "em mới đi bộ đội về, nghe nói xã đang tuyển công an chính quy, có đúng không ạ", 1),
("Xã có tuyển công an xã chính quy không?", "Công an xã chính quy lương bao nhiêu?", 0),
("Học nghề điện dân dụng ở đâu miễn phí?", "em học hết lớp 12 ở nhà, muốn đi học nghề điện mà không có tiền, chỗ nào dạy free ạ", 1),
("Học nghề điện dân dụng ở đâu miễn phí?", "Học nghề điện dân dụng ra làm lương bao nhiêu?", 0),
("Có lớp tin học văn phòng miễn phí cho thanh niên không?", "bọn em là tn ở thôn, muốn học word excel mà ko có tiền, đoàn có mở lớp free ko", 1),
("Có lớp tin học văn phòng miễn phí cho thanh niên không?", "Lớp tin học văn phòng học bao nhiêu buổi?", 0),
("Cây đổ chắn đường thì báo ai?", "hôm qua bão làm cây to đổ ngang đường liên thôn, ko ai dọn, em phải báo cho ai ạ", 1),
("Cây đổ chắn đường thì báo ai?", "Cây đổ vào nhà dân thì có được bồi thường không?", 0),
("Người bị bệnh nặng có được trợ cấp không?", "mẹ em bị ung thư giai đoạn cuối, nhà khó khăn lắm, có được nhận tiền hỗ trợ gì không ạ", 1),
("Người bị bệnh nặng có được trợ cấp không?", "Người bị bệnh nặng khám ở tuyến trên cần giấy chuyển viện không?", 0),
("Hộ nghèo có được vay vốn làm ăn không?", "nhà em là hộ nghèo, muốn vay ít tiền nuôi bò thì có được vay không", 1),
("Hộ nghèo có được vay vốn làm ăn không?", "Hộ nghèo có được hỗ trợ tiền điện không?", 0),
("Bao giờ có kết quả xét học bổng?", "em nộp hồ sơ học bổng từ tháng trước mà chưa thấy gì, khi nào mới có kết quả ạ", 1),
("Bao giờ có kết quả xét học bổng?", "Học bổng được nhận bằng tiền mặt hay chuyển khoản?", 0),
("Đăng ký hiến máu ở đâu?", "mình muốn đi hiến máu lần đầu, không biết đăng kí ở chỗ nào", 1),
("Đăng ký hiến máu ở đâu?", "Hiến máu lần đầu có đau không?", 0),
]
with open(__import__('os').path.join(__import__('os').path.dirname(__import__('os').path.abspath(__file__)), '../../') + 'prompts/training/duplicates.jsonl','a') as f:
    for a,b,d in P: f.write(json.dumps({'a':a,'b':b,'duplicate':bool(d)}, ensure_ascii=False)+'\n')
print(len(P))
