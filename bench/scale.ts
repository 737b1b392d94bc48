/**
 * `npm run bench -- scale` (issue 14 items 3, 6, 7): costs that do not grow with history.
 * On SQLite and PostgreSQL:
 * - `/hoi` and `/traloi` with 1,000 questions and 2,000 scheduled jobs, then with 100,000
 *   questions and 200,000 jobs (target: within 1.5× of the small database), and a burst of 100
 *   `/hoi`, eight times, each beside one at 1,000 (target: the median of the eight speed ratios
 *   ≥ 0.9: on a shared 2-core machine two identical bursts differ by ±15 %). The same
 *   real questions are asked at both sizes, take the same path (printed), and the two sizes'
 *   requests are interleaved;
 * - the province's dialogue report over 13,000 questions of a month (target < 1 s);
 * - a broadcast to 50,000 members enqueued (target < 10 s);
 * - a CLI command with nothing to do (target < 2 s on PostgreSQL).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Harness, TEST_ORG, type TestUser } from "../test/helpers/harness.ts";
import { buildDialogueReport } from "../handlers/dialogue/report.ts";
import { subtreeAudience } from "../bot/domain/audience.ts";
import { enqueueBulk } from "../bot/core/outbox/bulk.ts";
import type { Provider } from "../test/helpers/db.ts";
import type { Db } from "../prisma/db.ts";
import { allFeatures } from "../bot/app/features.ts";
import { check } from "./targets.ts";
import { dialogueText as T } from "../prompts/vi/dialogue.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const HOUR = 3_600_000;
const MONTH_START = new Date("2026-10-31T17:00:00Z"); // 1 November 2026, Vietnam time
const WORDS = ["vay vốn", "học bổng", "việc làm", "đoàn phí", "tình nguyện", "khởi nghiệp", "kỹ năng", "sức khỏe", "nhà ở", "chuyển đổi số", "thể thao", "văn nghệ"];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function questionText(i: number): string {
  const a = WORDS[i % WORDS.length]!;
  const b = WORDS[Math.floor(i / WORDS.length) % WORDS.length]!;
  return `Cho em hỏi về ${a} và ${b} cho thanh niên ở địa phương, trường hợp số ${i} thì làm thế nào ạ?`;
}

/** `n` questions (13,000 of them in November 2026 when n ≥ 13,000), and `jobs` pending deadline jobs. */
export async function seedHistory(p: Db, n: number, jobs: number): Promise<void> {
  const units = new Map((await p.unit.findMany()).map((u) => [u.code, u]));
  const branches = ["CD-A1", "CD-A2", "CD-B1"].map((c) => units.get(c)!);
  const inMonth = Math.min(n, 13_000);
  for (let i = 0; i < n; i += 500) {
    const rows = [];
    for (let k = i; k < Math.min(n, i + 500); k++) {
      const b = branches[k % 3]!;
      // the month's questions first, the rest spread over the two years before
      const createdAt = k < inMonth ? new Date(MONTH_START.getTime() + (k % 29) * 24 * HOUR + (k % 600) * 60_000) : new Date(MONTH_START.getTime() - ((k % 700) + 1) * 24 * HOUR);
      rows.push({
        askerId: null,
        askerKey: `hist${k % 5000}`,
        askerUnitId: b.id,
        text: questionText(k),
        normText: `lich su ${k}`,
        topic: "khac",
        status: k % 50 === 0 ? "open" : "answered",
        unitId: b.parentId!,
        dueAt: new Date(createdAt.getTime() + 72 * HOUR),
        answeredAt: k % 50 === 0 ? null : new Date(createdAt.getTime() + 5 * HOUR),
        createdAt,
      });
    }
    await p.question.createMany({ data: rows });
  }
  const ids = await p.question.findMany({ where: { createdAt: { gte: MONTH_START } }, select: { id: true, createdAt: true }, orderBy: { id: "asc" } });
  for (let i = 0; i < ids.length; i += 500) {
    await p.answer.createMany({
      data: ids.slice(i, i + 500).filter((_, k) => (i + k) % 50 !== 0).map((q) => ({ questionId: q.id, cadreId: 1, text: "Trả lời", signature: "", createdAt: new Date(q.createdAt.getTime() + 5 * HOUR) })),
    });
  }
  const far = Date.now() + 30 * 86_400_000;
  for (let i = 0; i < jobs; i += 1000) {
    const rows = [];
    for (let k = i; k < Math.min(jobs, i + 1000); k++) {
      const qid = 1 + (k % Math.max(1, n));
      const kind = k % 2 ? "dialogue.remind" : "dialogue.escalate";
      rows.push({ kind, runAt: new Date(far + k * 1000), dedupeKey: `bench:${kind}:${qid}:${k}`, ref: `question:${qid}`, payload: "{}" });
    }
    await p.scheduledJob.createMany({ data: rows });
  }
}

