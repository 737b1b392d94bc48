// Do two questions ask the same thing? Same subject AND same ask.
//
// Both texts are normalised, common synonyms and paraphrases are mapped to one concept token
// (bảo hiểm y tế = BHYT, sổ đỏ = giấy chứng nhận quyền sử dụng đất, nón = mũ bảo hiểm, …),
// and the question words are read as the kind of ask (when, where / to whom, how much, how
// long, how old, how / what, yes-no). Concepts are weighted by IDF (over the training
// questions) and by position: the clause holding the question words weighs most, its end
// most of all (a Vietnamese question ends on what it asks); context clauses weigh little.
// The score is the harmonic mean of each side's weighted coverage by the other, lowered when
// both sides end on something the other does not say, when the asks conflict, or when the two
// name different facets of one subject (the fine vs where to complain, cost vs safety), or when
// one side asks about a facet the other never mentions.
import { readFileSync } from "node:fs";
import { normalize } from "./normalize.ts";
import { TRAINING_FILE } from "./classifier.ts";

/** Tuned on prompts/training/duplicates.jsonl (own dev pairs), never on the held-out sets. */
export const DUPLICATE_THRESHOLD = 0.34;

/** Phrase (normalised words) → concept token(s). Longest match wins. */
const SYNONYMS: Record<string, string> = {
  // insurance and health
  "bao hiem y te": "bao_hiem y_te", bhyt: "bao_hiem y_te", "the bao hiem": "bao_hiem", "the bhyt": "bao_hiem y_te",
  "bao hiem xa hoi": "bao_hiem bhxh", bhxh: "bao_hiem bhxh", "bao hiem": "bao_hiem", "bao hiem that nghiep": "that_nghiep",
  "tro cap that nghiep": "that_nghiep", "mu bao hiem": "mu_bao_hiem", "non bao hiem": "mu_bao_hiem", "mu": "mu_bao_hiem",
  "y te": "y_te", "kham benh": "kham", "kham chua benh": "kham", "di kham": "kham", "kham": "kham",
  "khong dung tuyen": "trai_tuyen", "trai tuyen": "trai_tuyen", "vuot tuyen": "trai_tuyen",
  "benh man tinh": "man_tinh", "man tinh": "man_tinh", "tieu duong": "man_tinh", "cao huyet ap": "man_tinh",
  "lay thuoc": "thuoc", "cap thuoc": "thuoc", "thuoc": "thuoc", "dai ngay": "dai_ngay", "ca thang": "dai_ngay",
  "chi tra": "thanh_toan", "thanh toan": "thanh_toan", "tra tien": "thanh_toan",
  "luong huu": "luong_huu", "nguoi gia": "cao_tuoi", "nguoi cao tuoi": "cao_tuoi", "ong ba": "cao_tuoi",
  "ng gia": "cao_tuoi", "tro cap": "tro_cap", "huong tien": "tro_cap", "tien tro cap": "tro_cap", "lanh": "nhan",
  "nguoi khuyet tat": "khuyet_tat", "khuyet tat": "khuyet_tat",
  // papers and procedures
  "so do": "so_do", "so hong": "so_do", "giay chung nhan quyen su dung dat": "so_do", "giay chung nhan": "so_do",
  "can cuoc": "can_cuoc", "can cuoc cong dan": "can_cuoc", cccd: "can_cuoc", cmnd: "can_cuoc", "chung minh nhan dan": "can_cuoc",
  "giay to": "ho_so", "ho so": "ho_so", "thu tuc": "ho_so", "giay to gi": "ho_so", "chuan bi": "ho_so", "mang theo": "ho_so",
  "cap lai": "lam_lai", "lam lai": "lam_lai", "xin lai": "lam_lai", "sua": "lam_lai", "sua chua": "lam_lai", "thay the": "lam_lai", "thay moi": "lam_lai", "lam mat": "mat", "bi mat": "mat",
  "ly lich tu phap": "ly_lich_tu_phap", "dang ky ket hon": "ket_hon", "giay dang ky ket hon": "ket_hon", "ket hon": "ket_hon",
  "trinh bao": "bao", "to giac": "bao", "phan anh": "bao", "bao cho": "bao", "khieu nai": "bao", "kien": "bao",
  "co quan nao": "dau", "cho nao": "dau", "noi nao": "dau", "o dau": "dau",
  // money, loans, jobs
  "vay von": "vay_von", "vay tien": "vay_von", "goi vay": "vay_von", "vay uu dai": "vay_von uu_dai", "muon tien": "vay_von", "uu dai": "uu_dai",
  "ngan hang chinh sach": "nhcs", "ngan hang chinh sach xa hoi": "nhcs", nhcsxh: "nhcs",
  "the chap": "the_chap", "the chap so do": "the_chap", "tai san dam bao": "the_chap",
  "khoi nghiep": "khoi_nghiep", "lam an": "kinh_doanh", "kinh doanh": "kinh_doanh", "ban hang": "kinh_doanh",
  "tren mang": "online", "qua mang": "online", "truc tuyen": "online", online: "online",
  "nop thue": "thue", "dong thue": "thue", "thue": "thue",
  "hop tac xa": "htx", htx: "htx", "thanh vien": "thanh_vien", "it nhat": "toi_thieu", "toi thieu": "toi_thieu",
  "no luong": "no_luong", "khong tra luong": "no_luong", "cham luong": "no_luong", "tra luong cham": "no_luong",
  "xuat khau lao dong": "xkld", xkld: "xkld", "di lao dong": "xkld",
  "phien giao dich viec lam": "san_viec_lam", "san giao dich viec lam": "san_viec_lam", "ngay hoi viec lam": "san_viec_lam",
  "thu viec": "thu_viec", "lau nhat": "toi_da", "toi da": "toi_da",
  "mua vu": "thoi_vu", "thoi vu": "thoi_vu", "han quoc": "han", "han": "han", "nhat ban": "nhat", "nhat": "nhat",
  "xin viec": "viec_lam", "tim viec": "viec_lam", "viec lam": "viec_lam",
  // people and the Union
  "doan vien": "doan_vien", dv: "doan_vien", "vao doan": "ket_nap_doan", "ket nap doan": "ket_nap_doan",
  "vao dang": "ket_nap_dang", "ket nap dang": "ket_nap_dang", "ket nap vao dang": "ket_nap_dang",
  "lop cam tinh dang": "lop_dang", "lop nhan thuc ve dang": "lop_dang", "lop boi duong nhan thuc ve dang": "lop_dang",
  "lop doi tuong dang": "lop_dang", "dang vien chinh thuc": "chinh_thuc", "chuyen chinh thuc": "chinh_thuc", "chinh thuc": "chinh_thuc",
  "doan phi": "doan_phi", "so doan": "so_doan", "so doan vien": "so_doan", "sinh hoat doan": "sinh_hoat_doan",
  "chuyen sinh hoat doan": "chuyen_sinh_hoat", "chuyen sinh hoat": "chuyen_sinh_hoat",
  "hoi lien hiep thanh nien": "hoi_lhtn", "lien hiep thanh nien": "hoi_lhtn", "hoi lhtn": "hoi_lhtn",
  "thanh nien": "thanh_nien", tn: "thanh_nien", "sinh vien": "sinh_vien", "hoc sinh": "hoc_sinh",
  "cong chuc": "cong_chuc", "vien chuc": "vien_chuc", "thi tuyen": "thi", "thi do": "thi_do", "do cong chuc": "thi_do",
  "tap su": "tap_su", "con thuong binh": "con_thuong_binh", "cong diem": "uu_tien", "diem uu tien": "uu_tien", "uu tien": "uu_tien",
  "luan chuyen": "luan_chuyen", "co so": "xa", "xuong co so": "xa",
  // study
  "hoc phi": "hoc_phi", "dong hoc": "hoc_phi", "tien hoc": "hoc_phi", "mien hoc phi": "mien hoc_phi",
  "ho ngheo": "ngheo", "nha ngheo": "ngheo", "ngheo": "ngheo", "hoc bong": "hoc_bong", "hoc ba": "hoc_ba", "xet hoc ba": "hoc_ba",
  "dai hoc": "dai_hoc", "diem trung binh": "diem", "diem": "diem", "han chot": "han_nop", "nop ho so": "nop",
  // digital
  "dien thoai": "dien_thoai", smartphone: "dien_thoai", "dien thoai thong minh": "dien_thoai", dt: "dien_thoai",
  "ung dung": "app", app: "app", "cai dat": "cai_dat", "tai app": "cai_dat app", "tai ve": "cai_dat",
  "dich vu cong": "dvc", "cong dich vu cong": "dvc", "lam thu tuc online": "dvc online", "thu tuc online": "dvc online",
  "theo doi": "theo_doi", "xem": "theo_doi", "tra cuu": "theo_doi", "ket qua": "ket_qua", "den dau": "ket_qua",
  "dinh danh dien tu": "vneid", vneid: "vneid", "mat khau": "mat_khau", pass: "mat_khau", password: "mat_khau",
  "kich hoat": "kich_hoat", "bi khoa": "khoa", khoa: "khoa", "mo khoa": "mo_khoa", "mo lai": "mo_khoa",
  "ma qr": "qr", qr: "qr", "quet qr": "qr", "quet ma": "qr", "chuyen khoan": "chuyen_khoan", "chuyen tien": "chuyen_khoan",
  "lua dao": "an_toan", "bi lua": "an_toan", lua: "an_toan", "an toan": "an_toan", tiep: "lai", "to chuc": "", "dien ra": "",
  "xai": "dung", "su dung": "dung", "day": "huong_dan", "huong dan": "huong_dan",
  "chatbot": "bot", bot: "bot", "tra loi": "tra_loi", rep: "tra_loi", "phan hoi": "tra_loi", "nhan tin": "nhan_tin",
  "ban dem": "ngoai_gio", "ngoai gio hanh chinh": "ngoai_gio", "ngoai gio": "ngoai_gio", "nua dem": "ngoai_gio",
  "thu bay chu nhat": "cuoi_tuan", "cuoi tuan": "cuoi_tuan", "tieng dan toc": "tieng_dan_toc", "tieng tay": "tieng_dan_toc",
  "tieng thai": "tieng_dan_toc", "tieng anh": "tieng_anh",
  // everyday colloquial ↔ formal words
  "vo thon": "vao thon", "vo xom": "vao thon", "bi hu": "hong", "bi hong": "hong", coi: "theo_doi", kiem: "tim",
  "khac phuc": "lam_lai", "nang cap": "lam_lai", "cai tao": "lam_lai", "ba me": "bo_me", "bo me": "bo_me", "phu huynh": "bo_me",
  do: "do", "thi dau": "do", rot: "truot", truot: "truot", "thi truot": "truot", "thi rot": "truot",
  "con nit": "tre_em", "tui nho": "tre_em", "be": "tre_em", "non": "mu_bao_hiem",
  "nghi viec": "nghi_viec", "thoi viec": "nghi_viec", "bi duoi": "nghi_viec", "sa thai": "nghi_viec", "cho nghi": "nghi_viec",
  "tang ca": "tang_ca", "lam them gio": "tang_ca", "lam ngoai gio": "tang_ca",
  "mang thai": "mang_thai", "mang bau": "mang_thai", "co bau": "mang_thai", "sinh con": "sinh_con", "sinh de": "sinh_con",
  "benh vien": "benh_vien", vien: "benh_vien", "om dau": "om", "nghi om": "om", "bi om": "om", om: "om",
  "mien phi": "phi", free: "phi", "khong mat tien": "phi", "khong ton phi": "phi", "khong mat phi": "phi",
  "le phi": "phi", "chi phi": "phi", phi: "phi", ton: "phi", tien: "phi", gia: "phi", "gia dinh": "gia_dinh", "gia ca": "phi", "mat tien": "phi", "mat phi": "phi", "ton tien": "phi", "ton phi": "phi", "tra phi": "phi",
  "lai suat": "lai_suat", "lai vay": "lai_suat", "buon ban": "kinh_doanh", "mo shop": "kinh_doanh", "mo cua hang": "kinh_doanh",
  "kiem viec": "viec_lam", "doanh nghiep": "nha_may", "cong ty": "nha_may", "xi nghiep": "nha_may",
  xuong: "nha_may", "chu xuong": "nha_may", "chu cong ty": "nha_may", "chu doanh nghiep": "nha_may", "tien ho tro": "tro_cap", "ho tro tien": "tro_cap", "giup do": "ho_tro", "ho tro": "ho_tro",
  "khoi phuc": "lay_lai", "lay lai": "lay_lai", "quen": "quen", "chiem doat": "hack", hack: "hack", nick: "tai_khoan",
  "tai khoan": "tai_khoan", tk: "tai_khoan", "nop tien": "dong_tien", "dong tien": "dong_tien",
  "co quan chuc nang": "cong_an", "cong an": "cong_an", "kien nghi": "bao", "phan anh voi": "bao", "bao voi": "bao",
  "hoi": "mui", "boc mui": "mui", "mui hoi": "mui", "o nhiem mui": "mui", "thu gom": "don_dep", "cho di": "don_dep",
  "tnv": "tinh_nguyen", "da bong": "bong_da", "bong da": "bong_da", "da banh": "bong_da",
  "dem nhac": "van_nghe", "ca nhac": "van_nghe", "van nghe": "van_nghe", "tap": "sinh_hoat", "sinh hoat": "sinh_hoat",
  "tuyen": "tuyen", "nhan": "nhan", "giay": "ho_so", "mau don": "ho_so",
  "may tinh": "may_tinh", laptop: "may_tinh", internet: "mang", wifi: "mang", "song": "mang", "mang": "mang",
  "thai san": "thai_san", "nghi sinh": "thai_san", "nghi de": "thai_san", "che do thai san": "thai_san",
  "san da banh": "san_bong", "ghi ta": "guitar", guitar: "guitar", "ca phe": "cafe", cafe: "cafe",
  coffee: "cafe", facebook: "facebook", fb: "facebook", chiem: "hack", "chiem mat": "hack", "biet diem": "ket_qua",
  "diem thi": "ket_qua", "co diem": "ket_qua", "tien coc": "dat_coc", "dat coc": "dat_coc", coc: "dat_coc",
  "ngay nao trong tuan": "thu_may", "thu may": "thu_may",
  // question words already read as the ask (when, how long, how much): not part of the subject
  "bao nhieu tien": "", "may tien": "", "het bao nhieu tien": "", "la bao nhieu tien": "",
  // paying an amount is the same ask as "how much money": "đóng bao nhiêu", "nộp bao nhiêu tiền"
  "dong bao nhieu tien": "", "nop bao nhieu tien": "", "tra bao nhieu tien": "", "dong bao nhieu": "", "nop bao nhieu": "",
  "tra bao nhieu": "", "phai dong": "", "phai nop": "", "phai tra": "",
  "ngay nao": "", "hom nao": "", "luc nao": "", "thang nao": "", "ngay may": "", "thang may": "", "may ngay": "",
  "may thang": "", "may nam": "", "may tuan": "", "bao nhieu ngay": "", "bao nhieu thang": "", "bao nhieu nam": "",
  "thoi han": "", "bao lau": "", "mat bao lau": "", "khi nao": "", "bao gio": "",
  // time modifiers that do not change the ask
  "hang thang": "", "moi thang": "", "1 thang": "", "mot thang": "", "hang nam": "", "moi nam": "", "nam nay": "",
  "hien nay": "", "hom nay": "", "thang nay": "", "bay gio": "", "gio": "", "hien tai": "",
  "lan dau": "lan_dau", "dau tien": "lan_dau", "word": "tin_hoc", excel: "tin_hoc", "tin hoc van phong": "tin_hoc",
  "tin hoc": "tin_hoc", "ung thu": "benh_nang", "benh nang": "benh_nang", "benh hiem ngheo": "benh_nang",
  "cay do": "cay_do", "cay to do": "cay_do", "chan duong": "duong",
  // environment, places
  "nuoc sach": "nuoc_sach", "nuoc may": "nuoc_sach", "den duong": "den_duong", "den chieu sang": "den_duong",
  "duong lang": "duong", "duong vao thon": "duong", "duong vo thon": "duong",
  "nuoc thai": "xa_thai", "xa thai": "xa_thai", "xa nuoc thai": "xa_thai", "ca chet": "ca_chet", "nha may": "nha_may", cty: "nha_may",
  "rom ra": "rom", rom: "rom", "bai rac": "rac", "dong rac": "rac", rac: "rac", "don": "don_dep", "don dep": "don_dep",
  "san choi": "san_choi", "khu vui choi": "san_choi", "san bong": "san_bong", "san da bong": "san_bong", "san bong da": "san_bong",
  "thieu nhi": "tre_em", "tre em": "tre_em", "tre nho": "tre_em",
  "karaoke": "karaoke", "hat karaoke": "karaoke", "mo karaoke": "karaoke", "qua khuya": "khuya", "khuya": "khuya",
  "nha ben canh": "hang_xom", "hang xom": "hang_xom", "xin phep": "xin_phep", "giay phep": "xin_phep", "xin giay phep": "xin_phep",
  // volunteering
  "hien mau": "hien_mau", "mua he xanh": "mhx", mhx: "mhx", "tinh nguyen vien": "tinh_nguyen", "tinh nguyen": "tinh_nguyen",
  "cau lac bo": "clb", clb: "clb", "nha van hoa": "nha_van_hoa", "dang ky": "dang_ky", "dang ki": "dang_ky", "tham gia": "dang_ky",
  "xe may": "xe_may", "chay xe": "xe_may", "lai xe": "xe_may", "phat": "phat", "bi phat": "phat", "xu phat": "phat", "vi pham": "phat",
  "xay nha": "xay_nha", "dat ruong": "dat_nong_nghiep", "dat nong nghiep": "dat_nong_nghiep", "dat trong lua": "dat_nong_nghiep",
  "tuoi": "tuoi", "do tuoi": "tuoi",
  // more everyday paraphrases (dev pairs batch 4)
  "cam so do": "the_chap", "cam co": "the_chap", "cam do": "the_chap",
  "ca cuoc": "co_bac", "ca do": "co_bac", "danh bac": "co_bac", "co bac": "co_bac", "danh bai": "co_bac", "bai bac": "co_bac",
  "bi bat": "phat", "bi xu ly": "phat", "bi cong an xu ly": "phat", "bi bat giu": "phat", "bi tu": "phat", "di tu": "phat",
  "bang lai": "bang_lai", "bang lai xe": "bang_lai", "giay phep lai xe": "bang_lai", gplx: "bang_lai",
  "that nghiep": "that_nghiep", "tien that nghiep": "that_nghiep",
  "cho vay": "vay_von", "duoc vay": "vay_von", "muc vay": "vay_von", "muc cho vay": "vay_von",
  "dau ra": "dau_ra", "tieu thu": "dau_ra", "bao tieu": "dau_ra", "cho tieu thu": "dau_ra", "noi tieu thu": "dau_ra",
  "cong tac": "lam_viec", "lam viec": "lam_viec", "ve que": "ve_que", "ve tinh": "ve_que", "ve dia phuong": "ve_que",
  "chinh sach uu dai": "ho_tro", "chinh sach ho tro": "ho_tro",
  "nha nuoc cho": "tro_cap", "nha nuoc ho tro": "tro_cap", "vien phi": "thanh_toan", "sap sinh": "sinh_con",
  "dau ra san pham": "dau_ra", "tien an": "tien_an", "an uong": "tien_an", "chi phi an o": "tien_an",
  "cao hoc": "thac_si", "thac si": "thac_si", "gia han": "gia_han", "mua tiep": "gia_han",
  "het han": "het_han", "han cuoi": "", "han nop": "", "den khi nao": "", "nop phat": "phat", "dong phat": "phat",
  "nhan them": "tuyen", "tuyen them": "tuyen", "tuyen dung": "tuyen", "dang nhap": "dang_nhap", login: "dang_nhap",
  "bao loi": "loi", "bi loi": "loi", "chu ky so": "chu_ky_so", "cap doi": "lam_lai",
  "dieu kien": "dieu_kien", "tieu chuan": "dieu_kien", "yeu cau": "dieu_kien", "tieu chi": "dieu_kien",
  "phai tra tien": "phi", "co phai tra": "phi", "tien xe": "di_lai", "tien di lai": "di_lai", "di lai": "di_lai",
  "dieu di": "luan_chuyen", "dieu dong": "luan_chuyen", "khai mac": "bat_dau", "bat dau": "bat_dau", "khai giang": "bat_dau",
  "ma tuy": "ma_tuy", "ma tuy da": "ma_tuy", "hang da": "ma_tuy", "danh gia nang luc": "dgnl",
  "nuoc gieng": "nuoc_sach", "ho tro tien an": "ho_tro tien_an", "boi duong": "boi_duong", "chien dich": "",
  "chien dich mua he xanh": "mhx", xom: "thon", "khom ap": "thon", lang: "thon", "khu pho": "thon", "to dan pho": "thon", "don rac": "don_dep rac",
};

