import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase, type Database } from "../../prisma/db.ts";
import { migrate } from "../../prisma/migrate.ts";
import { parseOrgFile } from "../domain/org.ts";
import { subtreeAudience } from "../domain/audience.ts";
import { enqueueBulk } from "../core/outbox/bulk.ts";
import { createInvite } from "../../handlers/onboarding/invites.ts";
import { importOrg } from "./org-import.ts";
import { seedDemo } from "./demo.ts";
import { systemClock } from "../core/clock.ts";
import { Secrets } from "../core/secrets.ts";
import { REPORT_FORMATS, REPORTS, renderReport, toXlsx, type ReportFormat } from "../../handlers/reports.ts";
import { buildServices } from "./services.ts";
import { createLogger } from "../core/logger.ts";

/**
 * Commands whose code is imported directly and needs no feature registered: they skip loading
 * every feature (about a second of an operator's wait, and of every test that runs them).
 * Every other command loads bot/app/features.ts first, which registers the report kinds.
 */
const BARE = new Set(["db:migrate", "org:import", "targets:set", "reports:import"]);

const usage = () => `Usage: npm run cli -- <command> [options]
  db:migrate                                   apply database migrations
  demo:seed                                    create the demo organisation
  org:import <file.yaml|json> [--move]         import units, routing rules, invites (idempotent; --move lets existing units change parent)
  invite:create --role <youth|secretary|cadre|admin> --unit <code> [--topics a,b] [--title T] [--uses N (1)] [--days N (INVITE_DAYS)]
  classify                                     questions on stdin (one per line) -> {"topic","confidence"} per line
  similar                                      {"a","b"} JSON lines on stdin -> {"duplicate","score"} per line
  report <${Object.keys(REPORTS).join("|") || "kind"}> --unit <code> --month YYYY-MM [--format csv|json|xlsx]   (xlsx: redirect to a file, e.g. > report.xlsx)
  report indicators --unit <code> --year YYYY [--format csv|json]   actual against target per indicator (the unit and its direct children)
  targets:set --unit <code> --year YYYY --indicator <key> --value N   a unit's yearly target ("--value -" clears it)
  dashboard:link --unit <code>                 print a one-time link (15 minutes) to the leaders' dashboard of the unit
  broadcast --unit <code> [--role <role>] (--text <text> | --file <file>) [--key <id>]
  guide:note --unit <code> --month YYYY-MM --text <text>   add a unit's note to its branches' monthly guide
  reports:import --month YYYY-MM --file <reports.csv> [--unit <code>]   branches' monthly reports from a CSV file
                 (all rows checked first: one bad row and nothing is written; a re-import corrects)
  reports:import --month YYYY-MM --template [--unit <code>]   print the file's header (with --unit, a row per branch)
  campaign:create --unit <scope code> --title <T> --start "dd/mm/yyyy hh:mm" --end "dd/mm/yyyy hh:mm" --capacity N
                  [--deadline "dd/mm/yyyy [hh:mm]"] [--place P] [--quota N] [--description D]   volunteer campaign`;

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

