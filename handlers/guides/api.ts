/**
 * The guides feature's public interface (other features import only this file).
 *
 * Typed report fields (number, yes/no, choice, short text, photo, file) — the kit behind a
 * guide's `report_back` list and a task's report (`/giaoviec … | mục: …`):
 *   reportFieldSchema / reportFieldsSchema  zod shapes of one field / a list (distinct keys)
 *   formFields(defs)                        the steps for bot/core/forms.ts `defineForm`
 *   answersShape(defs)                      the zod shape of the answers (skipped optional → null)
 *   answerLines(defs, answers)              "• label: value" lines; formatAnswer for one
 *   indicatorValues(defs, answers)          figures for handlers/indicators (number, yes=1, choice score)
 *   firstAttachment(defs, answers)          the first photo/file answer (an AttachmentRef)
 *
 * Monthly reports: `fileReports(s, month, [{ unitId, personId, answers }])` files many branches'
 * reports at once (each merged over the branch's report of the month, feeding the indicators once);
 * `importReports(s, { month, csv, scope, personId })` checks a CSV file row by row with the chat
 * form's validators and files it (`reports:import`); `importTemplate` / `columnLegend` its columns.
 */
export {
  answerLines,
  answersShape,
  cleanAnswers,
  firstAttachment,
  formatAnswer,
  formFields,
  indicatorValues,
  parseAnswer,
  parseTyped,
  reportFieldSchema,
  reportFieldsSchema,
  MAX_FIELDS,
  type Answers,
  type ReportField,
} from "./fields.ts";
export { fieldsOf, fileReports, readReport, reportSource } from "./reporting.ts";
export { columnLegend, importColumns, importReports, importTemplate, type ImportResult } from "./import.ts";