/** Weight of the first and last content word of a question. */
const POSITION_LOW = 0.2;
const POSITION_HIGH = 2;

const TAIL_PENALTY = 0.5;
/** Weight of the concepts of clauses around the one that asks. */
const CONTEXT_WEIGHT = 0.4;
const FACET_CONFLICT = 0.7;
/** One side asks about a facet (cost, penalty, pay…) that the other never mentions. */
const FACET_ONE_SIDED = 0.65;
/** Facets that, asked about on one side only, make a different question (not just extra detail). */
const ONE_SIDED_FACETS = new Set(["cost", "penalty", "papers"]);
const ASK_CONFLICT = 0.4;
const ASK_ONE_SIDED = 0.5;
const ASK_HOW_VS_YESNO = 0.6;

/** Question words that ask for an amount of money. */
const MONEY_ASK = /\b(bao nhieu|may|het bao nhieu|la bao nhieu) tien\b|\bchi phi\b|\bgia bao nhieu\b|\b(dong|nop|tra) bao nhieu\b/;

/** Question words → the kind of ask. Matched on the normalised text. */
const ASKS: [RegExp, Ask][] = [
  [/\b(may|bao nhieu|\d+) tuoi\b|\bdo tuoi\b|\btu may tuoi\b/, "age"],
  [/\bbao lau\b|\bmay (ngay|thang|nam|tuan|buoi)\b|\bbao nhieu (ngay|thang|nam|tuan|buoi)\b|\bmat bao lau\b|\bthoi han\b|\bthoi gian tap su\b/, "duration"],
  [/\bkhi nao\b|\bbao gio\b|\bngay nao\b|\bhom nao\b|\bluc nao\b|\bhan (chot|cuoi|nop)\b|\bngay may\b|\bthang may\b|\bden khi nao\b|\bmay gio\b/, "when"],
  [/\b(trang|web|website|app|ung dung) nao\b|\bo dau\b|\bcho nao\b|\bnoi nao\b|\bdau\b$|\b(bao|hoi|voi|cho) ai\b|\bco quan nao\b|\bai (sua|don|xu ly|giai quyet)\b|\bnop .*\bo\b/, "where"],
  [/\bbao nhieu (tien|trieu|phan tram)\b|\bmay tien\b|\bchi phi\b|\bgia bao nhieu\b|\bmuc (luong|tro cap|phat|dong)\b|\bhet bao nhieu\b|\bbao nhieu\b|\bgia nhieu\b|\bgia ca\b/, "quantity"],
  [/\bthe nao\b|\bra sao\b|\blam sao\b|\bcach\b|\bhuong dan\b|\blam gi\b|\b(gi|nao)$|\bnhung gi\b|\bdiem nao\b|\bmuc nao\b/, "how"],
  [/\bco\b.*\b(khong|chua)$|\b(duoc|phai|khong) (khong|chua)$|\b(khong|chua)$|\bco\b.*\b(khong|chua) hay\b/, "yesno"],
];
type Ask = "age" | "duration" | "when" | "where" | "quantity" | "how" | "yesno";
/** Asks that say how to answer rather than what is asked about. */
const SOFT_ASKS = new Set<Ask>(["how", "yesno"]);

