import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase, type Database } from "../prisma/db.ts";
import { migrate } from "../prisma/migrate.ts";
import { createInvite, importOrg, parseOrgFile, subtreeUnits } from "../handlers/admin/org.ts";
import { seedDemo } from "../handlers/admin/demo.ts";
import { Outbox } from "./core/outbox.ts";
import { systemClock } from "./core/clock.ts";
import { Secrets } from "./core/secrets.ts";
import { REPORTS } from "../handlers/reports.ts";
import "../handlers/index.ts"; // features register their report kinds

const USAGE = `Usage: npm run cli -- <command> [options]
  db:migrate                                   apply database migrations
  demo:seed                                    create the demo organisation
  org:import <file.yaml|json>                  import units, routing rules, invites (idempotent)
  invite:create --role <youth|secretary|cadre|admin> --unit <code> [--topics a,b] [--title T] [--max-uses N]
  classify                                     questions on stdin (one per line) -> {"topic","confidence"} per line
  similar                                      {"a","b"} JSON lines on stdin -> {"duplicate","score"} per line
  report <${Object.keys(REPORTS).join("|")}> --unit <code> --month YYYY-MM [--format csv|json]
  broadcast --unit <code> [--role <role>] (--text <text> | --file <file>) [--key <id>]`;

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
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      unit: { type: "string" },
      topics: { type: "string" },
      title: { type: "string" },
      "max-uses": { type: "string" },
      month: { type: "string" },
      format: { type: "string", default: "csv" },
      text: { type: "string" },
      file: { type: "string" },
      key: { type: "string" },
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
      const file = positionals[0] ?? fail(USAGE);
      const org = parseOrgFile(readFileSync(file, "utf8"), file);
      return withDb(async (db) => console.log(JSON.stringify(await importOrg(db.prisma, org, progress("units")))));
    }
    case "invite:create": {
      const roles = ["youth", "secretary", "cadre", "admin"];
      if (!values.role || !roles.includes(values.role) || !values.unit) fail(USAGE);
      return withDb(async (db) => {
        const inv = await createInvite(db.prisma, {
          role: values.role!,
          unitCode: values.unit!,
          topics: values.topics?.split(",").filter(Boolean),
          title: values.title,
          maxUses: values["max-uses"] ? Number(values["max-uses"]) : undefined,
        });
        console.log(JSON.stringify({ code: inv.code, role: values.role, unit: inv.unit.code }));
      });
    }
    case "classify": {
      const { TopicClassifier } = await import("../handlers/dialogue/nlp/classifier.ts");
      const clf = TopicClassifier.default();
      for await (const line of stdinLines()) {
        if (!line.trim()) continue;
        console.log(JSON.stringify(clf.classify(line)));
      }
      return;
    }
    case "similar": {
      const { isDuplicate } = await import("../handlers/dialogue/nlp/similarity.ts");
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
      const report = REPORTS[kind] ?? fail(`unknown report "${kind}"\n${USAGE}`);
      if (!values.unit || !values.month || !/^\d{4}-\d{2}$/.test(values.month)) fail(USAGE);
      if (values.format !== "csv" && values.format !== "json") fail("--format must be csv or json");
      return withDb(async (db) => {
        const unit = await db.prisma.unit.findUnique({ where: { code: values.unit! } });
        if (!unit) fail(`unknown unit ${values.unit}`);
        const secrets = await Secrets.load(db.prisma, loadConfig().APP_SECRET);
        process.stdout.write(await report({ prisma: db.prisma, secrets }, unit, values.month!, values.format as "csv" | "json"));
      });
    }
    case "broadcast": {
      if (!values.unit || (!values.text && !values.file)) fail(USAGE);
      const text = values.text ?? readFileSync(values.file!, "utf8");
      return withDb(async (db) => {
        const unit = await db.prisma.unit.findUnique({ where: { code: values.unit! } });
        if (!unit) fail(`unknown unit ${values.unit}`);
        const units = await subtreeUnits(db.prisma, unit);
        const ms = await db.prisma.membership.findMany({
          where: { unitId: { in: units.map((u) => u.id) }, ...(values.role ? { role: values.role } : {}) },
          select: { personId: true },
        });
        const people = [...new Set(ms.map((m) => m.personId))];
        const outbox = new Outbox(db.prisma, systemClock);
        const key = values.key ?? `bc-${Date.now()}`;
        const tick = progress("queued");
        let queued = 0;
        for (let i = 0; i < people.length; i++) {
          if (await outbox.toPerson(people[i]!, { text }, { dedupeKey: `broadcast:${key}:${people[i]}` })) queued++;
          if ((i + 1) % 100 === 0 || i + 1 === people.length) tick(i + 1, people.length);
        }
        console.log(JSON.stringify({ key, recipients: people.length, queued }));
      });
    }
    default:
      console.log(USAGE);
      if (command && command !== "help") process.exit(2);
  }
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof ConfigError) fail(e.message);
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
