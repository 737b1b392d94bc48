/** `/thongbao`: a cadre's announcement as a form — text, units, roles, topic, time — confirmed with the number of recipients. */
import { z } from "zod";
import { ROLES, type Ctx, type Role, type UnitView } from "../../bot/core/context.ts";
import { bad, defineForm, ok, type FormChoice, type Parsed } from "../../bot/core/forms.ts";
import { formatDateTime, parseVnDate } from "../../bot/core/time.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { announcementsText as T } from "../../prompts/vi/announcements.ts";
import { labelOf, topicLabels } from "../dialogue/api.ts";
import { announce, countAudience, MAX_TEXT } from "./service.ts";

const DAY_MS = 86_400_000;
/** How far ahead an announcement may be scheduled. */
const MAX_AHEAD_DAYS = 60;
/** Units named in one announcement. */
const MAX_UNITS = 20;

const draftSchema = z.object({
  text: z.string().min(3).max(MAX_TEXT),
  unitIds: z.array(z.number().int().positive()).min(1).max(MAX_UNITS),
  roles: z.array(z.enum(["youth", "secretary", "cadre", "admin"])),
  topic: z.string().max(64).nullable(),
  at: z.number().int().nullable(),
});
type Draft = z.infer<typeof draftSchema>;

const none = (t: string) => t === "-" || t === "";

/** Units where the person may announce (cadre or admin), once each. */
export function senderUnits(ctx: Ctx): UnitView[] {
  const seen = new Map<number, UnitView>();
  for (const m of ctx.withRole("cadre", "admin")) seen.set(m.unit.id, m.unit);
  return [...seen.values()];
}

async function parseUnits(ctx: Ctx, text: string): Promise<Parsed<number[]>> {
  const mine = senderUnits(ctx);
  if (none(text)) return mine[0] ? ok([mine[0].id]) : bad(T.bad.noUnit);
  const codes = [...new Set(text.split(/[,\s]+/).filter(Boolean))];
  if (codes.length > MAX_UNITS) return bad(T.bad.tooManyUnits(MAX_UNITS));
  const ids: number[] = [];
  for (const code of codes) {
    const u = await ctx.s.prisma.unit.findUnique({ where: { code } });
    if (!u) return bad(T.bad.unknownUnit(code.slice(0, 40)));
    if (!mine.some((m) => isInSubtree(u.path, m.path))) return bad(T.bad.notInSubtree(code));
    ids.push(u.id);
  }
  return ok(ids);
}

function parseRoles(text: string): Parsed<Role[]> {
  if (none(text) || /^(tatca|tất cả)$/i.test(text)) return ok([]);
  const words = [...new Set(text.toLowerCase().split(/[,\s]+/).filter(Boolean))];
  if (!words.every((w): w is Role => (ROLES as string[]).includes(w))) return bad(T.bad.roles);
  return ok(words);
}

async function parseTopic(ctx: Ctx, text: string): Promise<Parsed<string | null>> {
  if (none(text)) return ok(null);
  const labels = await topicLabels(ctx.s.prisma);
  const key = text.toLowerCase();
  if (labels.has(key)) return ok(key);
  for (const [k, label] of labels) if (label.toLowerCase() === key) return ok(k);
  return bad(T.bad.topic([...labels.keys()].join(", ")));
}

function parseAt(ctx: Ctx, text: string): Parsed<number | null> {
  if (none(text) || /^(ngay|bây giờ|bay gio)$/i.test(text)) return ok(null);
  const at = parseVnDate(text, 8);
  if (!at) return bad(T.bad.date);
  const now = ctx.s.clock.now().getTime();
  if (at.getTime() <= now || at.getTime() > now + MAX_AHEAD_DAYS * DAY_MS) return bad(T.bad.when(MAX_AHEAD_DAYS));
  return ok(at.getTime());
}

function roleLabel(roles: readonly string[]): string {
  return roles.length ? roles.map((r) => coreText.roleNames[r] ?? r).join(", ") : T.allRoles;
}

