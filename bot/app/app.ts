import type { Logger } from "pino";
import { openDatabase, type Database } from "../../prisma/db.ts";
import { migrate } from "../../prisma/migrate.ts";
import type { Config } from "./config.ts";
import { systemClock, type Clock } from "../core/clock.ts";
import type { Feature, Services } from "../core/context.ts";
import { buildServices } from "./services.ts";
import { Core } from "../core/router.ts";
import { Secrets } from "../core/secrets.ts";
import { createLlm, type Llm } from "../core/llm.ts";
import { HttpServer, mountWebhook } from "../core/http.ts";
import { TelegramChannel } from "../channels/telegram/index.ts";
import { WebChannel } from "../channels/web/index.ts";
import { ZaloChannel } from "../channels/zalo/index.ts";
import { OutboxWorker } from "../core/outbox/worker.ts";
import type { Channel } from "../core/channel.ts";
import { Scheduler } from "../../scheduler/index.ts";
import { allFeatures, MENUS } from "./features.ts";
import { seedDemo } from "./demo.ts";

export interface AppOptions {
  config: Config;
  log: Logger;
  clock?: Clock;
  llm?: Llm | null;
  features?: Feature[];
}

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
    const m = await migrate(config.DATABASE_URL, { log: (msg: string) => log.info(msg) });
    this.db = await openDatabase(config.DATABASE_URL);
    const prisma = this.db.prisma;
    const secrets = await Secrets.load(prisma, config.APP_SECRET);
    const llm = this.o.llm !== undefined ? this.o.llm : createLlm(config, log);
    const features = this.o.features ?? allFeatures();
    this.s = buildServices({ prisma, clock, log, llm, config, secrets, features });
    const outbox = this.s.outbox;
    this.features = features;
    this.core = new Core(this.s, features);
    if (config.demo) {
      const seeded = await seedDemo(prisma);
      log.info(seeded, "demo organisation ready");
    }
    for (const f of features) await f.init?.(this.s);

    for (const channel of this.buildChannels()) this.channels.push(channel);
    if (this.web) {
      const http = new HttpServer(log.child({ http: "web" }));
      this.web.mount(http.app);
      for (const f of features) f.web?.(http.app, this.s);
      this.webPort = await http.listen(config.WEB_PORT, config.WEB_HOST);
      this.servers.push(http);
      log.info({ url: `http://${config.WEB_HOST}:${this.webPort}/` }, "web chat ready");
    }

    // crash recovery: updates stored but not handled are handled first
    const recovered = await this.core.recover();
    if (recovered) log.info({ recovered }, "handled updates left over from the last run");

    // updates left pending by an instance that died are taken over after a while
    this.recoverTimer = setInterval(() => {
      this.core.recover({ olderThanMs: 120_000 }).catch((e) => log.error({ err: e }, "recovery failed"));
    }, 60_000);
    this.recoverTimer.unref();

    for (const channel of this.channels) {
      const sender = channel.sender();
      const w = new OutboxWorker(outbox, sender, log.child({ outbox: sender.channel }));
      w.start();
      this.workers.push(w);
    }
    if (config.SCHEDULER) {
      this.scheduler = new Scheduler(this.s, features, outbox.instanceId);
      await this.scheduler.start();
    }
    if (config.BOT_MODE === "webhook" && this.channels.some((c) => c.handleWebhook)) await this.startWebhookServer();
    for (const channel of this.channels) await channel.start();
    log.info({ ms: Date.now() - t0, migrations: m.applied.length, db: this.db.provider }, "bot started");
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
        webhookSecret: config.WEBHOOK_SECRET,
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
        webhookSecret: config.WEBHOOK_SECRET,
        ratePerSecond: config.ZALO_RATE_PER_SECOND,
        pollTimeoutSec: config.ZALO_POLL_TIMEOUT,
        log: log.child({ channel: "zalo" }),
        core: this.core,
      });
      list.push(this.zalo);
    }
    if (config.webChat) {
      this.web = new WebChannel(this.s, this.core, { demo: config.demo });
      list.push(this.web);
    }
    return list;
  }

  private async startWebhookServer(): Promise<void> {
    const { config, log } = this.o;
    const http = new HttpServer(log.child({ http: "webhook" }));
    for (const channel of this.channels) if (channel.handleWebhook && channel.webhookPath) mountWebhook(http.app, channel, (p) => this.track(p));
    http.app.get("/healthz", (c) => c.json({ ok: true }));
    // without the web chat, feature pages (the live board) are served here
    if (!this.o.config.webChat) for (const f of this.features) f.web?.(http.app, this.s);
    this.port = await http.listen(config.PORT, config.HOST);
    log.info({ port: this.port }, "webhook server ready");
    this.servers.push(http);
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
    for (const channel of this.channels) await channel.stop().catch((e) => log.warn({ err: e, channel: channel.name }, "channel stop failed"));
    for (const s of this.servers) await s.close();
    await Promise.all([...this.pending]);
    await this.scheduler?.stop();
    for (const w of this.workers) await w.stop();
    await this.db?.close();
    log.info("bot stopped");
  }
}
