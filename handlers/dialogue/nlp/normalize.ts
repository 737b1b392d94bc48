// Text normalisation for the offline NLP of the dialogue Q&A: accent-insensitive, teen-code
// tolerant. Everything downstream (classifier, duplicate detection, search) works on this form.

/** Stripped-accent form of a word typed in teen code or with a frequent typo → its plain form. */
const EXPAND: Record<string, string> = {
  // không
  ko: "khong", k: "khong", kh: "khong", khg: "khong", kg: "khong", hk: "khong", hok: "khong", hong: "khong",
  hem: "khong", khum: "khong", khoong: "khong", khonng: "khong", k0: "khong", khog: "khong", hum: "khong",
  kung: "khong", hog: "khong", khn: "khong", ko0: "khong",
  // được
  dc: "duoc", dk: "duoc", dduoc: "duoc", dcj: "duoc", dx: "duoc", duowc: "duoc", dcc: "duoc", duocj: "duoc",
  // gì, giờ, bao nhiêu
  j: "gi", ji: "gi", gj: "gi", bh: "bao gio", bgio: "bao gio", bjo: "bao gio", bg: "bao gio",
  bnhieu: "bao nhieu", bnh: "bao nhieu", baonhieu: "bao nhieu",
  // pronouns
  mk: "minh", mik: "minh", mjk: "minh", mh: "minh", mjnh: "minh", e: "em", a: "anh", bn: "ban", b: "ban",
  mn: "moi nguoi", mng: "moi nguoi", mnguoi: "moi nguoi", ng: "nguoi", ngta: "nguoi ta", ae: "anh em",
  ace: "anh chi em", ad: "admin", vk: "vo", bme: "bo me",
  // frequent words and abbreviations
  ntn: "nhu the nao", sv: "sinh vien", tn: "thanh nien", hs: "hoc sinh", hsinh: "hoc sinh", gv: "giao vien",
  vs: "voi", z: "vay", v: "vay", zay: "vay", dzay: "vay", r: "roi", rui: "roi", oy: "roi", roy: "roi",
  cx: "cung", cg: "cung", cug: "cung", ns: "noi", nc: "nuoc", dv: "doan vien",
  trc: "truoc", ms: "moi", bt: "biet", bik: "biet", bit: "biet", pit: "biet", bjt: "biet", lm: "lam",
  mun: "muon", mog: "mong", nhiu: "nhieu", iu: "yeu", wa: "qua", qa: "qua", hc: "hoc",
  hnay: "hom nay", hqua: "hom qua", nma: "nhung ma", nhma: "nhung ma", nhg: "nhung", vd: "vi du",
  cty: "cong ty", dt: "dien thoai", dthoai: "dien thoai", sdt: "so dien thoai", stk: "so tai khoan",
  tk: "tai khoan", ib: "nhan tin", inbox: "nhan tin", ntin: "nhan tin", dh: "dai hoc", cd: "cao dang",
  xkld: "xuat khau lao dong", dkkd: "dang ky kinh doanh", dvc: "dich vu cong", dvctt: "dich vu cong truc tuyen",
  dag: "dang", dg: "dang", ddang: "dang", lun: "luon", hoy: "thoi", thui: "thoi",
  ak: "a", ah: "a", uk: "u", uh: "u", oke: "ok", okie: "ok", thik: "thich", tl: "tra loi", trl: "tra loi",
  rep: "tra loi", lquan: "lien quan", qd: "quy dinh", tp: "thanh pho", gd: "gia dinh", ctrinh: "chuong trinh",
  sh: "sinh hoat", shcd: "sinh hoat chi doan", bch: "ban chap hanh", btv: "ban thuong vu", bthu: "bi thu",
  ttn: "thanh thieu nien", cb: "can bo", cbo: "can bo", tnvn: "thanh nien viet nam",
  lhtn: "lien hiep thanh nien", hlhtn: "hoi lien hiep thanh nien", tnxp: "thanh nien xung phong",
  tntn: "thanh nien tinh nguyen", mhx: "mua he xanh", nhcs: "ngan hang chinh sach",
  nhcsxh: "ngan hang chinh sach xa hoi", cntt: "cong nghe thong tin", ctv: "cong tac vien",
  tgian: "thoi gian", tg: "thoi gian", ktx: "ky tuc xa", hsg: "hoc sinh gioi", nvqs: "nghia vu quan su",
};

