import type { Logger } from "pino";
import { openDatabase, type Database } from "../../prisma/db.ts";
import { migrate } from "../../prisma/migrate.ts";
import type { Config } from "./config.ts";
import { systemClock, type Clock } from "../core/clock.ts";
import type { Feature, Services } from "../core/context.ts";
import { buildServices } from "./services.ts";
import { Core } from "../core/router.ts";
import { assertKeySource, Secrets } from "../core/secrets.ts";
import { createLlm, type Llm } from "../core/llm.ts";
import { HttpServer, hostGuard, mountWebhook } from "../core/http.ts";
import { mountDownloads } from "../core/downloads.ts";
import { networkInterfaces } from "node:os";
import { TelegramChannel } from "../channels/telegram/index.ts";
import { WebChannel } from "../channels/web/index.ts";
import { ZaloChannel } from "../channels/zalo/index.ts";
import { OutboxWorker } from "../core/outbox/worker.ts";
import type { Channel } from "../core/channel.ts";
import { Scheduler } from "../../scheduler/index.ts";
import { allFeatures, MENUS } from "./features.ts";
import { seedDemo } from "./demo.ts";
import { mountHealth, type HealthSources } from "./health.ts";
import { instrumentSender } from "../core/metrics.ts";
import { Episode } from "../core/backoff.ts";
import { HEARTBEAT_MS, STALE_MS } from "../core/outbox/presence.ts";
import { webSignIn } from "../../handlers/onboarding/api.ts";

export interface AppOptions {
  config: Config;
  log: Logger;
  clock?: Clock;
  llm?: Llm | null;
  features?: Feature[];
  /** /readyz fails while the oldest due outbox row has waited longer than this (default 5 minutes). */
  readyMaxOutboxLagMs?: number;
}

/** How often updates left by instances that died are looked for. */
const RECOVER_EVERY_MS = 5_000;

/** The composition root's product: every part built, with an explicit start/stop lifecycle. */
export class App {
  db!: Database;
  s!: Services;
  core!: Core;
  telegram: TelegramChannel | null = null;
  web: WebChannel | null = null;
  zalo: ZaloChannel | null = null;
  scheduler: Scheduler | null = null;
  workers: OutboxWorker[] = [];
  /** Every channel this instance runs, built from the configuration. */
  channels: Channel[] = [];
  private servers: HttpServer[] = [];
  private pending = new Set<Promise<unknown>>();
  webPort = 0;
  private features: Feature[] = [];
  private recoverTimer: NodeJS.Timeout | null = null;
  port = 0;

  constructor(private o: AppOptions) {}

  async start(): Promise<this> {
    const { config, log } = this.o;
    const clock = this.o.clock ?? systemClock;
    const t0 = Date.now();
    assertKeySource(config);
    const m = await migrate(config.DATABASE_URL, { log: (msg: string) => log.info(msg) });
    this.db = await openDatabase(config.DATABASE_URL);
    const prisma = this.db.prisma;
    const secrets = await Secrets.load(prisma, config);
    const llm = this.o.llm !== undefined ? this.o.llm : createLlm(config, log);
    const features = this.o.features ?? allFeatures();
    this.s = buildServices({ prisma, clock, log, llm, config, secrets, features });
    const outbox = this.s.outbox;
    this.features = features;
    this.core = new Core(this.s, features);
    // this instance's heartbeat: inbox rows, outbox claims and jobs it holds are taken over when it stops beating
    const presence = outbox.presence;
    let beatFailedAt = 0;
    presence.onBeat((ok) => {
      if (!ok) beatFailedAt = Date.now();
    });
    await presence.start();
    this.core.presence = presence;
    if (config.demo) {
      const seeded = await seedDemo(prisma);
      log.info(seeded, "demo organisation ready");
    }
    for (const f of features) await f.init?.(this.s);

    for (const channel of this.buildChannels()) this.channels.push(channel);
    if (this.web) {
      const http = new HttpServer(log.child({ http: "web" }));
      http.app.use("*", hostGuard(webHosts(config)));
      mountHealth(http.app, this.health());
      this.web.mount(http.app);
      mountDownloads(http.app, prisma, clock);
      for (const f of features) f.web?.(http.app, this.s);
      this.webPort = await http.listen(config.WEB_PORT, config.WEB_HOST);
      this.servers.push(http);
      log.info({ url: `http://${config.WEB_HOST}:${this.webPort}/` }, "web chat ready");
    }

    // crash recovery: updates stored but not handled are handled first
    const recovered = await this.core.recover();
    if (recovered) log.info({ recovered }, "handled updates left over from the last run");

    // updates left pending by an instance that died are taken over as soon as its heartbeat is
    // stale — but not right after an outage of our own, while live instances renew theirs
    const recovery = new Episode(log, "inbox recovery");
    let recovering = false;
    this.recoverTimer = setInterval(() => {
      if (recovering || Date.now() - beatFailedAt < STALE_MS + 2 * HEARTBEAT_MS) return;
      recovering = true;
      this.core
        .recover({ olderThanMs: 120_000 })
        .then((n) => {
          recovery.ok();
          if (n) log.info({ recovered: n }, "took over updates of an instance that stopped");
        })
        .catch((e) => recovery.fail(e))
        .finally(() => (recovering = false));
    }, RECOVER_EVERY_MS);
    this.recoverTimer.unref();

    for (const channel of this.channels) {
      const sender = channel.sender();
      const w = new OutboxWorker(outbox, instrumentSender(sender), log.child({ outbox: sender.channel }));
      w.start();
      this.workers.push(w);
    }
    if (config.SCHEDULER) {
      this.scheduler = new Scheduler(this.s, features, outbox.instanceId, undefined, presence);
      await this.scheduler.start();
    }
    if (config.BOT_MODE === "webhook" && this.channels.some((c) => c.handleWebhook)) await this.startWebhookServer();
    for (const channel of this.channels) await channel.start();
    log.info({ ms: Date.now() - t0, migrations: m.applied.length, db: this.db.provider, instance: outbox.instanceId }, "bot started");
    return this;
  }