/** Words that carry neither subject nor ask. */
const FILLER = new Set(
  (
    "a anh chi em minh ban toi tui chung ta xin hoi cho oi nhe nha nhi thi la ma va voi cua o tai de co khong duoc roi " +
    "nao gi sao nhu the nay do kia ay nhung cac mot cai con da dang se vua moi cung van rat lam qua hay hoac neu khi " +
    "tu den ra vao len xuong ve day vay dau ai bao nhieu may gio lau cach huong_dan muon can phai nen biet hien nay " +
    "nam nay hom truoc ha u oi k ko chua het khoang la duoc minh nguoi bi di lam sao ra the nao nua ban dinh giup " +
    "vui long dum bao_gio khi_nao xong nua"
  ).split(" "),
);

const VAY_FILLER_PREV = new Set(["sao", "nao", "gi", "the", "roi", "ai", "dau", "khong", "chua", "la", "nhu", "nhieu", "tien"]);
/** Words after which "vay" is "vậy" too: particles and the people addressed ("… vậy ạ", "… vậy ad"). */
const VAY_FILLER_NEXT = new Set(["a", "ad", "admin", "moi", "mn", "anh", "chi", "em", "ban", "nhi", "nhe", "ha", "oi"]);
/** Particles and forms of address that close a question after its question words ("… không ạ", "… ở đâu vậy ad"). */
const TRAILING = new Set(["a", "ad", "admin", "vay", "nhi", "nhe", "nha", "ha", "oi", "moi", "nguoi", "anh", "chi", "em", "ban", "ta", "the", "day"]);

