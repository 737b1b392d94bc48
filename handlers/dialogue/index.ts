/**
 * The dialogue Q&A feature, assembled from its use cases: asking (asking/), answering
 * (answering/), the FAQ (faq/), deadlines and escalation (deadlines.ts), notification
 * (notify.ts) and routing rules (admin.ts). Other features reach it through api.ts only.
 */
import type { Feature } from "../../bot/core/context.ts";
import { REPORTS } from "../reports.ts";
import type { DialogueDeps } from "./api.ts";
import { adminCommands } from "./admin.ts";
import { answeringActions, answeringCommands, answeringFlows } from "./answering/handlers.ts";
import { askingActions, askingCommands, askingFallback, FLOW_PENDING, pendingFlow } from "./asking/handlers.ts";
import { deadlineTick, JOB_ESCALATE, JOB_REMIND, runEscalation, runReminder } from "./deadlines.ts";
import { faqCommands, publishActions, publishFlows } from "./faq/handlers.ts";
import { mergeActions, mergeCommands, mergeFlows } from "./merge.ts";
import { listenDeliveries } from "./delivery.ts";
import { buildIndexes } from "./indexes.ts";
import { anonBatchTick } from "./batches.ts";
import { dialoguePersonHooks } from "./person.ts";
import { dialogueReport } from "./report.ts";
import { seedTopics } from "./topics.ts";

REPORTS.dialogue = dialogueReport;

/** The feature, given what it needs from others (the live-sessions port) at composition time. */
export function createDialogue(deps: DialogueDeps = {}): Feature {
  return {
    name: "dialogue",
    person: dialoguePersonHooks,
    async init(s) {
      await seedTopics(s.prisma);
      await buildIndexes(s);
      // the cadre is told how the answer's delivery to the asker ended (delivery.ts)
      listenDeliveries(s);
    },
    commands: { ...askingCommands(deps), ...answeringCommands, ...faqCommands, ...adminCommands, ...mergeCommands },
    actions: { ...askingActions(deps), ...answeringActions, ...publishActions, ...mergeActions },
    flows: { [FLOW_PENDING]: pendingFlow, ...answeringFlows, ...publishFlows, ...mergeFlows },
    jobs: {
      [JOB_REMIND]: runReminder,
      [JOB_ESCALATE]: runEscalation,
    },
    ticks: [{ name: "deadlines", cron: "*/15 * * * *", run: deadlineTick }, anonBatchTick],
    fallback: askingFallback,
  };
}
