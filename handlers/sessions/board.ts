/** The live board of a session: a stage screen at /board/<token> that polls /board/<token>/data. */
import { readFileSync } from "node:fs";
import type { Services } from "../../bot/core/context.ts";
import { formatDateTime } from "../../bot/core/time.ts";
import { type HttpApp, PAGE_HEADERS } from "../../bot/core/http.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { labelOf, sessionQuestions, topicLabels } from "../dialogue/api.ts";
import { statusOf, type SessionRow } from "./service.ts";

const BOARD_PAGE = new URL("../../prompts/web/board.html", import.meta.url);

let boardPage: string | null = null;

export function mountBoard(app: HttpApp, s: Services): void {
  const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
  const find = (token: string) => (TOKEN.test(token) ? s.prisma.dialogueSession.findUnique({ where: { boardToken: token } }) : null);
  app.get("/board/:token/data", async (c) => {
    const session = await find(c.req.param("token"));
    return session ? c.json(await boardData(s, session)) : c.json({ ok: false }, 404);
  });
  app.get("/board/:token", async (c) => {
    const session = await find(c.req.param("token"));
    if (!session) return c.json({ ok: false }, 404);
    boardPage ??= readFileSync(BOARD_PAGE, "utf8").replace("/*TEXTS*/{}", JSON.stringify(T.board).replace(/</g, "\\u003c"));
    return c.body(boardPage, 200, PAGE_HEADERS);
  });
}

/** What the stage screen shows: approved questions by votes (no asker is ever named). */
export async function boardData(s: Services, session: SessionRow) {
  const [qs, labels] = await Promise.all([sessionQuestions(s, session.id, { approvedOnly: true, withoutHidden: true, take: 50 }), topicLabels(s.prisma)]);
  return {
    title: session.title,
    leaders: session.leaders,
    status: statusOf(s, session),
    opensAt: formatDateTime(session.opensAt),
    closesAt: formatDateTime(session.closesAt),
    questions: qs.map((q) => ({ id: q.id, text: q.text, votes: q.votes, topic: labelOf(labels, q.topic), answered: q.status === "answered" || q.status === "closed" })),
  };
}