/** A normalised clause without the particles that close it, for reading its question words. */
function askForm(clause: string): string {
  const words = clause.split(" ");
  let end = words.length;
  while (end > 1 && TRAILING.has(words[end - 1]!)) end--;
  return words.slice(0, end).join(" ");
}

let phraseMax = 1;
/**
 * Everyday paraphrases (formal word ↔ what young people type), general rather than tied to
 * any question. Entries of SYNONYMS win when both name a phrase.
 */
const PARAPHRASES: Record<string, string> = {
  // work
  "tang ca": "tang_ca", "lam them gio": "tang_ca", "lam them": "tang_ca", "lam ngoai gio": "tang_ca",
  "gap doi": "gap_doi", "gap 2": "gap_doi", "x2": "gap_doi", "nhan doi": "gap_doi",
  "nghi viec": "nghi_viec", "thoi viec": "nghi_viec", "xin nghi lam": "nghi_viec", "nghi lam": "nghi_viec", "bo viec": "nghi_viec",
  "bao truoc": "bao_truoc", "noi truoc": "bao_truoc", "thong bao truoc": "bao_truoc", "xin truoc": "bao_truoc",
  cty: "cong_ty", "cong ty": "cong_ty", "doanh nghiep": "cong_ty", "noi lam": "cong_ty", "cho lam": "cong_ty",
  "thu viec": "thu_viec", "tap su": "thu_viec",
  xkld: "xkld", "xuat khau lao dong": "xkld", "di lam nuoc ngoai": "xkld", "lao dong nuoc ngoai": "xkld", eps: "xkld",
  "tieng han": "tieng_han", topik: "tieng_han", "tieng nhat": "tieng_nhat", jlpt: "tieng_nhat",
  "han quoc": "han_quoc", "nhat ban": "nhat_ban",
  "gioi thieu viec lam": "viec_lam", "tim viec": "viec_lam", "kiem viec": "viec_lam", "xin viec": "viec_lam", "viec lam": "viec_lam",
  "hoc nghe": "hoc_nghe", "lop nghe": "hoc_nghe", "trung tam nghe": "hoc_nghe", "dao tao nghe": "hoc_nghe",
  // money and support
  "ho ngheo": "ho_ngheo", "nha ngheo": "ho_ngheo", "nguoi ngheo": "ho_ngheo", "gia dinh ngheo": "ho_ngheo", "can ngheo": "ho_ngheo",
  "vay von": "vay_von", "vay tien": "vay_von", "muon vay": "vay_von", "cho vay": "vay_von", "muc vay": "vay_von", "muc cho vay": "vay_von",
  "lam an": "kinh_doanh", "kinh doanh": "kinh_doanh", "buon ban": "kinh_doanh", "mo quan": "kinh_doanh", "mo tiem": "kinh_doanh",
  "quan an": "quan_an", "quan com": "quan_an", "ban com": "quan_an",
  "giay phep": "giay_to", "giay to": "giay_to", "thu tuc": "giay_to", "ho so": "ho_so",
  "tien xe": "di_lai", "tien di lai": "di_lai", "chi phi di lai": "di_lai", "di lai": "di_lai",
  "tien an": "an_uong", "an uong": "an_uong", "tu tuc": "an_uong", "bao an": "an_uong",
  "mien phi": "mien_phi", "khong mat tien": "mien_phi", "khong ton tien": "mien_phi", "free": "mien_phi",
  "kinh phi": "chi_phi", "tien hoc": "hoc_phi", "hoc phi": "hoc_phi", "vien phi": "vien_phi", "tien kham": "vien_phi",
  // study
  "cao hoc": "thac_si", "thac si": "thac_si", "thac sy": "thac_si",
  dgnl: "dgnl", "danh gia nang luc": "dgnl",
  startup: "khoi_nghiep", "khoi nghiep": "khoi_nghiep", "y tuong kinh doanh": "khoi_nghiep",
  htx: "htx", "hop tac xa": "htx", "to hop tac": "htx",
  clb: "clb", "cau lac bo": "clb", "doi nhom": "clb",
  // places and infrastructure (single syllables that collide once accents are gone — lúa/lừa, ớt, quà/quá — are left out)
  "den giao thong": "den_giao_thong", "den tin hieu": "den_giao_thong", "den xanh den do": "den_giao_thong", "den xanh do": "den_giao_thong",
  "den duong": "den_duong", "den chieu sang": "den_duong", "den dien": "den_duong",
  "hu hong": "hong", "bi hu": "hong", "bi hong": "hong",
  "da banh": "bong_da", "da bong": "bong_da", "bong da": "bong_da", "da ball": "bong_da",
  "cong thoat nuoc": "cong_nuoc", "cong nuoc": "cong_nuoc", "muong": "cong_nuoc", "nghet": "tac", "bi tac": "tac",
  "o nhiem": "o_nhiem", "boc mui": "o_nhiem", "hoi thoi": "o_nhiem", "nuoc den": "o_nhiem", "ca chet": "o_nhiem",
  // safety and law
  "ma tuy": "ma_tuy", "hang da": "ma_tuy", "thuoc lac": "ma_tuy", "chich hut": "ma_tuy",
  "lua dao": "lua_dao", "bi lua": "lua_dao", "scam": "lua_dao",
  "mua hang online": "mua_online", "dat hang tren mang": "mua_online", "mua online": "mua_online", "mua tren mang": "mua_online",
  "doc than": "hon_nhan", "tinh trang hon nhan": "hon_nhan", "xac nhan hon nhan": "hon_nhan",
  // people and age
  "nguoi cao tuoi": "cao_tuoi", "nguoi gia": "cao_tuoi", "ong ba": "cao_tuoi", "ong noi": "cao_tuoi", "ba noi": "cao_tuoi",
  "ong ngoai": "cao_tuoi", "ba ngoai": "cao_tuoi",
  "gioi han tuoi": "gioi_han_tuoi", "qua tuoi": "gioi_han_tuoi", "tuoi toi da": "gioi_han_tuoi", "con duoc thi": "gioi_han_tuoi",
  "can nang": "can_nang", kg: "can_nang", "du can": "can_nang",
  // the Union
  "chuyen sinh hoat doan": "chuyen_doan", "rut so doan": "chuyen_doan", "chuyen doan": "chuyen_doan", "so doan": "so_doan",
  "boi duong": "qua",
};

