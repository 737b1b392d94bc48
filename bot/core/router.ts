import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { coreText } from "../../prompts/vi/core.ts";
import { MAX_INPUT_LENGTH } from "./channel.ts";
import type { ActionSpec, CommandSpec, Ctx, Feature, FlowState, MembershipView, PersonView, Role, Services } from "./context.ts";
import { FloodGuard } from "./flood.ts";
import { answersOwnNumbers } from "./forms.ts";
import { cleanInput, cleanName } from "./text.ts";
import { commandList, mayRun, type CommandInfo } from "./commands.ts";
import type { Choice, Incoming, Outgoing } from "./types.ts";
import { isUniqueViolation } from "./outbox/outbox.ts";
import { parseButtonData } from "./buttons.ts";
import { Episode, backoffDelay, isTransientError, sleep } from "./backoff.ts";
import { metrics } from "./metrics.ts";
import type { Presence } from "./outbox/presence.ts";

/** How long a set of offered choices stays valid. */
const CHOICE_TTL_MS = 7 * 86_400_000;

/**
 * The channel-neutral core: stores each update (inbox), resolves who is talking, routes
 * commands, choices and flows to the features, and queues every reply through the outbox.
 */
export class Core {
  private commands = new Map<string, CommandSpec>();
  private actions = new Map<string, ActionSpec>();
  private flows = new Map<string, (ctx: Ctx, text: string) => Promise<void>>();
  private fallbacks: NonNullable<Feature["fallback"]>[] = [];
  private flood: FloodGuard;
  /** Serialises processing per chat inside this instance (order within a chat). */
  private chains = new Map<string, Promise<void>>();
  /** Inbox rows this instance stored and will handle itself (id → when stored). */
  private owned = new Map<number, number>();
  /** Flood verdicts of updates being retried after an outage (an update is counted once). */
  private verdicts = new Map<number, ReturnType<FloodGuard["check"]>>();
  /** Aborted by stop(): updates waiting out an outage stop retrying (they stay stored). */
  private stopping = new AbortController();
  private outage: Episode;
  /**
   * This instance's heartbeat (set by the composition root): inbox rows carry their handling
   * instance, and recovery takes over the rows of instances that are no longer alive.
   */
  presence: Presence | null = null;
  /** The owner id without a Presence (tests, one-off tools): this Core object alone. */
  private localId = randomUUID();

  constructor(
    readonly s: Services,
    readonly features: Feature[],
  ) {
    for (const f of features) {
      for (const [k, v] of Object.entries(f.commands ?? {})) this.register(this.commands, k, v, f.name);
      for (const [k, v] of Object.entries(f.actions ?? {})) this.register(this.actions, k, v, f.name);
      for (const [k, v] of Object.entries(f.flows ?? {})) this.register(this.flows, k, v, f.name);
      if (f.fallback) this.fallbacks.push(f.fallback);
    }
    this.flood = new FloodGuard(s.config.FLOOD_MAX_MESSAGES, s.config.FLOOD_WINDOW_SECONDS * 1000);
    this.outage = new Episode(s.log, "update handling");
  }

  /** The id written as the owner of inbox rows this instance handles. */
  get instanceId(): string {
    return this.presence?.id ?? this.localId;
  }

  /** Updates waiting out an outage stop retrying (they stay stored, handled at the next start). */
  stop(): void {
    this.stopping.abort();
  }

  private register<T>(map: Map<string, T>, key: string, v: T, feature: string): void {
    if (map.has(key)) throw new Error(`Duplicate registration of "${key}" by feature ${feature}`);
    map.set(key, v);
  }

  commandNames(): string[] {
    return [...this.commands.keys()];
  }

  /** Every registered command with who may run it (the help, menus and README are generated from it). */
  commandList(): CommandInfo[] {
    return commandList(this.features);
  }

  /**
   * Store an update before it is acknowledged. Returns the inbox id, or null when this
   * platform update was already stored (a redelivery).
   */
  async store(incoming: Incoming, updateKey: string): Promise<number | null> {
    try {
      const row = await this.s.prisma.inboundUpdate.create({
        data: { channel: incoming.channel, updateKey, payload: JSON.stringify(incoming), receivedAt: this.s.clock.now(), owner: this.instanceId },
        select: { id: true },
      });
      // this instance will handle it: no need to claim it again (recovery leaves it alone)
      this.owned.set(row.id, Date.now());
      metrics.updatesIn.inc({ channel: incoming.channel });
      return row.id;
    } catch (e) {
      if (isUniqueViolation(e)) return null;
      throw e;
    }
  }

