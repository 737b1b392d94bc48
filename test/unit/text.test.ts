import { describe, expect, it } from "vitest";
import { bold, cleanInput, cleanName, renderTelegramHtml, splitText, stripMarkup, visibleLength } from "../../bot/core/text.ts";

describe("text", () => {
  it("When user text holds markup, then Telegram HTML shows it literally", () => {
    expect(renderTelegramHtml(`<script>alert(1)</script> & <b>`)).toBe("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;");
  });

  it("When the core marks a title bold, then Telegram gets <b> and user text inside stays escaped", () => {
    expect(renderTelegramHtml(bold("Câu hỏi <#1>") + " nội dung")).toBe("<b>Câu hỏi &lt;#1&gt;</b> nội dung");
  });

  it("When a user types the bold control characters, then they are stripped", () => {
    expect(cleanInput(" \u0002xin\u0003 chào\u200b ")).toBe("xin chào");
  });

  it("When text holds bidirectional overrides, isolates, marks or C1 controls, then they are stripped and newlines and tabs kept", () => {
    const bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c";
    expect(cleanInput(`Chi đoàn ${bidi}A1\u0085\u009b\n\tghi chú\u2060\ufeff`)).toBe("Chi đoàn A1\n\tghi chú");
    expect(cleanInput("abc\u202edcba")).toBe("abcdcba");
  });

  it("When a display name is cleaned, then it is one line, NFC, without control or formatting characters, and capped", () => {
    expect(cleanName(" \u202eNguye\u0302\u0303n\u0002 \n Văn\u200b   A\u0003 ")).toBe("Nguyễn Văn A");
    expect(cleanName("x".repeat(300))).toHaveLength(100);
    expect(cleanName("\u202e\u2066")).toBe("");
  });

  it("When a text is longer than the limit, then it is split on paragraph boundaries within the limit", () => {
    const para = "Đoàn viên ".repeat(150).trim();
    const text = [para, para, para].join("\n\n");
    const parts = splitText(text, 2000);
    expect(parts.length).toBe(3);
    for (const p of parts) expect(visibleLength(p)).toBeLessThanOrEqual(2000);
    expect(parts.join("\n\n")).toBe(text);
  });

  it("When a 2,500-character text has no breaks, then it is cut on spaces into two parts of at most 2,000", () => {
    const text = "a".repeat(9) + (" chữ".repeat(622));
    const parts = splitText(text, 2000);
    expect(parts).toHaveLength(2);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    expect(parts.join(" ").replace(/\s+/g, " ")).toBe(text.replace(/\s+/g, " "));
  });

  it("When a split falls inside a bold span, then each part keeps balanced markers", () => {
    const text = bold("x ".repeat(60));
    const parts = splitText(text, 50);
    for (const p of parts) expect(renderTelegramHtml(p)).toMatch(/^<b>.*<\/b>$/s);
    expect(parts.map(stripMarkup).join(" ").replace(/\s+/g, " ").trim()).toBe("x ".repeat(60).trim());
  });

  it("When emoji sit at the cut, then no surrogate pair is broken", () => {
    const text = "😀".repeat(30);
    for (const p of splitText(text, 11)) expect(() => encodeURIComponent(p)).not.toThrow();
  });
});