const phraseMap = new Map<string, string[]>();
for (const [k, v] of Object.entries(PARAPHRASES)) {
  if (Object.hasOwn(SYNONYMS, k)) continue;
  const key = normalize(k);
  phraseMap.set(key, v.split(" ").filter(Boolean));
  phraseMax = Math.max(phraseMax, key.split(" ").length);
}
for (const [k, v] of Object.entries(SYNONYMS)) {
  const key = normalize(k);
  phraseMap.set(key, v.split(" ").filter(Boolean));
  phraseMax = Math.max(phraseMax, key.split(" ").length);
}

/**
 * What a question is about beyond its subject, read from content concepts: two questions on
 * one subject that name different facets (the fine vs where to complain, cost vs safety) ask
 * different things.
 */
const FACETS: Record<string, string> = {
  phat: "penalty", phi: "cost", gia: "cost", hoc_phi: "cost", dong_tien: "cost", ho_so: "papers", dieu_kien: "conditions",
  an_toan: "safety",
  xin_phep: "permit", luong: "pay", thu: "pay", nhap: "pay", tro_cap: "pay", dang_ky: "register", ket_qua: "result",
  giai: "prize", thuong: "prize", bao: "report", lay_lai: "recover", hoan: "recover", boi: "compensation",
  lai_suat: "interest", the_chap: "collateral", mon: "subjects", chi_tieu: "quota", uu_tien: "priority",
};

