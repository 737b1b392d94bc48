/**
 * A session's public pages: the stage board at /board/<token> (polls /board/<token>/data) and
 * the results page beside it at /board/<token>/ketqua (questions, answers, commitments with
 * "x/y đã thực hiện"). No asker is ever named; anonymous questions show their reference only.
 */
import { readFileSync } from "node:fs";
import type { Services } from "../../bot/core/context.ts";
import { formatDate, formatDateTime } from "../../bot/core/time.ts";
import { type HttpApp, PAGE_HEADERS } from "../../bot/core/http.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { labelOf, lastAnswers, refOf, sessionQuestions, topicLabels, type QuestionView } from "../dialogue/api.ts";
import { resultsUrl, stateOf, whenText, type SessionRow } from "./service.ts";

const BOARD_PAGE = new URL("../../prompts/web/board.html", import.meta.url);
const RESULTS_PAGE = new URL("../../prompts/web/results.html", import.meta.url);

const pages = new Map<URL, string>();
function page(url: URL, texts: unknown): string {
  let p = pages.get(url);
  if (!p) pages.set(url, (p = readFileSync(url, "utf8").replace("/*TEXTS*/{}", JSON.stringify(texts).replace(/</g, "\\u003c"))));
  return p;
}

export function mountBoard(app: HttpApp, s: Services): void {
  const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
  const find = (token: string) => (TOKEN.test(token) ? s.prisma.dialogueSession.findUnique({ where: { boardToken: token } }) : null);
  app.get("/board/:token/data", async (c) => {
    const session = await find(c.req.param("token"));
    return session ? c.json(await boardData(s, session)) : c.json({ ok: false }, 404);
  });
  app.get("/board/:token/ketqua/data", async (c) => {
    const session = await find(c.req.param("token"));
    return session ? c.json(await resultsData(s, session)) : c.json({ ok: false }, 404);
  });
  app.get("/board/:token/ketqua", async (c) => {
    const session = await find(c.req.param("token"));
    if (!session) return c.json({ ok: false }, 404);
    return c.body(page(RESULTS_PAGE, T.results), 200, PAGE_HEADERS);
  });
  app.get("/board/:token", async (c) => {
    const session = await find(c.req.param("token"));
    if (!session) return c.json({ ok: false }, 404);
    return c.body(page(BOARD_PAGE, T.board), 200, PAGE_HEADERS);
  });
}

/** A question as the public pages show it: its label ("#12", or "A123456" when anonymous) and never an asker. */
function shown(q: QuestionView, labels: Map<string, string>) {
  const ref = refOf(q);
  return { ref: typeof ref === "number" ? `#${ref}` : ref, text: q.text, votes: q.votes, topic: labelOf(labels, q.topic) };
}

/** What the stage screen shows: approved questions still on stage, by votes. */
export async function boardData(s: Services, session: SessionRow) {
  const [qs, labels] = await Promise.all([sessionQuestions(s, session.id, { approvedOnly: true, withoutHidden: true, take: 50 }), topicLabels(s.prisma)]);
  return {
    title: session.title,
    leaders: session.leaders,
    status: stateOf(s, session),
    when: whenText(session),
    opensAt: formatDateTime(session.opensAt),
    closesAt: formatDateTime(session.closesAt),
    results: resultsUrl(s, session.boardToken),
    questions: qs.map((q) => ({ ...shown(q, labels), answered: q.status === "answered" || q.status === "closed" })),
  };
}

/** The results page: questions that reached the stage with their answers, and the commitments. */
export async function resultsData(s: Services, session: SessionRow) {
  const [qs, labels, commitments] = await Promise.all([
    sessionQuestions(s, session.id, { approvedOnly: true }),
    topicLabels(s.prisma),
    s.prisma.commitment.findMany({ where: { sessionId: session.id }, orderBy: { id: "asc" } }),
  ]);
  const answers = await lastAnswers(s, qs.map((q) => q.id));
  const done = commitments.filter((c) => c.doneAt).length;
  return {
    title: session.title,
    leaders: session.leaders,
    status: stateOf(s, session),
    when: whenText(session),
    questions: qs.map((q) => ({ ...shown(q, labels), answer: answers.get(q.id) ?? null })),
    commitments: commitments.map((c) => ({
      id: c.id,
      text: c.text,
      owner: c.owner,
      due: formatDate(c.dueAt),
      progress: c.progress,
      done: c.doneAt ? formatDate(c.doneAt) : null,
    })),
    done,
    total: commitments.length,
    ratio: T.doneRatio(done, commitments.length),
  };
}