interface AskFigures {
  hoiMs: number;
  traloiMs: number;
  burstPerSecond: number;
  /** Each burst's duration, in order (paired with the other size's burst of the same round). */
  burstMs: number[];
  /** What the measured questions did (the same at both sizes, or the sizes are not compared alike). */
  path: string;
}

/**
 * What members ask in the measurements: real questions (the classifier's training texts, every
 * n-th), not the history's pattern, so each size sees the same questions take the same path.
 */
export function askedTexts(count: number): string[] {
  const lines = readFileSync(join(ROOT, "prompts/training/topics.jsonl"), "utf8").split("\n").filter(Boolean);
  const texts = [...new Set(lines.map((l) => (JSON.parse(l) as { text: string }).text))].filter((t) => t.length >= 30);
  const step = Math.floor(texts.length / count);
  return Array.from({ length: count }, (_, i) => texts[i * step]!);
}

/** The large database (BENCH_SCALE_LARGE: a smaller one for a quick try of the bench itself). */
const LARGE = Number(process.env.BENCH_SCALE_LARGE ?? 100_000);
const HOI = 40;
const BURST = 100;
/** Bursts per size, alternating with the other size's (one burst lasts seconds: the load of a shared machine varies as much). */
const BURSTS = 8;
const TEXTS = askedTexts(5 + HOI + BURSTS * BURST);

/** One database of a given size, with 120 members and a cadre of the commune, ready to be asked. */
class AskingSite {
  private seq = 0;
  private offered = 0;
  private readonly hoi: number[] = [];
  private readonly traloi: number[] = [];
  private readonly burstMs: number[] = [];
  private burstQueued = 0;
  private targets: number[] = [];

  private constructor(
    private readonly h: Harness,
    private readonly youths: TestUser[],
    private readonly cadre: TestUser,
    private readonly communeId: number,
  ) {}

  static async open(provider: Provider, questions: number, jobs: number): Promise<AskingSite> {
    process.env.TEST_DB = provider;
    const h = await Harness.create({ org: TEST_ORG, env: { MAX_OPEN_QUESTIONS: "100000", FLOOD_MAX_MESSAGES: "100000" } });
    const p = h.s.prisma;
    await seedHistory(p, questions, jobs);
    // a grown PostgreSQL database has statistics (autovacuum); SQLite has none unless asked
    if (provider === "postgresql") await p.$executeRawUnsafe("ANALYZE");
    // features built their indexes from the history (as at start)
    for (const f of allFeatures()) await f.init?.(h.s);
    const youths: TestUser[] = [];
    for (let i = 0; i < 120; i++) {
      const u = h.user(`Đoàn viên ${i}`);
      await h.join(u, "youth", i % 2 ? "CD-A1" : "CD-A2");
      youths.push(u);
    }
    const cadre = h.user("Cán bộ xã A");
    await h.join(cadre, "cadre", "XA-A");
    const xa = await p.unit.findUniqueOrThrow({ where: { code: "XA-A" } });
    return new AskingSite(h, youths, cadre, xa.id);
  }

  private receive(u: TestUser, text: string): Promise<void> {
    return this.h.core.receive({ channel: u.channel, chatId: u.id, userId: u.id, displayName: u.name, text }, `bench-${u.id}-${++this.seq}`);
  }

