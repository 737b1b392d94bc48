import { afterEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG } from "../helpers/harness.ts";
import { waitFor } from "../helpers/wait.ts";
import { Outbox, type Target } from "../../bot/core/outbox/outbox.ts";
import { OutboxWorker } from "../../bot/core/outbox/worker.ts";
import { STALE_MS } from "../../bot/core/outbox/presence.ts";
import type { ChannelSender, DeliveryResult } from "../../bot/core/channel.ts";
import type { OutboxPayload } from "../../bot/core/types.ts";
import { coreText } from "../../prompts/vi/core.ts";

interface Sent {
  chatId: string;
  text: string;
  by: string;
}

/** An in-process platform: records every send; a chat can be made to hang until released. */
function platform(log: Sent[], opts: { name?: string; perSecond?: number; perChatPerSecond?: number } = {}) {
  const held = new Map<string, (() => void)[]>();
  const hanging = new Set<string>();
  const sender: ChannelSender = {
    channel: "telegram",
    limits: { perSecond: opts.perSecond ?? 1000, perChatBurst: 1000, perChatPerSecond: opts.perChatPerSecond ?? 1000 },
    concurrency: 16,
    send: async (chatId: string, payload: OutboxPayload): Promise<DeliveryResult> => {
      if (hanging.has(chatId)) await new Promise<void>((r) => held.set(chatId, [...(held.get(chatId) ?? []), r]));
      log.push({ chatId, text: payload.text, by: opts.name ?? "a" });
      return { ok: true, messageId: String(log.length) };
    },
  };
  return {
    sender,
    hang: (chat: string) => hanging.add(chat),
    release: (chat: string) => {
      hanging.delete(chat);
      for (const r of held.get(chat) ?? []) r();
      held.delete(chat);
    },
  };
}

const target = (chatId: string, extra: Partial<Target> = {}): Target => ({ channel: "telegram", chatId, userKey: chatId, ...extra });
const textsTo = (log: Sent[], chat: string) => log.filter((s) => s.chatId === chat).map((s) => s.text);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup() {
  const h = await Harness.create({ org: TEST_ORG });
  cleanup.push(() => h.close());
  return h;
}

function startWorker(outbox: Outbox, sender: ChannelSender, h: Harness): OutboxWorker {
  const w = new OutboxWorker(outbox, sender, h.s.log);
  w.start();
  cleanup.push(() => w.stop());
  return w;
}