async function summaryOf(ctx: Ctx, d: Draft): Promise<string> {
  const units = await ctx.s.prisma.unit.findMany({ where: { id: { in: d.unitIds } }, select: { name: true } });
  const topic = d.topic ? labelOf(await topicLabels(ctx.s.prisma), d.topic) : null;
  const recipients = await countAudience(ctx.s, { unitIds: d.unitIds, roles: d.roles, topic: d.topic });
  return T.confirm({
    text: d.text,
    units: units.map((u) => u.name).join(", "),
    roles: roleLabel(d.roles),
    topic,
    when: d.at ? formatDateTime(new Date(d.at)) : null,
    recipients,
  });
}

const unitChoices = (ctx: Ctx): FormChoice[] => senderUnits(ctx).slice(0, 8).map((u) => ({ label: `${u.name} (${u.code})`, value: [u.id] }));
const roleChoices = (): FormChoice[] => [
  { label: T.allRoles, value: [] },
  { label: T.roleChoice.youth, value: ["youth"] },
  { label: T.roleChoice.secretary, value: ["secretary"] },
  { label: T.roleChoice.cadres, value: ["cadre", "admin"] },
];

export const announceForm = defineForm({
  name: "ann.new",
  roles: ["cadre", "admin"],
  schema: draftSchema,
  lost: T.flowLost,
  fields: [
    {
      name: "text",
      label: T.fields.text,
      prompt: () => T.steps.text(MAX_TEXT),
      parse: (_ctx, t) => (t.length < 3 || t.length > MAX_TEXT ? bad(T.bad.text(MAX_TEXT)) : ok(t)),
    },
    { name: "unitIds", label: T.fields.units, prompt: () => T.steps.units, parse: parseUnits, choices: unitChoices },
    { name: "roles", label: T.fields.roles, prompt: () => T.steps.roles, parse: (_ctx, t) => parseRoles(t), choices: roleChoices },
    {
      name: "topic",
      label: T.fields.topic,
      prompt: () => T.steps.topic,
      parse: parseTopic,
      async choices(ctx) {
        const labels = await topicLabels(ctx.s.prisma);
        return [{ label: T.noTopic, value: null }, ...[...labels].map(([key, label]) => ({ label, value: key }))];
      },
    },
    {
      name: "at",
      label: T.fields.at,
      prompt: () => T.steps.at,
      parse: parseAt,
      choices: () => [{ label: T.sendNow, value: null }],
    },
  ],
  confirm: {
    summary: summaryOf,
    submit: T.btnSend,
    cancel: T.btnCancel,
    edits: [
      { label: T.btnEditText, field: "text" },
      { label: T.btnEditAt, field: "at" },
    ],
  },
  async submit(ctx, d) {
    // units checked again: memberships may have changed while the draft waited
    const mine = senderUnits(ctx);
    const units = await ctx.s.prisma.unit.findMany({ where: { id: { in: d.unitIds } } });
    if (units.length !== d.unitIds.length || !units.every((u) => mine.some((m) => isInSubtree(u.path, m.path)))) {
      return { field: "unitIds", error: T.bad.notInSubtree(units.map((u) => u.code).join(", ")) };
    }
    if (d.at !== null && d.at <= ctx.s.clock.now().getTime()) return { field: "at", error: T.bad.when(MAX_AHEAD_DAYS) };
    const r = await announce(ctx.s, {
      key: `thongbao:${ctx.person!.id}:${ctx.s.clock.now().getTime()}`,
      kind: "announcement",
      text: d.text,
      unitIds: d.unitIds,
      roles: d.roles,
      topic: d.topic,
      senderId: ctx.person!.id,
      at: d.at === null ? null : new Date(d.at),
    });
    await ctx.audit("announcement.create", "announcement", r.id);
    ctx.reply(r.scheduled ? T.scheduled(r.id, r.recipients, formatDateTime(new Date(d.at!))) : T.queued(r.id, r.recipients));
  },
});