interface Parsed {
  /** Concept → weight of its position (the ask sits at the end of a Vietnamese question). */
  concepts: Map<string, number>;
  asks: Set<Ask>;
  facets: Set<string>;
  /** Facets named in the ask itself (the weighty tail of the asking clause). */
  tailFacets: Set<string>;
}

/** Concept tokens of a normalised text: longest synonym phrases first, filler dropped. */
function concepts(norm: string): string[] {
  const words = norm.split(" ").filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(phraseMax, words.length - i); n >= 1; n--) {
      const mapped = phraseMap.get(words.slice(i, i + n).join(" "));
      if (mapped) {
        out.push(...mapped);
        matched = n;
        break;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    const w = words[i]!;
    // "vay" is "vậy" (so) closing a question, "vay" (borrow) elsewhere.
    if (w === "vay")
      out.push(i === words.length - 1 || VAY_FILLER_PREV.has(words[i - 1] ?? "") || VAY_FILLER_NEXT.has(words[i + 1] ?? "") ? "vay" : "vay_von");
    else out.push(w);
    i++;
  }
  return out.filter((w) => !FILLER.has(w));
}

function parse(text: string): Parsed {
  // Clauses: the one holding the question words carries the ask; context around it weighs less.
  const clauses = text
    .split(/[.?!;,\n]+/)
    .map((c) => normalize(c))
    .filter(Boolean);
  const asks = new Set<Ask>();
  let askClause = clauses.length - 1;
  clauses.forEach((c, i) => {
    let any = false;
    const q = askForm(c);
    for (const [re, ask] of ASKS) {
      if (re.test(q)) {
        asks.add(ask);
        any = true;
      }
    }
    if (any) askClause = i;
  });
  // "bao nhiêu tuổi / bao lâu" already named the quantity precisely.
  if (asks.has("age") || asks.has("duration")) asks.delete("quantity");
  const positioned = new Map<string, number>();
  const all: string[] = [];
  clauses.forEach((clause, k) => {
    const list = concepts(clause);
    all.push(...list);
    list.forEach((c, i) => {
      const p = list.length > 1 ? i / (list.length - 1) : 1;
      const w = k === askClause ? POSITION_LOW + (POSITION_HIGH - POSITION_LOW) * p : CONTEXT_WEIGHT;
      positioned.set(c, Math.max(positioned.get(c) ?? 0, w));
    });
  });
  const facets = new Set<string>();
  for (const c of all) {
    const f = Object.hasOwn(FACETS, c) ? FACETS[c] : undefined;
    if (f) facets.add(f);
  }
  // asking "how much money" is asking about the cost, even with no cost word left in the subject
  if (clauses.some((c) => MONEY_ASK.test(c))) facets.add("cost");
  const tailFacets = new Set<string>();
  const mid = (POSITION_LOW + POSITION_HIGH) / 2;
  for (const [c, w] of positioned) {
    const f = Object.hasOwn(FACETS, c) ? FACETS[c] : undefined;
    if (f && w >= mid && ONE_SIDED_FACETS.has(f)) tailFacets.add(f);
  }
  return { concepts: positioned, asks, facets, tailFacets };
}