  private async lastId(): Promise<number> {
    return (await this.h.s.prisma.question.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0;
  }

  /**
   * `/hoi` number `i` (negative: warm-up, untimed). When the same thing is already asked, the
   * member sends it anyway (untimed): every question is queued and later answered, at both sizes alike.
   */
  async ask(i: number): Promise<void> {
    const u = i < 0 ? this.youths[0]! : this.youths[1 + (i % 19)]!;
    const before = await this.lastId();
    const t0 = performance.now();
    await this.receive(u, `/hoi ${TEXTS[5 + i]!}`);
    if (i >= 0) this.hoi.push(performance.now() - t0);
    if ((await this.lastId()) > before) return;
    if (i >= 0) this.offered++;
    await this.h.press(u, T.choiceSendAnyway);
  }

  /** The members' questions the cadre answers (the first five untimed). */
  async loadTargets(): Promise<number> {
    const rows = await this.h.s.prisma.question.findMany({ where: { status: "open", unitId: this.communeId, askerId: { not: null } }, orderBy: { id: "asc" }, take: 5 + HOI, select: { id: true } });
    this.targets = rows.map((r) => r.id);
    return this.targets.length;
  }

  async answer(i: number): Promise<void> {
    const id = this.targets[i];
    if (id === undefined) return;
    const t0 = performance.now();
    await this.receive(this.cadre, `/traloi ${id} Bạn liên hệ văn phòng Đoàn xã để được hướng dẫn${i < 5 ? "" : " chi tiết"}.`);
    if (i >= 5) this.traloi.push(performance.now() - t0);
  }

  /** 100 members send `/hoi` at once (each round its own texts). */
  async burst(round: number): Promise<void> {
    const before = await this.lastId();
    const t0 = performance.now();
    await Promise.all(this.youths.slice(20, 20 + BURST).map((u, i) => this.receive(u, `/hoi ${TEXTS[5 + HOI + round * BURST + i]!}`)));
    this.burstMs.push(performance.now() - t0);
    this.burstQueued += await this.h.s.prisma.question.count({ where: { id: { gt: before } } });
  }

  figures(): AskFigures {
    const path = `/hoi: ${this.offered} of ${this.hoi.length} offered the same question; /traloi on ${this.traloi.length} of the members' questions; bursts: ${this.burstQueued} of ${BURSTS * BURST} queued`;
    return { hoiMs: median(this.hoi), traloiMs: median(this.traloi), burstPerSecond: BURST / (median(this.burstMs) / 1000), burstMs: this.burstMs, path };
  }

  close(): Promise<void> {
    return this.h.close();
  }
}

/**
 * The small and the large database side by side in one process, their requests interleaved
 * (which goes first alternates), so the warming of the process and the machine's load fall
 * on both alike.
 */
async function measureAsking(provider: Provider): Promise<{ small: AskFigures; big: AskFigures }> {
  // the two sizes keep the same shares: 2 % of the questions open, 2 pending jobs a question
  const small = await AskingSite.open(provider, 1_000, 2_000);
  const big = await AskingSite.open(provider, LARGE, 2 * LARGE);
  try {
    const both = async (i: number, f: (site: AskingSite) => Promise<void>) => {
      for (const site of i % 2 ? [big, small] : [small, big]) await f(site);
    };
    for (let i = -5; i < 0; i++) await both(i, (site) => site.ask(i));
    for (let i = 0; i < HOI; i++) await both(i, (site) => site.ask(i));
    await small.loadTargets();
    await big.loadTargets();
    for (let i = 0; i < 5 + HOI; i++) await both(i, (site) => site.answer(i));
    for (let round = 0; round < BURSTS; round++) await both(round, (site) => site.burst(round));
    return { small: small.figures(), big: big.figures() };
  } finally {
    await small.close();
    await big.close();
  }
}

async function measureReportAndBroadcast(provider: Provider): Promise<{ reportMs: number; reportQuestions: number; broadcastS: number; recipients: number }> {
  process.env.TEST_DB = provider;
  const h = await Harness.create({ org: TEST_ORG });
  try {
    const p = h.s.prisma;
    await seedHistory(p, 13_000, 0);
    const tinh = await p.unit.findUniqueOrThrow({ where: { code: "TINH" } });
    await buildDialogueReport(p, tinh, "2026-11"); // warm
    const r0 = performance.now();
    const report = await buildDialogueReport(p, tinh, "2026-11");
    const reportMs = performance.now() - r0;

    // 50,000 members across the branches, a telegram chat each
    const units = ["CD-A1", "CD-A2", "CD-B1"].map(async (c) => (await p.unit.findUniqueOrThrow({ where: { code: c } })).id);
    const unitIds = await Promise.all(units);
    const M = 50_000;
    for (let i = 0; i < M; i += 1000) {
      const people = await p.person.createManyAndReturn({ data: Array.from({ length: Math.min(1000, M - i) }, (_, k) => ({ displayName: `Đoàn viên ${i + k}` })), select: { id: true } });
      await p.identity.createMany({ data: people.map((x, k) => ({ channel: "telegram", externalId: `b${i + k}`, chatId: `${500_000 + i + k}`, personId: x.id })) });
      await p.membership.createMany({ data: people.map((x, k) => ({ personId: x.id, unitId: unitIds[(i + k) % 3]!, role: "youth" })) });
    }
    const b0 = performance.now();
    const audience = await subtreeAudience(p, tinh.path);
    await enqueueBulk(p, h.s.outbox, audience, "Thông báo của Tỉnh đoàn: hội nghị tổng kết năm.", { provider: h.db.provider, dedupePrefix: "broadcast:bench", at: h.clock.now() });
    const broadcastS = (performance.now() - b0) / 1000;
    return { reportMs, reportQuestions: Number(report.totals.questions), broadcastS, recipients: audience.length };
  } finally {
    await h.close();
  }
}

/** Wall time of `npm run cli -- db:migrate` (node + tsx, nothing pending) against a migrated database. */
async function cliNoop(provider: Provider): Promise<number> {
  process.env.TEST_DB = provider;
  const h = await Harness.create();
  const url = (h.s.config as { DATABASE_URL: string }).DATABASE_URL;
  try {
    const run = () =>
      new Promise<number>((resolve, reject) => {
        const t0 = performance.now();
        const child = spawn(process.execPath, ["--import", "tsx", "bot/app/cli.ts", "db:migrate"], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATABASE_URL: url }, stdio: "ignore" });
        child.on("exit", (code) => (code === 0 ? resolve((performance.now() - t0) / 1000) : reject(new Error(`cli exited ${code}`))));
      });
    await run();
    return median([await run(), await run(), await run()]);
  } finally {
    await h.close();
  }
}