  /** Store then process (in order per chat). Duplicate updates are ignored. */
  async receive(incoming: Incoming, updateKey: string): Promise<void> {
    const id = await this.store(incoming, updateKey);
    if (id !== null) await this.processStored(id, incoming);
  }

  /** Process a stored update once: claim it, handle it, queue replies and mark it done. */
  async processStored(inboxId: number, incoming: Incoming): Promise<void> {
    const key = `${incoming.channel}:${incoming.chatId}`;
    const prev = this.chains.get(key) ?? Promise.resolve();
    const run = prev.then(() => this.processRetrying(inboxId, incoming));
    const tail = run.catch(() => undefined);
    this.chains.set(key, tail);
    void tail.then(() => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
    await run;
  }

  /**
   * An outage (database or network away) while handling: the same update is tried again with
   * backoff, holding the chat's later updates (order is kept), logged once per episode. Other
   * errors are the update's own: processOne answers them and marks the row failed.
   */
  private async processRetrying(inboxId: number, incoming: Incoming): Promise<void> {
    const t0 = performance.now();
    for (let attempt = 0; ; attempt++) {
      try {
        await this.processOne(inboxId, incoming);
        break;
      } catch (e) {
        if (!isTransientError(e) || this.stopping.signal.aborted) {
          this.verdicts.delete(inboxId);
          throw e;
        }
        this.outage.fail(e);
        await sleep(backoffDelay(attempt), this.stopping.signal);
        if (this.stopping.signal.aborted) throw e;
      }
    }
    this.outage.ok();
    this.verdicts.delete(inboxId);
    metrics.handling.observe({ channel: incoming.channel }, (performance.now() - t0) / 1000);
  }

  /**
   * Updates stored but never handled: those of instances no longer alive (their heartbeat
   * lapsed: killed, crashed) are taken over at once; without a Presence (nothing to tell who
   * is alive) and for rows stored before owners were recorded, those older than `olderThanMs`. Each is claimed (compare-and-set on its owner) before it is handled,
   * so instances never share one; rows of one chat are handled in id order.
   */
  async recover(opts: { olderThanMs?: number } = {}): Promise<number> {
    const { prisma } = this.s;
    const me = this.instanceId;
    const alive = this.presence ? await this.presence.aliveIds() : [me];
    const before = new Date(this.s.clock.now().getTime() - (opts.olderThanMs ?? 0));
    const work: Promise<void>[] = [];
    let after = 0;
    for (;;) {
      const rows = await prisma.inboundUpdate.findMany({
        where: {
          status: { in: ["pending", "processing"] },
          id: { gt: after },
          OR: [this.presence ? { owner: { notIn: alive } } : { owner: { notIn: alive }, receivedAt: { lte: before } }, { owner: null, receivedAt: { lte: before } }],
        },
        orderBy: { id: "asc" },
        take: 200,
        select: { id: true, payload: true, status: true, owner: true },
      });
      if (!rows.length) break;
      for (const r of rows) {
        after = r.id;
        const claimed = await prisma.inboundUpdate.updateMany({ where: { id: r.id, status: r.status, owner: r.owner }, data: { status: "processing", owner: me } });
        if (claimed.count !== 1 || !r.payload) continue;
        this.owned.set(r.id, Date.now());
        // started in id order: processStored chains them per chat
        work.push(this.processStored(r.id, JSON.parse(r.payload) as Incoming).catch((e) => this.s.log.error({ err: e, update: r.id }, "recovered update failed")));
      }
    }
    await Promise.all(work);
    return work.length;
  }

  private async processOne(inboxId: number, incoming: Incoming): Promise<void> {
    const { prisma } = this.s;
    if (!this.owned.delete(inboxId)) {
      // tried again after an outage: still ours? (while we could not beat, another instance may have taken it over)
      const claimed = await prisma.inboundUpdate.updateMany({
        where: { id: inboxId, status: { in: ["pending", "processing"] }, owner: this.instanceId },
        data: { status: "processing" },
      });
      if (claimed.count !== 1) return;
    }
    const log = this.s.log.child({ update: inboxId, channel: incoming.channel });
    const replies: Outgoing[] = [];
    let status = "done";
    let error: string | null = null;
    try {
      const verdict = this.verdicts.get(inboxId) ?? this.flood.check(`${incoming.channel}:${incoming.userId}`, Date.now());
      this.verdicts.set(inboxId, verdict);
      if (verdict === "drop") status = "throttled";
      else if (verdict === "warn") {
        status = "throttled";
        replies.push({ text: coreText.flood });
      } else {
        // names from every channel are cleaned before anything reads or stores them
        const ctx = await this.buildCtx({ ...incoming, displayName: cleanName(incoming.displayName) }, log, replies);
        await this.dispatch(ctx);
      }
    } catch (e) {
      // an outage is not the update's fault: processRetrying tries it again once the database is back
      if (isTransientError(e)) throw e;
      status = "failed";
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      log.error({ err: e }, "update failed");
      replies.length = 0;
      replies.push({ text: coreText.internalError });
    }
    const target = { channel: incoming.channel, chatId: incoming.chatId, userKey: incoming.userId };
    let i = 0;
    for (const r of replies) await this.s.outbox.enqueue(r.forget ? { ...target, anonymous: true } : target, r, { dedupeKey: `in:${inboxId}:${i++}`, fresh: true });
    await prisma.inboundUpdate.update({
      where: { id: inboxId },
      // the text is dropped once handled: kept only until then (crash recovery), it would
      // otherwise tie an anonymous question to the account that sent it
      data: { status, processedAt: this.s.clock.now(), error: error?.slice(0, 500) ?? null, payload: "" },
    });
  }

  private async dispatch(ctx: Ctx): Promise<void> {
    const inc = ctx.in;
    if (inc.unsupported) return ctx.reply(coreText.unsupported);
    if (inc.choice) return this.runChoice(ctx, inc.choice.setId, inc.choice.index);
    if (inc.button !== undefined) return this.runButton(ctx, inc.button);
    const raw = inc.text ?? "";
    if (raw.length > MAX_INPUT_LENGTH) return ctx.reply(coreText.tooLong(MAX_INPUT_LENGTH));
    const text = cleanInput(raw);
    if (!text && !inc.photo && !inc.document) return ctx.reply(coreText.empty);

    const cmd = /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
    if (cmd) {
      const name = cmd[1]!.toLowerCase();
      ctx.command = name;
      ctx.args = (cmd[2] ?? "").trim();
      const spec = this.commands.get(name);
      if (!spec) return ctx.reply(coreText.unknownCommand(name));
      if (!this.allowed(ctx, spec)) return;
      return spec.run(ctx);
    }
    const numbered = /^\d{1,2}$/.test(text);
    if (ctx.flow) {
      const flow = this.flows.get(ctx.flow.name);
      if (flow) {
        // In a flow the flow gets the text: a number typed at a step is that step's answer.
        // A form (forms.ts) resolves its step's own numbers; for any other flow a number picks
        // from a list offered since its current step began — never from an older list.
        if (numbered && !answersOwnNumbers(flow)) {
          const set = await this.latestChoiceSet(ctx, await this.flowSince(ctx));
          if (set) return this.runChoice(ctx, set.id, Number(text));
        }
        return flow(ctx, text);
      }
      await ctx.clearFlow();
    }
    if (numbered) {
      const set = await this.latestChoiceSet(ctx);
      if (set) return this.runChoice(ctx, set.id, Number(text));
    }
    for (const fb of this.fallbacks) if (await fb(ctx, text)) return;
    ctx.reply(ctx.person ? coreText.plainTextHint : coreText.notRegistered);
  }

  /** The rule of bot/core/commands.ts `mayRun` (the help lists exactly what it lets through). */
  private allowed(ctx: Ctx, spec: { roles?: Role[]; guest?: boolean }): boolean {
    if (mayRun(spec, { registered: !!ctx.person, roles: ctx.memberships.map((m) => m.role) })) return true;
    if (!ctx.person) ctx.reply(coreText.notRegistered);
    else ctx.reply(coreText.notAllowed((spec.roles ?? []).map((r) => coreText.roleNames[r] ?? r).join(", ")));
    return false;
  }

  private async latestChoiceSet(ctx: Ctx, since?: Date) {
    const fresh = new Date(this.s.clock.now().getTime() - CHOICE_TTL_MS);
    return this.s.prisma.choiceSet.findFirst({
      where: { channel: ctx.in.channel, userKey: { in: this.choiceOwners(ctx) }, createdAt: since && since > fresh ? { gte: since } : { gt: fresh } },
      orderBy: { id: "desc" },
      select: { id: true },
    });
  }

  /** When the user's current flow step began (both stamps are written by the database client's clock). */
  private async flowSince(ctx: Ctx): Promise<Date> {
    const conv = await this.s.prisma.conversation.findUnique({
      where: { channel_userKey: { channel: ctx.in.channel, userKey: ctx.in.userId } },
      select: { updatedAt: true },
    });
    return conv?.updatedAt ?? new Date(0);
  }

  /** The keyed hashes choice sets offered to this user are stored under (named and anonymous; see Outbox.choiceOwner). */
  private choiceOwners(ctx: Ctx): string[] {
    const { outbox } = this.s;
    return [outbox.choiceOwner(ctx.in.channel, ctx.in.userId), outbox.choiceOwner(ctx.in.channel, ctx.in.userId, true)];
  }

  /** A pressed button or typed number: checked against the set offered to this very user. */
  private async runChoice(ctx: Ctx, setId: number, index: number): Promise<void> {
    const set = await this.s.prisma.choiceSet.findUnique({ where: { id: setId } });
    const fresh = set && set.createdAt.getTime() > this.s.clock.now().getTime() - CHOICE_TTL_MS;
    if (!set || !fresh || set.channel !== ctx.in.channel || !this.choiceOwners(ctx).includes(set.userKey)) return ctx.reply(coreText.choiceExpired);
    const items = JSON.parse(set.items) as { action: string; args: Record<string, string | number | boolean | null> }[];
    const item = items[index - 1];
    const spec = item && this.actions.get(item.action);
    if (!item || !spec) return ctx.reply(coreText.choiceExpired);
    if (!this.allowed(ctx, spec)) return;
    // a one-shot set is used up by its first press (compare-and-delete: a replay finds nothing)
    if (spec.once && (await this.s.prisma.choiceSet.deleteMany({ where: { id: set.id } })).count !== 1) return ctx.reply(coreText.choiceExpired);
    await spec.run(ctx, item.args);
  }

  /** A pressed static button (bot/core/buttons.ts): its MAC, then an action offered as a button; the action checks the rest. */
  private async runButton(ctx: Ctx, data: string): Promise<void> {
    const b = parseButtonData(this.s.secrets, data);
    const spec = b && this.actions.get(b.action);
    if (!b || !spec?.button) return ctx.reply(coreText.buttonInvalid);
    if (!this.allowed(ctx, spec)) return;
    await spec.run(ctx, spec.button(b.id));
  }

  private async buildCtx(incoming: Incoming, log: Logger, replies: Outgoing[]): Promise<Ctx> {
    const { prisma } = this.s;
    const core = this;
    const convKey = { channel: incoming.channel, userKey: incoming.userId };
    const [loaded, conv] = await Promise.all([
      this.loadPerson(incoming),
      prisma.conversation.findUnique({ where: { channel_userKey: convKey } }),
    ]);
    const ctx: Ctx = {
      s: this.s,
      in: incoming,
      log,
      person: loaded.person,
      memberships: loaded.memberships,
      command: null,
      args: "",
      flow: conv && conv.flow ? { name: conv.flow, data: JSON.parse(conv.data) as Record<string, unknown> } : null,
      hasRole: (...roles) => ctx.memberships.some((m) => roles.includes(m.role)),
      withRole: (...roles) => ctx.memberships.filter((m) => roles.includes(m.role)),
      primaryUnit: () => ctx.memberships[0]?.unit ?? null,
      reply: (text: string, choices?: Choice[]) => {
        replies.push(choices?.length ? { text, choices } : { text });
      },
      replyWith: (out) => {
        replies.push(out);
      },
      async setFlow(name, data = {}) {
        const state: FlowState = { name, data };
        ctx.flow = state;
        await prisma.conversation.upsert({
          where: { channel_userKey: convKey },
          create: { ...convKey, flow: name, data: JSON.stringify(data) },
          update: { flow: name, data: JSON.stringify(data) },
        });
      },
      async clearFlow() {
        ctx.flow = null;
        await prisma.conversation.deleteMany({ where: convKey });
      },
      async audit(action, entity, entityId, detail) {
        await prisma.auditLog.create({
          data: {
            at: core.s.clock.now(),
            actorId: ctx.person?.id ?? null,
            action,
            entity: entity ?? null,
            entityId: entityId === undefined ? null : String(entityId),
            detail: detail ?? null,
          },
        });
      },
      async reload() {
        const r = await core.loadPerson(incoming);
        ctx.person = r.person;
        ctx.memberships = r.memberships;
      },
      commandList: () => core.commandList(),
    };
    return ctx;
  }

  async loadPerson(incoming: Incoming): Promise<{ person: PersonView | null; memberships: MembershipView[] }> {
    return this.s.people.byIdentity(incoming);
  }
}