let idfTable: Map<string, number> | null = null;
let idfDefault = 1;

/** Inverse document frequency of concepts over the shipped training questions. */
function idf(): Map<string, number> {
  if (idfTable) return idfTable;
  const df = new Map<string, number>();
  let n = 0;
  try {
    for (const line of readFileSync(TRAINING_FILE, "utf8").split("\n")) {
      if (!line.trim()) continue;
      n++;
      const { text } = JSON.parse(line) as { text: string };
      for (const c of new Set(concepts(normalize(text)))) df.set(c, (df.get(c) ?? 0) + 1);
    }
  } catch {
    // No corpus: every concept weighs the same.
  }
  idfTable = new Map();
  for (const [c, k] of df) idfTable.set(c, Math.log((n + 1) / (k + 0.5)));
  idfDefault = Math.log((n + 1) / 0.5);
  return idfTable;
}

function weight(c: string): number {
  const w = idf().get(c) ?? idfDefault;
  // Numbers ("15", "2") say little about the subject.
  return /^\d+$/.test(c) ? 0.5 : Math.max(0.3, w);
}

function trigrams(w: string): Set<string> {
  const p = ` ${w} `;
  const s = new Set<string>();
  for (let i = 0; i + 3 <= p.length; i++) s.add(p.slice(i, i + 3));
  return s;
}

