import { spawn, type ChildProcess } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { waitFor } from "./wait.ts";
import { ensureBuilt } from "./compiled.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The compiled file of a source (`bot/app/main.ts` → `dist/bot/app/main.js`), dist/ built
 * first when stale: the processes the tests start are the ones that ship, and they start
 * in a second instead of compiling TypeScript and training the classifier each time.
 */
let built = false;
function compiled(source: string): string {
  if (!built) {
    ensureBuilt();
    built = true;
  }
  return join("dist", source.replace(/\.ts$/, ".js"));
}

/** The real bot process (the compiled `node dist/bot/app/main.js`), its log lines parsed. */
export class BotProcess {
  logs: Record<string, unknown>[] = [];
  raw = "";
  exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    let buf = "";
    const onData = (d: Buffer) => {
      const s = d.toString("utf8");
      this.raw += s;
      buf += s;
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        try {
          this.logs.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          /* not a log line */
        }
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  }

  static async start(env: Record<string, string>, script = "bot/app/main.ts"): Promise<BotProcess> {
    const child = spawn(process.execPath, [compiled(script)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "info", WEB_CHAT: "off", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const p = new BotProcess(child);
    await p.waitForLog((l) => l.msg === "bot started", 60_000);
    return p;
  }

  async waitForLog(pred: (l: Record<string, unknown>) => boolean, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const end = Date.now() + timeoutMs;
    let exitCode: number | null | undefined;
    void this.exited.then((c) => (exitCode = c));
    while (Date.now() < end) {
      const hit = this.logs.find(pred);
      if (hit) return hit;
      if (exitCode !== undefined) throw new Error(`bot exited (${exitCode}):\n${this.raw.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for a log line:\n${this.raw.slice(-3000)}`);
  }

  /** The web chat's base URL, as logged when it listens (start it with WEB_PORT=0 for a free port). */
  async webUrl(): Promise<string> {
    const line = await this.waitForLog((l) => l.msg === "web chat ready");
    return String(line.url).replace(/\/$/, "");
  }

  kill(): Promise<number | null> {
    this.child.kill("SIGKILL");
    return this.exited;
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    this.child.kill("SIGTERM");
    const t = setTimeout(() => this.child.kill("SIGKILL"), 15_000);
    const code = await this.exited;
    clearTimeout(t);
    return code;
  }
}

/** Run the CLI (the compiled `bot/app/cli.ts`, as `npm run cli -- …` runs it without npm) and return its output. */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [compiled("bot/app/cli.ts"), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

export async function waitUntil(pred: () => boolean | Promise<boolean>, timeoutMs = 30_000, what = "condition"): Promise<void> {
  await waitFor(pred, { timeoutMs, what, everyMs: 50 });
}