/** Multi-word corrections applied on the stripped, expanded text (word boundaries). */
const PHRASES: [string, RegExp, string][] = [
  ["bao nhiu", /\bbao nhiu\b/g, "bao nhieu"],
  ["thanh nein", /\bthanh nein\b/g, "thanh nien"],
  ["than nien", /\bthan nien\b/g, "thanh nien"],
  ["bao hiem xa hoi", /\bbao hiem xa hoi\b/g, "bhxh"],
  ["bao hiem y te", /\bbao hiem y te\b/g, "bhyt"],
];

/** Words after which "bn" means "bao nhiêu" rather than "bạn". */
const BN_QUANTITY_NEXT = new Set([
  "tien", "tuoi", "ngay", "thang", "nam", "lau", "nguoi", "lan", "gio", "phut", "trieu", "nghin", "dong", "diem",
  "buoi", "km", "m2", "phan", "%", "so", "muc", "kg", "cai", "con", "hop", "thu",
]);

/** Sentence-closing particles: "đóng bn vậy ạ" asks "how much", "bạn vậy" makes no sense. */
const BN_CLOSING_NEXT = new Set(["vay", "v", "z", "a", "ah", "ha", "the", "nhi", "day", "ta"]);
/** Verbs after which "bn" is an amount: "đóng bn", "mất bn", "hết bn", "là bn", "giá bn", "nộp bn", "trả bn". */
const BN_QUANTITY_PREV = new Set(["mat", "het", "la", "dong", "nop", "tra", "gia", "ton", "duoc", "co"]);

/** Words before which a dangling "a" is the polite particle "ạ", not "anh". */
const PARTICLE_A_PREV = new Set(["khong", "duoc", "roi", "vay", "nao", "gi", "nhe", "voi", "a", "u", "di", "nhi", "sao", "chua", "dau", "nhieu", "khong?"]);

const COMBINING = /[\u0300-\u036f]/g;

/** Lower case, NFC, accents stripped (đ → d). Keeps punctuation. */
export function stripAccents(text: string): string {
  return text.normalize("NFC").toLowerCase().normalize("NFD").replace(COMBINING, "").replace(/đ/g, "d").normalize("NFC");
}

/** Context-free part of the word fixes, memoised (the same words come back all the time). */
const fixed = new Map<string, string>();
const FIXED_MAX = 200_000;

function fixPlain(w: string): string {
  const hit = fixed.get(w);
  if (hit !== undefined) return hit;
  let out = Object.hasOwn(EXPAND, w) ? EXPAND[w] : undefined;
  if (out === undefined) {
    out = w;
    // Letters repeated for emphasis ("khongggg", "diiii"): Vietnamese never triples a letter.
    if (/(.)\1\1/.test(w)) {
      const collapsed = w.replace(/(.)\1{2,}/g, "$1");
      out = Object.hasOwn(EXPAND, collapsed) ? EXPAND[collapsed]! : collapsed;
    } else if (/^[fjw][a-z]/.test(w) && !/\d/.test(w)) {
      // Latin letters Vietnamese does not use, as youth type them: f→ph, j→gi, w→qu ("fai", "jup", "wen").
      out = (w[0] === "f" ? "ph" : w[0] === "j" ? "gi" : "qu") + w.slice(1);
    }
  }
  if (fixed.size >= FIXED_MAX) fixed.clear();
  fixed.set(w, out);
  return out;
}

function fixWord(w: string, prev: string | undefined, next: string | undefined, last: boolean): string {
  if (w === "a") {
    // "a" closing a sentence is the particle "ạ" typed without accents.
    if (last || (prev !== undefined && PARTICLE_A_PREV.has(prev))) return "a";
    return "anh";
  }
  if (w === "dv" && next === "cong") return "dich vu";
  if (w === "bn" && (next === undefined || BN_QUANTITY_NEXT.has(next) || BN_CLOSING_NEXT.has(next) || (prev !== undefined && BN_QUANTITY_PREV.has(prev)))) {
    return "bao nhieu";
  }
  // "1 tháng" is "một tháng"
  if (w === "1" && next !== undefined && BN_QUANTITY_NEXT.has(next)) return "mot";
  return fixPlain(w);
}

