// The production bot process: the compiled JavaScript in dist/, started with exactly the
// command of package.json's `start` script (which is also the Docker image's CMD and the
// systemd unit's ExecStart; test/unit/deploy.test.ts checks they agree).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** package.json's `start` script as argv: ["node", "dist/bot/app/main.js"]. */
export function startArgv(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return pkg.scripts.start!.trim().split(/\s+/);
}

/** Build dist/ when it is missing or older than the sources (what `npm start` runs first). */
export function ensureBuilt(): void {
  const r = spawnSync(process.execPath, [join(ROOT, "scripts/build.mjs"), "--if-stale"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`);
}

export interface LogLine extends Record<string, unknown> {
  /** performance.now() when the line arrived. */
  arrivedAt: number;
}

/** One compiled bot process with its JSON log lines. */
export class CompiledBot {
  logs: LogLine[] = [];
  raw = "";
  readonly exited: Promise<number | null>;
  exitCode: number | null | undefined;

  private constructor(
    readonly child: ChildProcess,
    /** performance.now() at spawn. */
    readonly spawnedAt: number,
  ) {
    let buf = "";
    const onData = (d: Buffer) => {
      const at = performance.now();
      const s = d.toString("utf8");
      this.raw += s;
      buf += s;
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        try {
          this.logs.push({ ...(JSON.parse(line) as Record<string, unknown>), arrivedAt: at });
        } catch {
          /* not a log line */
        }
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve((this.exitCode = code))));
  }

  /** Spawn `node dist/bot/app/main.js` (the start script, node being this node) in the repository root. */
  static spawn(env: Record<string, string>): CompiledBot {
    const [cmd, ...args] = startArgv();
    const child = spawn(cmd === "node" ? process.execPath : cmd!, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "info", WEB_CHAT: "off", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return new CompiledBot(child, performance.now());
  }

  static async start(env: Record<string, string>): Promise<CompiledBot> {
    const bot = CompiledBot.spawn(env);
    await bot.waitForLog((l) => l.msg === "bot started", 60_000);
    return bot;
  }

  async waitForLog(pred: (l: LogLine) => boolean, timeoutMs = 30_000): Promise<LogLine> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.logs.find(pred);
      if (hit) return hit;
      if (this.exitCode !== undefined) throw new Error(`bot exited (${this.exitCode}):\n${this.raw.slice(-3000)}`);
      if (Date.now() > end) throw new Error(`timed out waiting for a log line:\n${this.raw.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Resident set size of the process in bytes (Linux /proc). */
  rss(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    if (!kb) throw new Error("no VmRSS in /proc status");
    return Number(kb) * 1024;
  }

  /** CPU time the process has used so far, user + system, in ms (Linux /proc; independent of other load). */
  cpuMs(): number {
    const fields = readFileSync(`/proc/${this.child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks of 10 ms
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  async stop(): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    this.child.kill("SIGTERM");
    const t = setTimeout(() => this.child.kill("SIGKILL"), 15_000);
    const code = await this.exited;
    clearTimeout(t);
    return code;
  }
}