  /** One adapter per configured platform; the rest of the app only loops over the list. */
  private buildChannels(): Channel[] {
    const { config, log } = this.o;
    const list: Channel[] = [];
    if (config.TELEGRAM_BOT_TOKEN) {
      this.telegram = new TelegramChannel({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        mode: config.BOT_MODE,
        publicUrl: config.PUBLIC_URL,
        webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
        ratePerSecond: config.TELEGRAM_RATE_PER_SECOND,
        log: log.child({ channel: "telegram" }),
        core: this.core,
        menus: MENUS,
      });
      list.push(this.telegram);
    }
    if (config.ZALO_BOT_TOKEN) {
      this.zalo = new ZaloChannel({
        token: config.ZALO_BOT_TOKEN,
        baseUrl: config.ZALO_API_BASE,
        mode: config.BOT_MODE,
        publicUrl: config.PUBLIC_URL,
        webhookSecret: config.ZALO_WEBHOOK_SECRET,
        ratePerSecond: config.ZALO_RATE_PER_SECOND,
        pollTimeoutSec: config.ZALO_POLL_TIMEOUT,
        log: log.child({ channel: "zalo" }),
        core: this.core,
        // download links are served by the webhook server, which runs in webhook mode only
        downloadBase: config.BOT_MODE === "webhook" ? (config.PUBLIC_URL ?? null) : null,
      });
      list.push(this.zalo);
    }
    if (config.webChat) {
      this.web = new WebChannel(this.s, this.core, { demo: config.demo, signIn: webSignIn(this.s) });
      list.push(this.web);
    }
    return list;
  }

  private async startWebhookServer(): Promise<void> {
    const { config, log } = this.o;
    const http = new HttpServer(log.child({ http: "webhook" }));
    for (const channel of this.channels) if (channel.handleWebhook && channel.webhookPath) mountWebhook(http.app, channel, (p) => this.track(p));
    mountHealth(http.app, this.health());
    mountDownloads(http.app, this.s.prisma, this.s.clock);
    // without the web chat, feature pages (the live board) are served here
    if (!this.o.config.webChat) for (const f of this.features) f.web?.(http.app, this.s);
    this.port = await http.listen(config.PORT, config.HOST);
    log.info({ port: this.port }, "webhook server ready");
    this.servers.push(http);
  }

  /** What /healthz, /readyz and /metrics look at. */
  private health(): HealthSources {
    return { prisma: this.s.prisma, clock: this.s.clock, channels: () => this.channels, maxOutboxLagMs: this.o.readyMaxOutboxLagMs ?? 5 * 60_000 };
  }

  /** Work done after answering a webhook: awaited on stop so nothing is cut in half. */
  track(p: Promise<unknown>): void {
    const q = p.catch((e) => this.o.log.error({ err: e }, "background work failed"));
    this.pending.add(q);
    void q.finally(() => this.pending.delete(q));
  }

  async stop(): Promise<void> {
    const { log } = this.o;
    if (this.recoverTimer) clearInterval(this.recoverTimer);
    this.core?.stop();
    for (const channel of this.channels) await channel.stop().catch((e) => log.warn({ err: e, channel: channel.name }, "channel stop failed"));
    for (const s of this.servers) await s.close();
    await Promise.all([...this.pending]);
    await this.scheduler?.stop();
    for (const w of this.workers) await w.stop();
    // heartbeat and leases removed: other instances take over at once
    await this.s?.outbox.presence.stop().catch(() => undefined);
    await this.db?.close();
    log.info("bot stopped");
  }
}

/**
 * Host names the web chat answers for: loopback, WEB_HOST (or, when it is a wildcard, every
 * address of this machine) and PUBLIC_URL's host. Anything else is refused (DNS rebinding).
 */
export function webHosts(config: Pick<Config, "WEB_HOST" | "PUBLIC_URL">): string[] {
  const hosts = ["localhost", "127.0.0.1", "[::1]"];
  const wildcard = ["0.0.0.0", "::", "[::]", ""].includes(config.WEB_HOST);
  const literal = (a: string) => (a.includes(":") ? `[${a}]` : a);
  if (!wildcard) hosts.push(literal(config.WEB_HOST));
  else for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) hosts.push(literal(a.address.split("%")[0]!));
  if (config.PUBLIC_URL) hosts.push(new URL(config.PUBLIC_URL).host);
  return hosts;
}