export async function runScaleBench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  // one database or one part at a time: BENCH_SCALE_DB=postgresql, BENCH_SCALE_PART=asking|report|cli
  const dbs = (process.env.BENCH_SCALE_DB ? [process.env.BENCH_SCALE_DB] : ["sqlite", "postgresql"]) as Provider[];
  const part = (name: string) => !process.env.BENCH_SCALE_PART || process.env.BENCH_SCALE_PART === name;
  for (const provider of dbs) {
    const p = `(${provider})`;
    if (part("asking")) {
      const { small, big } = await measureAsking(provider);
      console.log(`scale ${p}: 1,000 questions and 2,000 jobs — ${small.path}`);
      const large = `${LARGE.toLocaleString("en")} questions and ${(2 * LARGE).toLocaleString("en")} jobs`;
      console.log(`scale ${p}: ${large} — ${big.path}`);
      check(`scale ${p}: /hoi with ${large}, × its time with 1,000`, big.hoiMs / small.hoiMs, "<=", 1.5, "×", `${small.hoiMs.toFixed(1)} → ${big.hoiMs.toFixed(1)} ms`);
      check(`scale ${p}: /traloi with ${large}, × its time with 1,000`, big.traloiMs / small.traloiMs, "<=", 1.5, "×", `${small.traloiMs.toFixed(1)} → ${big.traloiMs.toFixed(1)} ms`);
      // each round's two bursts ran back to back: their ratio is paired, the median of the rounds robust to a loaded moment
      const ratios = small.burstMs.map((ms, i) => ms / (big.burstMs[i] ?? NaN));
      console.log(`scale ${p}: bursts, speed with ${large} × with 1,000, round by round: ${ratios.map((r) => r.toFixed(2)).join(", ")}`);
      check(`scale ${p}: bursts of 100 /hoi with ${large}, × their speed with 1,000 (median of ${BURSTS} paired rounds)`, median(ratios), ">=", 0.9, "×", `${small.burstPerSecond.toFixed(0)} → ${big.burstPerSecond.toFixed(0)} handled/s`);
      Object.assign(out, {
        [`hoi_ms_1k_${provider}`]: small.hoiMs,
        [`hoi_ms_100k_${provider}`]: big.hoiMs,
        [`traloi_ms_1k_${provider}`]: small.traloiMs,
        [`traloi_ms_100k_${provider}`]: big.traloiMs,
        [`hoi_burst_per_s_1k_${provider}`]: small.burstPerSecond,
        [`hoi_burst_per_s_100k_${provider}`]: big.burstPerSecond,
      });
    }
    if (part("report")) {
      const rb = await measureReportAndBroadcast(provider);
      check(`scale ${p}: province report over ${rb.reportQuestions.toLocaleString("en")} questions`, rb.reportMs, "<", 1000, "ms");
      check(`scale ${p}: broadcast to ${rb.recipients.toLocaleString("en")} members enqueued`, rb.broadcastS, "<", 10, "s");
      Object.assign(out, { [`report_13k_ms_${provider}`]: rb.reportMs, [`broadcast_50k_s_${provider}`]: rb.broadcastS });
    }
    if (part("cli")) {
      const cli = await cliNoop(provider);
      if (provider === "postgresql") check(`scale ${p}: CLI command with nothing to do (db:migrate, node + tsx)`, cli, "<", 2, "s");
      else console.log(`scale ${p}: CLI command with nothing to do (db:migrate, node + tsx): ${cli.toFixed(2)} s`);
      out[`cli_noop_s_${provider}`] = cli;
    }
  }
  return out;
}
