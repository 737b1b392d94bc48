import type { Feature } from "../../bot/core/context.ts";
import { createDownload } from "../../bot/core/downloads.ts";
import { formatDate } from "../../bot/core/time.ts";
import { privacyText as T } from "../../prompts/vi/privacy.ts";

/**
 * A person's data rights (Decree 13/2023/NĐ-CP). `/dulieu` sends everything the bot keeps
 * about the person as a JSON file: the kernel's part (profile, identities, memberships) and
 * each feature's (its PersonHooks.exportData). `/xoadulieu` asks once, then the kernel erases:
 * every feature's erase hook, what the outbox, inbox, choice sets and audit kept, the person.
 */
export const privacy: Feature = {
  name: "privacy",
  commands: {
    dulieu: {
      scope: "any",
      async run(ctx) {
        const { people, prisma, clock } = ctx.s;
        const data = await people.exportData(ctx.person!.id);
        if (!data) return;
        const now = clock.now();
        const name = T.fileName(formatDate(now).replaceAll("/", "-"));
        const content = JSON.stringify({ exportedAt: now, ...data }, null, 2);
        const token = await createDownload(prisma, clock, { personId: ctx.person!.id, name, content });
        await ctx.audit("person.export", "person", ctx.person!.id);
        // the web chat shows the file as a link under the text; Telegram sends the file itself;
        // Zalo's channel adds the link, or sends the data as text when no public server serves it
        const note = ctx.in.channel === "web" ? `\n\n${T.linkNote}` : "";
        ctx.replyWith({ text: T.sent(ctx.person!.displayName) + note, file: { token, name } });
      },
    },
    xoadulieu: {
      scope: "any",
      async run(ctx) {
        ctx.reply(T.deleteConfirm, [
          { label: T.yes, action: "privacy.erase", args: {} },
          { label: T.no, action: "privacy.keep", args: {} },
        ]);
      },
    },
  },
  actions: {
    "privacy.erase": {
      once: true,
      async run(ctx) {
        await ctx.audit("person.erase", "person", ctx.person!.id);
        await ctx.s.people.erase(ctx.person!.id);
        // the farewell keeps no trace of the chat once delivered
        ctx.replyWith({ text: T.deleted, forget: true });
      },
    },
    "privacy.keep": { once: true, run: async (ctx) => ctx.reply(T.kept) },
  },
};
