/** Static buttons of broadcasts (bot/core/buttons.ts): within Telegram's 64 bytes, and only the bot's own data verifies. */
import { describe, expect, it } from "vitest";
import { buttonData, isButtonData, MAX_BUTTON_DATA, parseButtonData } from "../../bot/core/buttons.ts";
import { Secrets } from "../../bot/core/secrets.ts";

const key = Secrets.fromKey(Buffer.alloc(32, 7));
const other = Secrets.fromKey(Buffer.alloc(32, 8));

describe("static buttons", () => {
  it("When the longest action and the largest id are sealed, then the data fits Telegram's 64 bytes and reads back", () => {
    const action = "a".repeat(24);
    const data = buttonData(key, action, 2_147_483_647);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_BUTTON_DATA);
    expect(isButtonData(data)).toBe(true);
    expect(parseButtonData(key, data)).toEqual({ action, id: 2_147_483_647 });
  });

  it("When the data is altered, made with another key or malformed, then it does not verify", () => {
    const data = buttonData(key, "ses.ask", 12);
    const mac = data.split(":")[3]!;
    for (const bad of [`b:ses.ask:13:${mac}`, `b:ses.vote:12:${mac}`, `${data.slice(0, -1)}${data.endsWith("x") ? "y" : "x"}`, "b:ses.ask:12", `c:1:1`, `b:ses.ask:9999999999:${mac}`])
      expect(parseButtonData(key, bad)).toBeNull();
    expect(parseButtonData(other, data)).toBeNull();
  });

  it("When a caller asks for a bad action name or id, then it throws before anything is sent", () => {
    expect(() => buttonData(key, "Bad Action", 1)).toThrow();
    expect(() => buttonData(key, "ses.ask", -1)).toThrow();
    expect(() => buttonData(key, "ses.ask", 1.5)).toThrow();
  });
});