/** Progress on stderr, so stdout stays machine-readable. */
function progress(label: string) {
  return (done: number, total: number) => process.stderr.write(`\r${label}: ${done}/${total}${done === total ? "\n" : ""}`);
}

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  await migrate(config.DATABASE_URL);
  const db = await openDatabase(config.DATABASE_URL);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function* stdinLines(): AsyncGenerator<string> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!BARE.has(command ?? "")) await import("./features.ts");
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      unit: { type: "string" },
      topics: { type: "string" },
      title: { type: "string" },
      "max-uses": { type: "string" },
      uses: { type: "string" },
      days: { type: "string" },
      month: { type: "string" },
      year: { type: "string" },
      indicator: { type: "string" },
      value: { type: "string" },
      format: { type: "string", default: "csv" },
      text: { type: "string" },
      file: { type: "string" },
      key: { type: "string" },
      start: { type: "string" },
      end: { type: "string" },
      capacity: { type: "string" },
      deadline: { type: "string" },
      place: { type: "string" },
      quota: { type: "string" },
      description: { type: "string" },
      move: { type: "boolean", default: false },
      template: { type: "boolean", default: false },
    },
  });
  switch (command) {
    case "db:migrate": {
      const config = loadConfig();
      const r = await migrate(config.DATABASE_URL, { log: (m: string) => console.error(m) });
      console.log(r.applied.length ? `applied: ${r.applied.join(", ")}` : "database is up to date");
      return;
    }
    case "demo:seed":
      return withDb(async (db) => console.log(JSON.stringify(await seedDemo(db.prisma))));
    case "org:import": {
      const file = positionals[0] ?? fail(usage());
      const org = parseOrgFile(readFileSync(file, "utf8"), file);
      return withDb(async (db) => console.log(JSON.stringify(await importOrg(db.prisma, org, progress("units"), { move: values.move }))));
    }
    case "invite:create": {
      const roles = ["youth", "secretary", "cadre", "admin"];
      if (!values.role || !roles.includes(values.role) || !values.unit) fail(usage());
      const count = (v: string | undefined, name: string, max: number) => {
        if (v === undefined) return undefined;
        const n = Number(v);
        return /^\d+$/.test(v) && n >= 1 && n <= max ? n : fail(`--${name} must be a whole number from 1 to ${max}`);
      };
      const uses = count(values.uses ?? values["max-uses"], "uses", 10_000);
      const days = count(values.days, "days", 365) ?? loadConfig().INVITE_DAYS;
      return withDb(async (db) => {
        const unit = await db.prisma.unit.findUnique({ where: { code: values.unit! } });
        if (!unit) fail(`unknown unit ${values.unit}`);
        const inv = await createInvite(db.prisma, {
          role: values.role!,
          unitCode: values.unit!,
          topics: values.topics?.split(",").filter(Boolean),
          title: values.title,
          maxUses: uses,
          days,
        });
        console.log(JSON.stringify({ code: inv.code, role: values.role, unit: inv.unit.code, uses: inv.maxUses, expires: inv.expiresAt.toISOString() }));
      });
    }
    case "classify": {
      const { TopicClassifier } = await import("../../handlers/dialogue/nlp/classifier.ts");
      const clf = TopicClassifier.default();
      for await (const line of stdinLines()) {
        if (!line.trim()) continue;
        console.log(JSON.stringify(clf.classify(line)));
      }
      return;
    }
    case "similar": {
      const { isDuplicate } = await import("../../handlers/dialogue/nlp/similarity.ts");
      let n = 0;
      for await (const line of stdinLines()) {
        n++;
        if (!line.trim()) continue;
        let pair: { a?: unknown; b?: unknown };
        try {
          pair = JSON.parse(line) as { a?: unknown; b?: unknown };
        } catch {
          fail(`line ${n}: not JSON`);
        }
        if (typeof pair.a !== "string" || typeof pair.b !== "string") fail(`line ${n}: expected {"a": string, "b": string}`);
        console.log(JSON.stringify(isDuplicate(pair.a, pair.b)));
      }
      return;
    }
    case "report": {
      const kind = positionals[0] ?? "";
      if (kind === "indicators") {
        if (!values.unit || !values.year || !/^\d{4}$/.test(values.year)) fail(usage());
        if (!(REPORT_FORMATS as readonly string[]).includes(values.format ?? "")) fail("--format must be csv, json or xlsx");
        if (values.format === "xlsx" && process.stdout.isTTY) fail("--format xlsx writes a binary file: redirect it, e.g. > report.xlsx");
        const { indicatorsReport } = await import("../../handlers/indicators/api.ts");
        return withDb(async (db) => {
          const unit = await db.prisma.unit.findUnique({ where: { code: values.unit! } });
          if (!unit) fail(`unknown unit ${values.unit}`);
          if (values.format === "xlsx") process.stdout.write(await toXlsx("indicators", JSON.parse(await indicatorsReport(db.prisma, unit, Number(values.year), "json"))));
          else process.stdout.write(await indicatorsReport(db.prisma, unit, Number(values.year), values.format as "csv" | "json"));
        });
      }
      if (!REPORTS[kind]) fail(`unknown report "${kind}"\n${usage()}`);
      if (!values.unit || !values.month || !/^\d{4}-\d{2}$/.test(values.month)) fail(usage());
      if (!(REPORT_FORMATS as readonly string[]).includes(values.format ?? "")) fail("--format must be csv, json or xlsx");
      if (values.format === "xlsx" && process.stdout.isTTY) fail("--format xlsx writes a binary file: redirect it, e.g. > report.xlsx");
      return withDb(async (db) => {
        const unit = await db.prisma.unit.findUnique({ where: { code: values.unit! } });
        if (!unit) fail(`unknown unit ${values.unit}`);
        const secrets = await Secrets.load(db.prisma, loadConfig());
        // CSV and Excel in Vietnamese, JSON as the report gives it (handlers/reports.ts)
        process.stdout.write(await renderReport(kind, { prisma: db.prisma, secrets }, unit, values.month!, values.format as ReportFormat));
      });
    }
    case "targets:set": {
      if (!values.unit || !values.year || !/^\d{4}$/.test(values.year) || !values.indicator || values.value === undefined) fail(usage());
      const { indicatorDef, setTarget } = await import("../../handlers/indicators/api.ts");
      if (!indicatorDef(values.indicator)) fail(`unknown indicator "${values.indicator}" (see prompts/indicators.yaml)`);
      const value = values.value === "-" ? null : /^\d{1,9}$/.test(values.value) ? Number(values.value) : fail("--value must be a whole number, or - to clear");
      return withDb(async (db) => {
        const unit = await db.prisma.unit.findUnique({ where: { code: values.unit! } });
        if (!unit) fail(`unknown unit ${values.unit}`);
        try {
          await setTarget(db.prisma, { unitId: unit.id, year: Number(values.year), indicator: values.indicator!, value });
        } catch (e) {
          fail(e instanceof Error ? e.message : String(e));
        }
        console.log(`${unit.code} ${values.year} ${values.indicator}: ${value ?? "cleared"}`);
      });
    }
    case "dashboard:link": {
      if (!values.unit) fail(usage());
      return withDb(async (db) => {
        const unit = await db.prisma.unit.findUnique({ where: { code: values.unit! } });
        if (!unit) fail(`unknown unit ${values.unit}`);
        const { dashboardLink } = await import("./dashboard/index.ts");
        const { dashboardText } = await import("../../prompts/vi/dashboard.ts");
        const text = await dashboardLink({ prisma: db.prisma, clock: systemClock, config: loadConfig() }, unit, { personId: null, name: dashboardText.operator });
        if (!text) fail("the dashboard needs a web server: turn WEB_CHAT on, or run in webhook mode with PUBLIC_URL");
        console.log(text);
      });
    }
    case "guide:note": {
      if (!values.unit || !values.month || !values.text) fail(usage());
      const { addNote, MAX_NOTE } = await import("../../handlers/guides/service.ts");
      const { parseMonthKey } = await import("../core/time.ts");
      if (!parseMonthKey(values.month)) fail("--month must be YYYY-MM");
      const text = values.text.trim();
      if (!text || text.length > MAX_NOTE) fail(`--text must be 1–${MAX_NOTE} characters`);
      return withDb(async (db) => {
        const unit = await db.prisma.unit.findUnique({ where: { code: values.unit! } });
        if (!unit) fail(`unknown unit ${values.unit}`);
        if (unit.isBranch) fail(`${unit.code} is a branch: notes are added by upper levels for their subtree`);
        // authorId 0: added by an operator through the CLI
        const r = await addNote({ prisma: db.prisma, clock: systemClock }, { unit, month: values.month!, text, authorId: 0 });
        if (!r.ok) fail(`too many notes for ${unit.code} in ${values.month}`);
        console.log(JSON.stringify({ note: r.noteId, unit: unit.code, month: values.month, branches: r.branches, sentNow: r.sentNow }));
      });
    }
    case "reports:import": {
      const { parseMonthKey } = await import("../core/time.ts");
      if (!values.month || !parseMonthKey(values.month)) fail(`--month must be YYYY-MM\n${usage()}`);
      if (!values.template && !values.file) fail(usage());
      const { columnLegend, importReports, importTemplate } = await import("../../handlers/guides/api.ts");
      const csv = values.template ? "" : readFileSync(values.file!, "utf8");
      return withDb(async (db) => {
        const unit = values.unit ? await db.prisma.unit.findUnique({ where: { code: values.unit } }) : null;
        if (values.unit && !unit) fail(`unknown unit ${values.unit}`);
        if (values.template) {
          // the header (and the branches) on stdout, what each column takes on stderr
          process.stdout.write(await importTemplate(db, values.month!, unit));
          for (const l of columnLegend(values.month!)) process.stderr.write(`${l}\n`);
          return;
        }
        const { userInfo } = await import("node:os");
        let user = process.env.USER ?? "operator";
        try {
          user = userInfo().username;
        } catch {
          /* no passwd entry (a container): the environment's name */
        }
        // personId 0: filed by an operator through the CLI
        const r = await importReports({ prisma: db.prisma, clock: systemClock }, { month: values.month!, csv, scope: unit, personId: 0 });
        if (!r.ok) {
          for (const e of r.errors) console.error(`${values.file}:${e.line}: ${e.message}`);
          if (r.more) console.error(`… and ${r.more} more`);
          fail(`nothing imported: ${r.errors.length + r.more} error(s)`);
        }
        // the audit log as for a report filed in the chat, with no actor and the OS user named
        const at = systemClock.now();
        const audit = r.changed.map((c) => ({ at, actorId: null, action: `guides.meeting.${c.kind}`, entity: "unit", entityId: String(c.unitId), detail: `${values.month}:${c.attendees} cli:${user}` }));
        for (let i = 0; i < audit.length; i += 500) await db.prisma.auditLog.createMany({ data: audit.slice(i, i + 500) });
        console.log(JSON.stringify({ month: values.month, rows: r.rows, created: r.created, updated: r.updated, unchanged: r.same }));
      });
    }
    case "campaign:create": {
      if (!values.unit || !values.title || !values.start || !values.end || !values.capacity) fail(usage());
      const { checkCampaign, createCampaign } = await import("../../handlers/volunteers/service.ts");
      const { parseDue } = await import("../../handlers/deadlines/service.ts");
      const { parseVnDate } = await import("../core/time.ts");
      const startsAt = parseVnDate(values.start, 7) ?? fail("--start must be dd/mm/yyyy hh:mm (Vietnam time)");
      const endsAt = parseVnDate(values.end, 17) ?? fail("--end must be dd/mm/yyyy hh:mm (Vietnam time)");
      const deadline = values.deadline ? (parseDue(values.deadline) ?? fail("--deadline must be dd/mm/yyyy [hh:mm]")) : new Date(startsAt.getTime() - 86_400_000);
      const input = {
        title: values.title.trim(),
        description: (values.description ?? "").trim(),
        place: (values.place ?? "").trim(),
        startsAt,
        endsAt,
        capacity: Number(values.capacity),
        // a deadline given as the start day means "until the start"
        signupDeadline: deadline > startsAt && deadline.getTime() - startsAt.getTime() < 86_400_000 && !values.deadline?.includes(":") ? startsAt : deadline,
        quotaPerBranch: values.quota ? Number(values.quota) : null,
      };
      const bad = checkCampaign(systemClock.now(), input);
      if (bad) fail(bad);
      return withDb(async (db) => {
        const unit = await db.prisma.unit.findUnique({ where: { code: values.unit! } });
        if (!unit) fail(`unknown unit ${values.unit}`);
        // createdById 0: created by an operator through the CLI (the scope's cadres organise it)
        const c = await createCampaign({ prisma: db.prisma, clock: systemClock }, { ...input, scopeUnitId: unit.id, createdById: 0 });
        console.log(JSON.stringify({ campaign: c.id, unit: unit.code, startsAt: c.startsAt.toISOString(), capacity: c.capacity }));
      });
    }
    case "broadcast": {
      if (!values.unit || (!values.text && !values.file)) fail(usage());
      const text = values.text ?? readFileSync(values.file!, "utf8");
      return withDb(async (db) => {
        const unit = await db.prisma.unit.findUnique({ where: { code: values.unit! } });
        if (!unit) fail(`unknown unit ${values.unit}`);
        // one query for the recipients and their addresses, a few hundred rows per insert
        const recipients = await subtreeAudience(db.prisma, unit.path, values.role);
        const config = loadConfig();
        const secrets = await Secrets.load(db.prisma, config.APP_SECRET);
        const { allFeatures } = await import("./features.ts");
        const { outbox } = buildServices({ prisma: db.prisma, clock: systemClock, log: createLogger("silent"), llm: null, config, secrets, features: allFeatures() });
        const key = values.key ?? `bc-${Date.now()}`;
        const queued = await enqueueBulk(db.prisma, outbox, recipients, text, { provider: db.provider, dedupePrefix: `broadcast:${key}`, at: systemClock.now(), onProgress: progress("queued") });
        console.log(JSON.stringify({ key, recipients: recipients.length, queued }));
      });
    }
    default:
      console.log(usage());
      if (command && command !== "help") process.exit(2);
  }
}

/**
 * Exit as soon as the work is done and the output is written: idle connections of a pool (or
 * a timer of a library) must not keep an operator's command waiting.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

main(process.argv.slice(2)).then(
  () => exitWhenFlushed(0),
  (e: unknown) => {
    if (e instanceof ConfigError) fail(e.message);
    console.error(e instanceof Error ? e.message : String(e));
    exitWhenFlushed(1);
  },
);
