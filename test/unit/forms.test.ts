import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Ctx, FlowState, Role } from "../../bot/core/context.ts";
import { answersOwnNumbers, bad, defineForm, ok } from "../../bot/core/forms.ts";
import type { Choice } from "../../bot/core/types.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { formText } from "../../prompts/vi/forms.ts";

/** A context with the flow kept in memory and the replies collected, enough for the form helper. */
function fakeCtx(roles: Role[] = ["cadre"]) {
  const replies: { text: string; choices: Choice[] }[] = [];
  const state = { flow: null as FlowState | null };
  const ctx = {
    args: "",
    person: { id: 1, displayName: "Cán bộ", title: null },
    get flow() {
      return state.flow;
    },
    set flow(f: FlowState | null) {
      state.flow = f;
    },
    hasRole: (...r: Role[]) => r.some((x) => roles.includes(x)),
    reply: (text: string, choices?: Choice[]) => void replies.push({ text, choices: choices ?? [] }),
    async setFlow(name: string, data: Record<string, unknown> = {}) {
      // stored as JSON, as in the conversation row
      state.flow = { name, data: JSON.parse(JSON.stringify(data)) as Record<string, unknown> };
    },
    async clearFlow() {
      state.flow = null;
    },
  } as unknown as Ctx;
  const last = () => replies[replies.length - 1]!;
  return { ctx, replies, last, state };
}

const COLOURS = ["đỏ", "xanh", "vàng"];

function pizzaForm(submitted: unknown[], refuse?: { field?: string; error: string }) {
  return defineForm({
    name: "test.order",
    roles: ["cadre"],
    schema: z.object({ name: z.string().min(2), count: z.number().int().min(1).max(50), colour: z.string(), note: z.string().optional() }),
    lost: "Hết hạn.",
    fields: [
      { name: "name", label: "Tên", prompt: () => "Tên?", parse: (_c, t) => (t.length >= 2 ? ok(t) : bad("Tên quá ngắn.")) },
      {
        name: "count",
        label: "Số lượng",
        prompt: () => "Bao nhiêu?",
        parse: (_c, t) => (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 50 ? ok(Number(t)) : bad("Số lượng 1–50.")),
      },
      {
        name: "colour",
        label: "Màu",
        prompt: () => "Màu nào?",
        choices: () => COLOURS.map((c) => ({ label: c, value: c })),
        parse: (_c, t) => (COLOURS.includes(t) ? ok(t) : bad("Không có màu này.")),
      },
      { name: "note", label: "Ghi chú", skip: () => true, prompt: () => "Ghi chú?", parse: (_c, t) => ok(t) },
    ],
    confirm: { summary: (_c, d) => `Đơn: ${d.name} × ${d.count} (${d.colour})${d.note ? ` — ${d.note}` : ""}`, submit: "Đặt", cancel: "Hủy", edits: [{ label: "Thêm ghi chú", field: "note" }] },
    async submit(_ctx, d) {
      if (refuse) return refuse;
      submitted.push(d);
    },
    line: { usage: "Cách dùng: /dat <tên> | <số lượng> | <màu>", fields: ["name", "count", "colour"], min: 3, countError: "Thiếu ô." },
  });
}

/** Press the n-th button of the latest reply, as the router would (the action with its args). */
async function press(form: ReturnType<typeof pizzaForm>, f: ReturnType<typeof fakeCtx>, n: number) {
  const b = [...f.replies].reverse().find((r) => r.choices.length)!.choices[n - 1]!;
  await form.actions[b.action]!.run(f.ctx, b.args ?? {});
}

