import type { ChannelName } from "../../bot/core/types.ts";
import type { FakeTelegram } from "../fakes/telegram.ts";

/** A message the bot delivered to a user, as the user sees it on that channel. */
export interface SeenMessage {
  text: string;
  /** Labels of the buttons (Telegram, web); empty on Zalo, where choices are numbered lines in the text. */
  buttons: string[];
}

export interface ChannelUser {
  id: string;
  name: string;
}

/**
 * One way to talk to the running bot as a user of a channel, over that channel's real
 * interface (the fake platform API, or the web chat's HTTP API). The scenario suite runs
 * the same steps through each driver.
 */
export interface Driver {
  channel: ChannelName;
  user(name: string): Promise<ChannelUser>;
  send(u: ChannelUser, text: string): Promise<void>;
  /** Every message delivered to the user so far, oldest first. */
  messages(u: ChannelUser): Promise<SeenMessage[]>;
  /** Pick the choice whose label contains `label` in the latest message offering it. */
  choose(u: ChannelUser, label: string): Promise<void>;
}

let seq = 0;

/** Wait until the user has received more than `after` messages and the newest satisfies `pred`. */
export async function waitForMessage(
  d: Driver,
  u: ChannelUser,
  pred: (m: SeenMessage) => boolean,
  after = 0,
  timeoutMs = 15_000,
): Promise<SeenMessage> {
  const until = Date.now() + timeoutMs;
  let last: SeenMessage[] = [];
  while (Date.now() < until) {
    last = (await d.messages(u)).slice(after);
    const hit = last.find(pred);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`${d.channel}: no matching message for ${u.name}; got:\n${last.map((m) => m.text.slice(0, 200)).join("\n---\n")}`);
}

/** Text typed for a choice on a channel without buttons: the number of the line "N. label". */
export function numberFor(text: string, label: string): number | null {
  for (const line of text.split("\n")) {
    const m = /^(\d{1,2})\. (.*)$/.exec(line);
    if (m && m[2]!.includes(label)) return Number(m[1]);
  }
  return null;
}

export class TelegramDriver implements Driver {
  readonly channel = "telegram" as const;
  constructor(private fake: FakeTelegram) {}

  async user(name: string): Promise<ChannelUser> {
    return { id: String(700_000 + ++seq), name };
  }

  private from(u: ChannelUser) {
    return { id: Number(u.id), first_name: u.name };
  }

  async send(u: ChannelUser, text: string): Promise<void> {
    this.fake.sendText(this.from(u), text);
  }

  async messages(u: ChannelUser): Promise<SeenMessage[]> {
    return this.fake.messagesTo(u.id).map((m) => ({ text: m.text, buttons: buttonsOf(m.reply_markup).map((b) => b.text) }));
  }

  async choose(u: ChannelUser, label: string): Promise<void> {
    const msgs = this.fake.messagesTo(u.id);
    for (let i = msgs.length - 1; i >= 0; i--) {
      const b = buttonsOf(msgs[i]!.reply_markup).find((x) => x.text.includes(label));
      if (b) {
        this.fake.pressButton(this.from(u), msgs[i]!.message_id, b.callback_data);
        return;
      }
    }
    throw new Error(`telegram: no button "${label}" offered to ${u.name}`);
  }
}

function buttonsOf(markup: unknown): { text: string; callback_data: string }[] {
  const kb = (markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard;
  return kb ? kb.flat() : [];
}

/** The web chat through its HTTP API, with a signed session cookie per user. */
export class WebDriver implements Driver {
  readonly channel = "web" as const;
  private cookies = new Map<string, string>();
  constructor(private base: string) {}

  /** Act as one of the demo people (web chat demo). */
  persona(key: string): Promise<ChannelUser> {
    return this.login({ persona: key }, key);
  }

  user(name: string): Promise<ChannelUser> {
    return this.login({ name }, name);
  }

  private async login(body: object, name: string): Promise<ChannelUser> {
    const r = await fetch(`${this.base}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (r.status !== 200) throw new Error(`web login ${r.status}`);
    const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0]!;
    const { userId } = (await r.json()) as { userId: string };
    this.cookies.set(userId, cookie);
    return { id: userId, name };
  }

  private async post(u: ChannelUser, body: object): Promise<void> {
    const r = await fetch(`${this.base}/api/send`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: this.cookies.get(u.id)! },
      body: JSON.stringify({ requestId: `req-${Date.now()}-${++seq}`, ...body }),
    });
    if (r.status !== 202) throw new Error(`web send ${r.status} ${await r.text()}`);
  }

  send(u: ChannelUser, text: string): Promise<void> {
    return this.post(u, { text });
  }

  private async raw(u: ChannelUser): Promise<{ text: string; buttons?: { label: string; data: string }[] }[]> {
    const r = await fetch(`${this.base}/api/messages?after=0`, { headers: { cookie: this.cookies.get(u.id)! } });
    return ((await r.json()) as { messages: { text: string; buttons?: { label: string; data: string }[] }[] }).messages;
  }

  async messages(u: ChannelUser): Promise<SeenMessage[]> {
    return (await this.raw(u)).map((m) => ({ text: m.text, buttons: (m.buttons ?? []).map((b) => b.label) }));
  }

  async choose(u: ChannelUser, label: string): Promise<void> {
    const msgs = await this.raw(u);
    for (let i = msgs.length - 1; i >= 0; i--) {
      const b = (msgs[i]!.buttons ?? []).find((x) => x.label.includes(label));
      if (b) {
        const [, setId, index] = b.data.split(":");
        return this.post(u, { choice: { setId: Number(setId), index: Number(index) } });
      }
    }
    throw new Error(`web: no button "${label}" offered to ${u.name}`);
  }
}

/** Zalo has no buttons: choices arrive as numbered lines and are answered with the number. */
export class ZaloDriver implements Driver {
  readonly channel = "zalo" as const;
  constructor(private fake: import("../fakes/zalo.ts").FakeZalo) {}

  async user(name: string): Promise<ChannelUser> {
    return { id: `zu${(900_000 + ++seq).toString(16)}`, name };
  }

  async send(u: ChannelUser, text: string): Promise<void> {
    this.fake.sendText(u.id, text, u.name);
  }

  async messages(u: ChannelUser): Promise<SeenMessage[]> {
    return this.fake.messagesTo(u.id).map((m) => ({ text: m.text, buttons: [] }));
  }

  async choose(u: ChannelUser, label: string): Promise<void> {
    const msgs = this.fake.messagesTo(u.id);
    for (let i = msgs.length - 1; i >= 0; i--) {
      const n = numberFor(msgs[i]!.text, label);
      if (n !== null) return this.send(u, String(n));
    }
    throw new Error(`zalo: no numbered choice "${label}" offered to ${u.name}`);
  }
}
