// The deployment files agree with each other and with the code: compose.yaml (services,
// health checks, the settings it passes), the Dockerfile, the systemd unit and the Caddyfile
// all run the command of package.json's `start`, which test/e2e/start.test.ts runs.
// (.ci/run also validates compose.yaml with `docker compose config` where the plugin exists.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { configSchema } from "../../bot/core/settings.ts";
import { ROOT, startArgv } from "../helpers/compiled.ts";

const read = (f: string) => readFileSync(join(ROOT, f), "utf8");

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
}
const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const bots = Object.entries(compose.services).filter(([name]) => /^bot\d+$/.test(name));
const settings = new Set(Object.keys(configSchema.shape));

/** The Dockerfile's instructions of one stage (continuation lines joined). */
function dockerStages(): { name: string; from: string; lines: string[] }[] {
  const lines = read("Dockerfile")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim().replace(/\s+/g, " "))
    .filter((l) => l && !l.startsWith("#"));
  const stages: { name: string; from: string; lines: string[] }[] = [];
  for (const l of lines) {
    const m = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(l);
    if (m) stages.push({ from: m[1]!, name: m[2] ?? "", lines: [] });
    else stages.at(-1)?.lines.push(l);
  }
  return stages;
}

describe("deployment files", () => {
  it("When compose.yaml is read, then it has PostgreSQL, two bot instances and a reverse proxy, with volumes for their data", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["bot1", "bot2", "db", "proxy"]);
    expect(compose.services.db!.image).toMatch(/^postgres:\d+/);
    expect(compose.services.proxy!.image).toMatch(/^caddy:/);
    expect(compose.services.proxy!.volumes).toContain("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
    expect(Object.keys(compose.volumes ?? {})).toContain("pgdata");
  });

  it("When a bot service is read, then it runs the start command in webhook mode on PostgreSQL, after the database is healthy, with a /healthz check", () => {
    expect(bots.length).toBe(2);
    for (const [, s] of bots) {
      expect(s.command).toEqual(startArgv());
      expect(s.environment!.BOT_MODE).toBe("webhook");
      expect(s.environment!.DATABASE_URL).toMatch(/^postgresql:\/\/[^@]+@db:5432\//);
      expect(s.environment!.PORT).toBe("3000");
      expect(s.depends_on?.db?.condition).toBe("service_healthy");
      expect(s.healthcheck!.test.join(" ")).toContain("http://127.0.0.1:3000/healthz");
      expect(s.build).toBe(".");
    }
    for (const s of Object.values(compose.services)) expect(s.healthcheck?.test.length).toBeGreaterThan(0);
  });

  it("When the bots' environment is read, then every variable is one the configuration schema knows", () => {
    for (const [, s] of bots) {
      const unknown = Object.keys(s.environment!).filter((k) => !settings.has(k));
      expect(unknown).toEqual([]);
    }
  });

  it("When compose.yaml interpolates a variable, then deploy/env.example lists it", () => {
    const example = new Set([...read("deploy/env.example").matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
    const used = new Set([...read("compose.yaml").matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!));
    expect([...used].filter((v) => !example.has(v))).toEqual([]);
    // and what the bot reads from it is a setting (the rest is for compose itself)
    const forCompose = new Set(["DOMAIN", "POSTGRES_PASSWORD", "DOANBOT_IMAGE"]);
    expect([...example].filter((v) => !forCompose.has(v) && !settings.has(v))).toEqual([]);
  });

  it("When the Caddyfile is read, then it sends the traffic to every bot instance and checks their health", () => {
    const caddy = read("deploy/Caddyfile");
    expect(caddy).toContain("reverse_proxy {$UPSTREAMS");
    expect(caddy).toContain("health_uri /healthz");
    const upstreams = compose.services.proxy!.environment!.UPSTREAMS!.split(/\s+/);
    expect(upstreams).toEqual(bots.map(([name]) => `${name}:3000`));
  });

  it("When the Dockerfile is read, then it builds in one stage and runs the start command as a non-root user on node:20-slim with production dependencies only", () => {
    const stages = dockerStages();
    expect(stages.map((s) => s.name)).toEqual(["build", "runtime"]);
    const arg = /ARG NODE_IMAGE=(\S+)/.exec(read("Dockerfile"))?.[1];
    expect(arg).toMatch(/^node:20(-[a-z]+)?-slim$/);
    const [build, runtime] = stages as [(typeof stages)[0], (typeof stages)[0]];
    expect(build.lines.join("\n")).toMatch(/RUN npm run build && npm prune --omit=dev/);
    expect(build.lines.join("\n")).toMatch(/apt-get install .*python3 make g\+\+/);
    const rt = runtime.lines;
    expect(rt.filter((l) => /^RUN .*npm (ci|install)/.test(l))).toEqual([]);
    expect(rt.some((l) => /^COPY --from=build \/app\/node_modules/.test(l))).toBe(true);
    const user = rt.filter((l) => l.startsWith("USER ")).at(-1);
    expect(user).toBe("USER node");
    const cmd = rt.find((l) => l.startsWith("CMD "))!;
    expect(JSON.parse(cmd.slice(4))).toEqual(startArgv());
    expect(rt.find((l) => l.startsWith("HEALTHCHECK "))).toContain("/healthz");
  });

  it("When the start script and the systemd unit are read, then both run the compiled JavaScript, never tsx", () => {
    const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).not.toMatch(/tsx|prisma/);
    expect(pkg.scripts.prestart).toBe("node scripts/build.mjs --if-stale");
    const exec = /^ExecStart=(.*)$/m.exec(read("deploy/doanbot.service"))![1]!.split(/\s+/);
    expect(exec[0]).toMatch(/\/node$/);
    expect(exec.slice(1)).toEqual(startArgv().slice(1));
  });
});
