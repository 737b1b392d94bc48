/**
 * The report fields a giver attaches to a task, typed in one line:
 * "Số người dự:số; Xếp loại:Vững mạnh/Khá/Trung bình/Yếu; Có tổ chức:có/không; Ghi chú:chữ; Số cây:số:trees_planted"
 * and the file a unit must send on completion (a last field of type "file").
 */
import { z } from "zod";
import { oneOf } from "../../bot/core/words.ts";
import { fieldWords, fieldText } from "../../prompts/vi/guides.ts";
import { deadlinesMoreText as M } from "../../prompts/vi/deadlines.ts";
import { indicatorDef } from "../indicators/api.ts";
import { MAX_FIELDS, reportFieldsSchema, type ReportField } from "../guides/api.ts";

const NUMBER = oneOf(fieldWords.number);
const YESNO = oneOf(fieldWords.yesno);
const TEXT = oneOf(fieldWords.text);
const PHOTO = oneOf(fieldWords.photo);

export type SpecResult = { ok: true; fields: ReportField[] } | { ok: false; error: string };

export function parseFieldSpec(raw: string): SpecResult {
  const parts = raw.split(";").map((p) => p.trim()).filter(Boolean);
  if (parts.length > MAX_FIELDS) return { ok: false, error: fieldText.specTooMany(MAX_FIELDS) };
  const fields: ReportField[] = [];
  for (const [i, part] of parts.entries()) {
    const bits = part.split(":").map((b) => b.trim());
    const [label = "", kind = "", indicator] = bits;
    if (bits.length < 2 || bits.length > 3 || label.length < 2 || label.length > 200 || (indicator !== undefined && !indicatorDef(indicator))) return { ok: false, error: fieldText.specBad(part) };
    const base = { key: `f${i + 1}`, label, optional: false, ...(indicator ? { indicator } : {}) };
    const k = kind.normalize("NFC");
    if (NUMBER.test(k)) fields.push({ ...base, type: "number", min: 0, max: 10_000_000 });
    else if (YESNO.test(k)) fields.push({ ...base, type: "yesno" });
    else if (TEXT.test(k)) fields.push({ ...base, type: "text", max: 500 });
    else if (PHOTO.test(k)) fields.push({ ...base, type: "photo" });
    else {
      const options = k.split("/").map((o) => o.trim()).filter(Boolean);
      if (options.length < 2 || options.length > 9 || options.some((o) => o.length > 60)) return { ok: false, error: fieldText.specBad(part) };
      fields.push({ ...base, type: "choice", options: options.map((label, j) => ({ value: `o${j + 1}`, label })) });
    }
  }
  const checked = reportFieldsSchema.safeParse(fields);
  return checked.success ? { ok: true, fields: checked.data } : { ok: false, error: fieldText.specBad(raw) };
}

/** The fields a task asks on completion: its own, then the file when one is required. */
export function completionFields(task: { fields: string; fileRequired: boolean }): ReportField[] {
  let own: ReportField[] = [];
  try {
    const r = z.array(z.unknown()).safeParse(JSON.parse(task.fields));
    const checked = r.success && r.data.length ? reportFieldsSchema.safeParse(r.data) : null;
    own = checked?.success ? checked.data : [];
  } catch {
    own = [];
  }
  return task.fileRequired ? [...own, { key: "file", type: "file", label: M.fileField, optional: false }] : own;
}