describe("Outbox delivery (real database, in-process platform)", () => {
  it("When chats have many rows each, then each chat's rows arrive in order, one at a time, and a hanging chat holds only itself", async () => {
    const h = await setup();
    const log: Sent[] = [];
    const p = platform(log);
    p.hang("slow");
    for (let i = 0; i < 5; i++) for (const chat of ["a", "b", "c", "slow"]) await h.s.outbox.enqueue(target(chat), { text: `${chat}${i}` });
    startWorker(h.s.outbox, p.sender, h);
    await waitFor(() => ["a", "b", "c"].every((c) => textsTo(log, c).length === 5), { what: "the other chats served" });
    // the slow chat's first row is in flight, its later rows wait for it
    expect(textsTo(log, "slow")).toEqual([]);
    expect(await h.s.prisma.outboxMessage.count({ where: { status: "pending", leaseOwner: { not: null } } })).toBe(1);
    for (const c of ["a", "b", "c"]) expect(textsTo(log, c)).toEqual([0, 1, 2, 3, 4].map((i) => `${c}${i}`));
    p.release("slow");
    await waitFor(() => textsTo(log, "slow").length === 5, { what: "the slow chat served" });
    expect(textsTo(log, "slow")).toEqual([0, 1, 2, 3, 4].map((i) => `slow${i}`));
  });

  it("When a broadcast is going out, then an interactive reply goes before the bulk rows still waiting, and a chat's own order is kept", async () => {
    const h = await setup();
    const log: Sent[] = [];
    const p = platform(log, { perSecond: 20 });
    for (let i = 0; i < 60; i++) await h.s.outbox.enqueue(target(`bulk${i}`), { text: `news ${i}` }, { bulk: true });
    // a member with a bulk row waiting writes in: their reply follows it, both in the fast lane
    await h.s.outbox.enqueue(target("member"), { text: "news member" }, { bulk: true });
    startWorker(h.s.outbox, p.sender, h);
    await waitFor(() => log.length >= 5, { what: "the broadcast started" });
    await h.s.outbox.enqueue(target("member"), { text: "reply" });
    await waitFor(() => textsTo(log, "member").length === 2, { what: "the member's reply" });
    expect(textsTo(log, "member")).toEqual(["news member", "reply"]);
    const at = log.findIndex((s) => s.text === "reply");
    const bulkLeft = log.slice(at + 1).length + (await h.s.prisma.outboxMessage.count({ where: { status: "pending" } }));
    expect(bulkLeft).toBeGreaterThan(30);
  });

  it("When an instance dies holding a chat's row, then the chat waits until its heartbeat is stale, then goes on in order from that row", async () => {
    const h = await setup();
    const log: Sent[] = [];
    const [first] = await h.s.outbox.enqueue(target("x"), { text: "x1" });
    await h.s.outbox.enqueue(target("x"), { text: "x2" });
    await h.s.outbox.enqueue(target("y"), { text: "y1" });
    // the dead instance: it had claimed x1 and its last heartbeat is still fresh for a moment
    const until = new Date(Date.now() + 1500);
    await h.s.prisma.lease.create({ data: { name: "instance:dead-1", owner: "dead-1", until } });
    await h.s.prisma.outboxMessage.update({ where: { id: first! }, data: { leaseOwner: "dead-1", leaseUntil: new Date(Date.now() + 60_000) } });
    startWorker(h.s.outbox, platform(log).sender, h);
    await waitFor(() => textsTo(log, "y").length === 1, { what: "the other chat served" });
    expect(textsTo(log, "x")).toEqual([]);
    await waitFor(() => textsTo(log, "x").length === 2, { what: "the chat taken over", timeoutMs: STALE_MS });
    expect(Date.now()).toBeGreaterThanOrEqual(until.getTime());
    expect(textsTo(log, "x")).toEqual(["x1", "x2"]);
  });

  it("When two instances run, then one sends for the channel and the other takes over when it stops", async () => {
    const h = await setup();
    const log: Sent[] = [];
    const other = new Outbox(h.s.prisma, h.clock, [], undefined, undefined, h.s.secrets);
    const wa = startWorker(h.s.outbox, platform(log, { name: "a", perSecond: 50 }).sender, h);
    await waitFor(() => wa.active, { what: "a sending" });
    const wb = startWorker(other, platform(log, { name: "b", perSecond: 50 }).sender, h);
    for (let i = 0; i < 20; i++) await h.s.outbox.enqueue(target(`c${i}`), { text: `m${i}` });
    await waitFor(() => log.length === 20, { what: "the first rows" });
    expect(new Set(log.map((s) => s.by))).toEqual(new Set(["a"]));
    expect(wb.active).toBe(false);
    await wa.stop();
    for (let i = 0; i < 20; i++) await other.enqueue(target(`d${i}`), { text: `n${i}` });
    await waitFor(() => log.length === 40, { what: "the rest, by the other instance", timeoutMs: STALE_MS });
    expect(new Set(log.slice(20).map((s) => s.by))).toEqual(new Set(["b"]));
    expect(new Set(log.map((s) => s.text)).size).toBe(40);
  });

  it("When a message goes to an anonymous target, then its row holds no chat id or person, and once sent no text or address", async () => {
    const h = await setup();
    const log: Sent[] = [];
    const choices = [{ label: "Hữu ích", action: "dlg.rate", args: { questionId: 7 } }];
    const [id] = await h.s.outbox.enqueue(target("777001", { personId: 42, anonymous: true }), { text: "Câu trả lời ẩn danh", choices }, { dedupeKey: "anon:abc" });
    const row = await h.s.prisma.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row.chatId).toBe("");
    expect(row.personId).toBeNull();
    expect(row.sealedTo).not.toContain("777001");
    expect(row.chatKey).toBe(h.s.outbox.chatKeyOf("telegram", "777001"));
    const set = await h.s.prisma.choiceSet.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(set.userKey).not.toContain("777001");
    expect(set.userKey).not.toBe(h.s.outbox.choiceOwner("telegram", "777001"));
    expect(set.userKey).toBe(h.s.outbox.choiceOwner("telegram", "777001", true));
    startWorker(h.s.outbox, platform(log).sender, h);
    await waitFor(() => log.length === 1, { what: "the anonymous row sent" });
    expect(log[0]).toMatchObject({ chatId: "777001", text: "Câu trả lời ẩn danh" });
    await waitFor(async () => (await h.s.prisma.outboxMessage.findUniqueOrThrow({ where: { id: id! } })).status === "sent", { what: "recorded" });
    const done = await h.s.prisma.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
    expect({ payload: done.payload, sealedTo: done.sealedTo, chatKey: done.chatKey, chatId: done.chatId, personId: done.personId }).toEqual({
      payload: "",
      sealedTo: null,
      chatKey: "",
      chatId: "",
      personId: null,
    });
    expect(done.dedupeKey).toBe("anon:abc#1");
  });

  it("When a user is offered choices, then the choice set is stored under a keyed hash and the button still works for them only", async () => {
    const h = await setup();
    const u = h.user("Lan");
    const other = h.user("Mai");
    await h.send(u, "/start");
    const set = await h.s.prisma.choiceSet.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(set.userKey).not.toBe(u.id);
    expect(set.userKey).toBe(h.s.outbox.choiceOwner(u.channel, u.id));
    await h.core.receive({ channel: other.channel, chatId: other.id, userId: other.id, displayName: other.name, choice: { setId: set.id, index: 1 } }, "forged-1");
    expect((await h.unread(other)).map((m) => m.text)).toEqual([coreText.choiceExpired]);
    const pressed = await h.press(u, 1);
    expect(pressed.length).toBeGreaterThan(0);
    expect(pressed[0]!.text).not.toBe(coreText.choiceExpired);
  });
});
