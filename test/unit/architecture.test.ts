/**
 * The structure drawn from the imports (DESIGN.md "Layout"): arrows run down only —
 * app → channels, handlers, scheduler → domain → core → prisma, prompts — no feature
 * reaches into another feature's files, and no source file grows past 450 lines.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["bot", "handlers", "scheduler", "prisma", "prompts"];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === "node_modules" || name === "generated") continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}

const files = SOURCE_DIRS.flatMap((d) => walk(join(root, d))).map((f) => relative(root, f));

function importsOf(file: string): string[] {
  const src = readFileSync(join(root, file), "utf8");
  const out: string[] = [];
  for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)[^"';]*?from\s*["'](\.{1,2}\/[^"']+)["']/g)) out.push(relative(root, resolve(dirname(join(root, file)), m[1]!)));
  for (const m of src.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) out.push(relative(root, resolve(dirname(join(root, file)), m[1]!)));
  return out;
}

/** The layer of a file: a higher layer may import a lower one, never the reverse. */
function layer(file: string): { name: string; rank: number } {
  if (file.startsWith("bot/app/")) return { name: "app", rank: 5 };
  if (file.startsWith("bot/channels/")) return { name: "channels", rank: 4 };
  if (file.startsWith("handlers/")) return { name: "handlers", rank: 4 };
  if (file.startsWith("scheduler/")) return { name: "scheduler", rank: 4 };
  if (file.startsWith("bot/domain/")) return { name: "domain", rank: 3 };
  if (file.startsWith("bot/core/")) return { name: "core", rank: 2 };
  return { name: "base", rank: 1 }; // prisma/, prompts/
}

const featureOf = (file: string) => (file.startsWith("handlers/") ? file.split("/")[1]! : null);
/** What a feature may import from another: its published interface only. */
const PUBLIC = /^handlers\/[^/]+\/api\.ts$/;
/** Shared helpers of every feature (no feature's internals). */
const SHARED = /^handlers\/reports\.ts$/;

describe("architecture", () => {
  it("When a file imports another, then the arrow runs down the layers (or stays in its own)", () => {
    const bad: string[] = [];
    for (const f of files) {
      const a = layer(f);
      for (const t of importsOf(f)) {
        const b = layer(t);
        if (b.rank > a.rank) bad.push(`${f} (${a.name}) → ${t} (${b.name})`);
        if (a.rank === b.rank && a.name !== b.name && a.name !== "app") bad.push(`${f} (${a.name}) → ${t} (${b.name})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("When a feature needs another, then it imports only that feature's api.ts", () => {
    const bad: string[] = [];
    for (const f of files) {
      const mine = featureOf(f);
      if (!mine) continue;
      for (const t of importsOf(f)) {
        const theirs = featureOf(t);
        if (theirs && theirs !== mine && !PUBLIC.test(t) && !SHARED.test(t)) bad.push(`${f} → ${t}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("When a source file is read, then it has at most 450 lines", () => {
    const long = files.filter((f) => readFileSync(join(root, f), "utf8").split("\n").length > 450);
    expect(long).toEqual([]);
  });
});

/** Who writes each table: the kernel, the core, or one feature. */
const OWNER: Record<string, string> = {
  unit: "domain", person: "domain", identity: "domain", membership: "domain",
  inboundUpdate: "core", conversation: "core", choiceSet: "core", outboxMessage: "core", download: "core", attachment: "core", setting: "core", auditLog: "core", scheduledJob: "core", lease: "core",
  invite: "onboarding", linkCode: "onboarding", joinRequest: "onboarding", webSession: "channels", webTranscript: "channels",
  topic: "dialogue", routingRule: "dialogue", question: "dialogue", answer: "dialogue", questionVote: "dialogue", questionEvent: "dialogue", faqEntry: "dialogue", deliveryWatch: "dialogue",
  dialogueSession: "sessions", commitment: "sessions",
  guideNote: "guides", meetingReport: "guides",
  task: "deadlines", taskAssignment: "deadlines",
  indicatorValue: "indicators", indicatorTarget: "indicators",
  campaign: "volunteers", signup: "volunteers", volunteerProgram: "volunteers", volunteerActivity: "volunteers",
  branchMeeting: "meetings", meetingCheckin: "meetings",
  announcement: "announcements", topicFollow: "announcements", announcementMute: "announcements",
};

function ownerOfFile(file: string): string | null {
  if (file.startsWith("handlers/")) return file.split("/")[1]!;
  if (file.startsWith("bot/domain/")) return "domain";
  if (file.startsWith("bot/core/")) return "core";
  if (file.startsWith("bot/channels/")) return "channels";
  return null; // the composition root (demo seed, org import) and the scheduler's job table
}

describe("table ownership", () => {
  it("When a feature, the kernel or a channel writes a table, then it is a table of its own", () => {
    const bad: string[] = [];
    const write = /\b\w+\.(\w+)\.(create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)\(/g;
    for (const f of files) {
      const who = ownerOfFile(f);
      if (!who) continue;
      const src = readFileSync(join(root, f), "utf8");
      for (const m of src.matchAll(write)) {
        const owner = OWNER[m[1]!];
        if (owner && owner !== who) bad.push(`${f} writes ${m[1]} (owned by ${owner})`);
      }
    }
    expect([...new Set(bad)]).toEqual([]);
  });

  it("When the ownership table is read, then it names every model of the schema", () => {
    const schema = readFileSync(join(root, "prisma/schema.prisma"), "utf8");
    const models = [...schema.matchAll(/^model (\w+)/gm)].map((m) => m[1]![0]!.toLowerCase() + m[1]!.slice(1));
    expect(models.filter((m) => !OWNER[m])).toEqual([]);
  });
});