describe("forms", () => {
  it("When every step is answered by text, by a typed number and by a button, then the confirmed draft is submitted once", async () => {
    const done: unknown[] = [];
    const form = pizzaForm(done);
    const f = fakeCtx();
    expect(answersOwnNumbers(form.onText)).toBe(true);
    await form.begin(f.ctx);
    expect(f.last().text).toBe("Tên?");
    // a number at a step without choices is that step's answer (here refused by its own rule)
    await form.onText(f.ctx, "7");
    expect(f.last().text).toBe("Tên quá ngắn.");
    await form.onText(f.ctx, "Bánh");
    expect(f.last().text).toBe("Bao nhiêu?");
    await form.onText(f.ctx, "2");
    expect(f.last()).toEqual({ text: "Màu nào?", choices: COLOURS.map((label) => expect.objectContaining({ label, action: "test.order.pick" })) });
    // a number at a step with choices picks its own choice; out of range asks again
    await form.onText(f.ctx, "9");
    expect(f.last().text).toBe(formText.pickNumber(3));
    await form.onText(f.ctx, "2");
    expect(f.last().text).toBe("Đơn: Bánh × 2 (xanh)");
    expect(f.last().choices.map((c) => c.label)).toEqual(["Đặt", "Thêm ghi chú", "Hủy"]);
    // change a field from the confirmation, then confirm by typing 1
    await form.onText(f.ctx, "2");
    expect(f.last().text).toBe("Ghi chú?");
    await form.onText(f.ctx, "giao trước 8 giờ");
    expect(f.last().text).toBe("Đơn: Bánh × 2 (xanh) — giao trước 8 giờ");
    await form.onText(f.ctx, "1");
    expect(done).toEqual([{ name: "Bánh", count: 2, colour: "xanh", note: "giao trước 8 giờ" }]);
    expect(f.state.flow).toBeNull();
  });

  it("When an old button is pressed or its arguments are tampered with, then nothing is submitted", async () => {
    const done: unknown[] = [];
    const form = pizzaForm(done);
    const f = fakeCtx();
    await form.begin(f.ctx, "Bánh");
    await form.onText(f.ctx, "3");
    await press(form, f, 1);
    expect(f.last().text).toBe("Đơn: Bánh × 3 (đỏ)");
    const run = form.actions["test.order.pick"]!.run;
    await run(f.ctx, { nonce: "x", step: "$confirm", n: "1" });
    expect(f.last().text).toBe(coreText.choiceExpired);
    await run(f.ctx, { nonce: "other", step: "$confirm", n: 1 });
    expect(f.last().text).toBe("Hết hạn.");
    await press(form, f, 1);
    expect(done).toHaveLength(1);
    // the same button again: the draft is gone
    await press(form, f, 1);
    expect(f.last().text).toBe("Hết hạn.");
    expect(done).toHaveLength(1);
  });

  it("When the stored draft is tampered with, then the dialogue ends with the expiry answer instead of an exception", async () => {
    const form = pizzaForm([]);
    const f = fakeCtx();
    await form.begin(f.ctx, "Bánh");
    f.state.flow = { name: "test.order", data: { ...f.state.flow!.data, draft: { name: "Bánh", count: "nhiều" } } };
    await form.onText(f.ctx, "3");
    expect(f.last().text).toBe("Hết hạn.");
    expect(f.state.flow).toBeNull();
  });

  it("When someone who lost the role answers a step, then the draft is dropped", async () => {
    const form = pizzaForm([]);
    const f = fakeCtx([]);
    await form.begin(f.ctx, "Bánh");
    await form.onText(f.ctx, "3");
    expect(f.last().text).toBe("Hết hạn.");
    expect(f.state.flow).toBeNull();
  });

  it("When a one-line form has a bad field, then the answer names the first bad one; a good line is submitted", async () => {
    const done: unknown[] = [];
    const form = pizzaForm(done);
    const f = fakeCtx();
    await form.fromLine(f.ctx, "Bánh | 99 | tím");
    expect(f.last().text).toBe(`${formText.lineBad("Số lượng", "Số lượng 1–50.")}\n\nCách dùng: /dat <tên> | <số lượng> | <màu>`);
    await form.fromLine(f.ctx, "Bánh | 4");
    expect(f.last().text).toBe("Thiếu ô.\n\nCách dùng: /dat <tên> | <số lượng> | <màu>");
    await form.fromLine(f.ctx, "Bánh | 4 | vàng");
    expect(done).toEqual([{ name: "Bánh", count: 4, colour: "vàng" }]);
    expect(f.state.flow).toBeNull();
  });

  it("When the submission is refused for a field, then that field is asked again with the reason", async () => {
    const form = pizzaForm([], { field: "count", error: "Hết hàng." });
    const f = fakeCtx();
    await form.begin(f.ctx, "Bánh");
    await form.onText(f.ctx, "3");
    await form.onText(f.ctx, "1");
    await form.onText(f.ctx, "1");
    expect(f.last().text).toBe("Hết hàng.\n\nBao nhiêu?");
    expect(f.state.flow?.data.step).toBe("count");
  });
});