/** Lower-case accent-free form of every precomposed Latin letter Vietnamese uses (À…ỹ, đ). */
const FOLD = new Map<number, string>();
for (let c = 0xc0; c <= 0x1ef9; c++) {
  const base = String.fromCharCode(c).toLowerCase().normalize("NFD").replace(COMBINING, "").replace(/đ/g, "d");
  if (/^[a-z]$/.test(base)) FOLD.set(c, base);
}
const BREAK_CHARS = new Set([..."\n.?!,;:()\u2026-\u2013\u2014"].map((c) => c.charCodeAt(0)));
const otherKind = new Map<number, boolean>();
/** Whether a character outside ASCII and the table is a letter or digit (kept as is). */
function isOtherWordChar(code: number): boolean {
  let k = otherKind.get(code);
  if (k === undefined) {
    k = /[\p{L}\p{N}]/u.test(String.fromCodePoint(code));
    otherKind.set(code, k);
  }
  return k;
}

/**
 * Normal form of a text: NFC, lower case, accents stripped (đ → d), punctuation removed,
 * teen code and frequent typos expanded, whitespace collapsed.
 */
export function normalize(text: string): string {
  const src = text.normalize("NFC");
  const out: string[] = [];
  let clause: string[] = [];
  let word = "";
  // The polite particle typed with its accent ("ạ") is unambiguous: remember it.
  let particle = false;
  let wordChars = 0;
  const endWord = () => {
    if (word) clause.push(particle && wordChars === 1 ? "\u0001" : word);
    word = "";
    particle = false;
    wordChars = 0;
  };
  const flush = () => {
    endWord();
    for (let i = 0; i < clause.length; i++) {
      const w = clause[i]!;
      out.push(w === "\u0001" ? "a" : fixWord(w, clause[i - 1], clause[i + 1], i === clause.length - 1));
    }
    clause = [];
  };
  for (let i = 0; i < src.length; i++) {
    const code = src.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      word += src[i];
      wordChars++;
    } else if (code >= 65 && code <= 90) {
      word += String.fromCharCode(code + 32);
      wordChars++;
    } else if (code === 37) {
      word += "%";
      wordChars++;
    } else if (code < 128) {
      if (BREAK_CHARS.has(code)) flush();
      else endWord();
    } else if (code >= 0x300 && code <= 0x36f) {
      // A combining accent left over by an unusual input: ignore.
    } else {
      const f = FOLD.get(code);
      if (f !== undefined) {
        word += f;
        wordChars++;
        if (code === 0x1ea1 || code === 0x1ea0) particle = true;
      } else if (BREAK_CHARS.has(code)) flush();
      else if (code >= 0xd800 && code <= 0xdbff) {
        // Surrogate pair (emoji and the like): a separator unless it is a letter.
        const cp = src.codePointAt(i)!;
        if (isOtherWordChar(cp)) {
          word += String.fromCodePoint(cp).toLowerCase();
          wordChars++;
        } else endWord();
        i++;
      } else if (isOtherWordChar(code)) {
        word += src[i]!.toLowerCase();
        wordChars++;
      } else endWord();
    }
  }
  flush();
  let s = out.join(" ");
  for (const [needle, re, to] of PHRASES) if (s.includes(needle)) s = s.replace(re, to);
  return s;
}

/** Function words that carry no subject: dropped by `tokens`. */
export const STOPWORDS = new Set(
  (
    "a oi anh chi em minh ban toi to tui chung xin cam on nhe nha nhi thi la va voi cua o tai de " +
    "co khong duoc roi nao gi sao nhu the nay do kia ay nhung cac mot nhung cai con da dang se vua moi " +
    "cung van rat lam qua hay hoac neu khi den ra vao len xuong ve day ak u oi vui long giup dum ad admin"
  ).split(" "),
);

/** Normalised word tokens, stopwords removed (all tokens if nothing else is left). */
export function tokens(text: string): string[] {
  const all = normalize(text).split(" ").filter(Boolean);
  const kept = all.filter((w) => !STOPWORDS.has(w));
  return kept.length ? kept : all;
}
