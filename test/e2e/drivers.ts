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
  private names = new Map<string, string>();
  /** What each user's open page received on its event stream (anonymous messages are only live). */
  private live = new Map<string, Map<number, { text: string; buttons?: { label: string; data: string }[] }>>();
  private streams: AbortController[] = [];
  /**
   * `mint` gives a sign-in code for a new person of that name, or for the person behind a web
   * user id (a web chat outside the demo signs in only with a code; its sessions expire on the
   * server, so a test that jumps the clock weeks ahead signs in again).
   */
  constructor(
    private base: string,
    private mint?: (name: string, userId?: string) => Promise<string>,
  ) {}

  /** Act as one of the demo people (web chat demo). */
  persona(key: string): Promise<ChannelUser> {
    return this.login({ persona: key }, key);
  }

  async user(name: string): Promise<ChannelUser> {
    return this.mint ? this.login({ code: await this.mint(name) }, name) : this.login({ name }, name);
  }

  /** Sign in with a code (`/web` of another channel, or an invite). */
  signIn(code: string, name: string): Promise<ChannelUser> {
    return this.login({ code, name }, name);
  }

  private async login(body: object, name: string): Promise<ChannelUser> {
    const r = await fetch(`${this.base}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (r.status !== 200) throw new Error(`web login ${r.status}`);
    const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0]!;
    const { userId } = (await r.json()) as { userId: string };
    this.cookies.set(userId, cookie);
    this.names.set(userId, name);
    if (!this.live.has(userId)) this.listen(userId);
    return { id: userId, name };
  }

  /** Keep the page open: read the user's event stream as the browser does. */
  private listen(userId: string): void {
    const got = new Map<number, { text: string; buttons?: { label: string; data: string }[] }>();
    this.live.set(userId, got);
    const ac = new AbortController();
    this.streams.push(ac);
    void (async () => {
      for (let attempt = 0; attempt < 50 && !ac.signal.aborted; attempt++) {
        try {
          const r = await fetch(`${this.base}/api/events?after=0`, { headers: { cookie: this.cookies.get(userId)! }, signal: ac.signal });
          if (!r.ok || !r.body) throw new Error(`events ${r.status}`);
          const decoder = new TextDecoder();
          let buf = "";
          for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
            buf += decoder.decode(chunk, { stream: true });
            let i: number;
            while ((i = buf.indexOf("\n\n")) >= 0) {
              const event = buf.slice(0, i);
              buf = buf.slice(i + 2);
              const data = event.split("\n").find((l) => l.startsWith("data: "));
              if (!data) continue;
              const m = JSON.parse(data.slice(6)) as { id: number; text: string; buttons?: { label: string; data: string }[] };
              got.set(m.id, { text: m.text, ...(m.buttons ? { buttons: m.buttons } : {}) });
            }
          }
        } catch {
          if (ac.signal.aborted) return;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
  }

  /** Close every page (end of the suite). */
  close(): void {
    for (const ac of this.streams) ac.abort();
    this.streams = [];
  }

  /** A request with the user's cookie; once more after signing in again when the session has expired. */
  private async authed(u: ChannelUser, path: string, init: RequestInit = {}): Promise<Response> {
    const go = () => fetch(`${this.base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: this.cookies.get(u.id)! } });
    const r = await go();
    if (r.status !== 401 || !this.mint) return r;
    await this.login({ code: await this.mint(this.names.get(u.id) ?? u.name, u.id) }, u.name);
    return go();
  }

  private async post(u: ChannelUser, body: object): Promise<void> {
    const r = await this.authed(u, "/api/send", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ requestId: `req-${Date.now()}-${++seq}`, ...body }),
    });
    if (r.status !== 202) throw new Error(`web send ${r.status} ${await r.text()}`);
  }

  send(u: ChannelUser, text: string): Promise<void> {
    return this.post(u, { text });
  }

  /** The page's view: the history the server keeps, plus what only arrived live (merged by message id). */
  private async raw(u: ChannelUser): Promise<{ text: string; buttons?: { label: string; data: string }[] }[]> {
    const r = await this.authed(u, "/api/messages?after=0");
    const history = ((await r.json()) as { messages: { id: number; text: string; buttons?: { label: string; data: string }[] }[] }).messages;
    const all = new Map(this.live.get(u.id) ?? []);
    for (const m of history) all.set(m.id, m);
    return [...all.entries()].sort((a, b) => a[0] - b[0]).map(([, m]) => m);
  }

  async messages(u: ChannelUser): Promise<SeenMessage[]> {
    return (await this.raw(u)).map((m) => ({ text: m.text, buttons: (m.buttons ?? []).map((b) => b.label) }));
  }

  async choose(u: ChannelUser, label: string): Promise<void> {
    const msgs = await this.raw(u);
    for (let i = msgs.length - 1; i >= 0; i--) {
      const b = (msgs[i]!.buttons ?? []).find((x) => x.label.includes(label));
      if (b) {
        // a broadcast's static button (bot/core/buttons.ts) is posted as its data, as the page does
        if (b.data.startsWith("b:")) return this.press(u, b.data, b.label);
        const [, setId, index] = b.data.split(":");
        return this.post(u, { choice: { setId: Number(setId), index: Number(index) } });
      }
    }
    throw new Error(`web: no button "${label}" offered to ${u.name}`);
  }

  /** Post a static button's data as the page does: any data, even one never offered to this user (a forged press). */
  press(u: ChannelUser, data: string, label?: string): Promise<void> {
    return this.post(u, { button: data, ...(label ? { label } : {}) });
  }

  /** The data of the latest button with this label offered to the user. */
  async buttonData(u: ChannelUser, label: string): Promise<string> {
    const msgs = await this.raw(u);
    for (let i = msgs.length - 1; i >= 0; i--) {
      const b = (msgs[i]!.buttons ?? []).find((x) => x.label.includes(label));
      if (b) return b.data;
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