/** How well a concept is matched by the other side: exact, or a near spelling (typo). */
function matchOf(c: string, other: Set<string>): number {
  if (other.has(c)) return 1;
  if (c.length < 4) return 0;
  const a = trigrams(c);
  let best = 0;
  for (const o of other) {
    if (o.length < 4) continue;
    const b = trigrams(o);
    let inter = 0;
    for (const g of a) if (b.has(g)) inter++;
    const dice = (2 * inter) / (a.size + b.size);
    if (dice > best) best = dice;
  }
  return best >= 0.6 ? best * 0.8 : 0;
}

/** Share of a side's content matched by the other, and share of its tail (the ask) left unmatched. */
function coverage(a: Map<string, number>, b: Map<string, number>): { cov: number; tailMiss: number } {
  let total = 0;
  let got = 0;
  let tailTotal = 0;
  let tailMiss = 0;
  const other = new Set(b.keys());
  const mid = (POSITION_LOW + POSITION_HIGH) / 2;
  for (const [c, pos] of a) {
    const w = weight(c) * pos;
    const m = matchOf(c, other);
    total += w;
    got += w * m;
    if (pos >= mid) {
      tailTotal += w;
      tailMiss += w * (1 - m);
    }
  }
  return { cov: total ? got / total : 0, tailMiss: tailTotal ? tailMiss / tailTotal : 0 };
}

/** How much the two asks agree: 1 same or compatible, lower when they ask different things. */
function askAgreement(a: Set<Ask>, b: Set<Ask>): number {
  const hardA = [...a].filter((x) => !SOFT_ASKS.has(x));
  const hardB = [...b].filter((x) => !SOFT_ASKS.has(x));
  if (hardA.length && hardB.length) return hardA.some((x) => b.has(x)) ? 1 : ASK_CONFLICT;
  if (hardA.length || hardB.length) return ASK_ONE_SIDED;
  // Neither names a precise ask: "how / what" against a plain yes-or-no question.
  const howA = a.has("how");
  const howB = b.has("how");
  return howA !== howB && (a.has("yesno") || b.has("yesno")) ? ASK_HOW_VS_YESNO : 1;
}

/** Similarity score in [0,1]. */
export function similarity(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa.concepts.size || !pb.concepts.size) return 0;
  const { cov: ca, tailMiss: ta } = coverage(pa.concepts, pb.concepts);
  const { cov: cb, tailMiss: tb } = coverage(pb.concepts, pa.concepts);
  if (ca + cb === 0) return 0;
  const f = (2 * ca * cb) / (ca + cb);
  // Both sides end on something the other does not say: same subject, different asks.
  const divergence = 1 - TAIL_PENALTY * Math.min(ta, tb);
  const facetAgreement = pa.facets.size && pb.facets.size && ![...pa.facets].some((x) => pb.facets.has(x)) ? FACET_CONFLICT : 1;
  // "Where do I make a birth certificate?" vs "does it cost anything?": one side asks about a facet
  // the other never mentions.
  const oneSided =
    [...pa.tailFacets].some((x) => !pb.facets.has(x)) || [...pb.tailFacets].some((x) => !pa.facets.has(x)) ? FACET_ONE_SIDED : 1;
  return Math.max(0, Math.min(1, oneSided * f * divergence * askAgreement(pa.asks, pb.asks) * facetAgreement));
}

/** Whether two questions ask the same thing, with the score behind the decision. */
export function isDuplicate(a: string, b: string): { duplicate: boolean; score: number } {
  const score = Math.round(similarity(a, b) * 1000) / 1000;
  return { duplicate: score >= DUPLICATE_THRESHOLD, score };
}
