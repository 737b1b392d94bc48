import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "on", "off", "yes", "no"])
  .transform((v) => ["1", "true", "on", "yes"].includes(v));

const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a URL (${protocols.join(" or ")})`);

const port = z.coerce.number().int().min(0).max(65535);

const webhookSecret = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,256}$/, "must be 8–256 characters of A-Z a-z 0-9 _ -")
  .optional();

/** "2026-02-17" is a real calendar date. */
function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/** Comma-separated YYYY-MM-DD dates → the list; a bad entry is named by its position (values are never echoed). */
const dateList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean)
      // dates as the bot shows them (dd/mm/yyyy) are accepted as well as YYYY-MM-DD
      .map((x) => x.replace(/^(\d{2})\/(\d{2})\/(\d{4})$/, "$3-$2-$1")),
  )
  .superRefine((days, ctx) => {
    days.forEach((d, i) => {
      if (!isCalendarDate(d)) ctx.addIssue({ code: "custom", message: `entry ${i + 1} is not a date dd/mm/yyyy or YYYY-MM-DD (e.g. 17/02/2026,2026-09-03)` });
    });
  });

/**
 * Every setting of DESIGN.md, validated at start. The core declares what it can be told;
 * the composition root (bot/app/config.ts) reads it from the environment.
 */
export const configSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .default("file:./data/bot.db")
      .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "must start with file: or postgresql://"),
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]{5,}$/, "must look like 123456:ABC…")
      .optional(),
    TELEGRAM_API_ROOT: url(["http:", "https:"]).default("https://api.telegram.org"),
    ZALO_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]{5,}$/, "must look like <bot_id>:<secret>")
      .optional(),
    ZALO_API_BASE: url(["http:", "https:"]).default("https://bot-api.zaloplatforms.com"),
    BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
    PUBLIC_URL: url(["https:", "http:"]).optional(),
    /** Webhook secret of each platform (one per channel: a secret that leaks lets in one channel only). */
    TELEGRAM_WEBHOOK_SECRET: webhookSecret,
    ZALO_WEBHOOK_SECRET: webhookSecret,
    /** Replaced by the two above; still set, it stops the start with a line saying so. */
    WEBHOOK_SECRET: z.string().optional(),
    PORT: port.default(3000),
    HOST: z.string().default("0.0.0.0"),
    WEB_CHAT: bool.optional(),
    WEB_PORT: port.default(8080),
    WEB_HOST: z.string().default("127.0.0.1"),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: url(["http:", "https:"]).optional(),
    OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
    /** How long one LLM call may take before the offline path takes over. */
    OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(8000),
    /** Embedding model on the same server: semantic duplicate search when set (offline method otherwise). */
    OPENAI_EMBEDDING_MODEL: z.string().min(1).optional(),
    /** How long one embedding call may take before the offline duplicate check takes over. */
    OPENAI_EMBEDDING_TIMEOUT_MS: z.coerce.number().int().min(50).max(60000).default(1500),
    TZ: z
      .string()
      .default("Asia/Ho_Chi_Minh")
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat("en", { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, "must be an IANA time zone such as Asia/Ho_Chi_Minh"),
    /** Extra public holidays of the installation (comma-separated dd/mm/yyyy or YYYY-MM-DD), skipped by working-day counts. */
    HOLIDAYS: dateList.default([]),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /**
     * Secret used to pseudonymise and encrypt anonymous askers. Never stored in the database:
     * when absent the key is read from KEY_FILE (or, on SQLite, `<database file>.key`, created
     * 0600 at first start); PostgreSQL refuses to start without one of them.
     */
    APP_SECRET: z.string().min(16).optional(),
    /** File holding the key (base64, owner-only) when APP_SECRET is not set. */
    KEY_FILE: z.string().min(1).optional(),
    /** Anonymous questions reach the cadre in batches every this many minutes (0: at once). */
    ANON_BATCH_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
    // 30/s is Telegram's free limit; bots with paid broadcasts may send up to 1,000/s
    TELEGRAM_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(25),
    ZALO_RATE_PER_SECOND: z.coerce.number().positive().max(30).default(5),
    ZALO_POLL_TIMEOUT: z.coerce.number().int().min(1).max(60).default(30),
    /** Messages one user may send in FLOOD_WINDOW_SECONDS before being slowed down. */
    FLOOD_MAX_MESSAGES: z.coerce.number().int().positive().default(20),
    FLOOD_WINDOW_SECONDS: z.coerce.number().int().positive().default(10),
    MAX_OPEN_QUESTIONS: z.coerce.number().int().positive().default(5),
    ANSWER_DAYS: z.coerce.number().int().positive().default(3),
    GUIDE_CRON: z.string().default("30 7 1 * *"),
    GUIDE_REMINDER_CRON: z.string().default("0 8 20 * *"),
    /** Hour (Vietnam time) at which deadline reminders and overdue digests are sent. */
    DEADLINE_REMIND_HOUR: z.coerce.number().int().min(0).max(23).default(8),
    /** How long a volunteer offered a freed place has to claim it. */
    VOLUNTEER_CLAIM_HOURS: z.coerce.number().positive().max(168).default(2),
    /** Retention (bot/core/retention.ts, run daily by the scheduler): days kept after handling / delivery / last use. */
    RETENTION_INBOUND_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
    RETENTION_OUTBOX_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    RETENTION_JOBS_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** A conversation (a flow left half-way) expires after this many days without a message. */
    RETENTION_CONVERSATION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
    /** Choice sets (buttons, numbered lists) expire after 7 days; they are deleted after this many. */
    RETENTION_CHOICE_DAYS: z.coerce.number().int().min(7).max(3650).default(7),
    RETENTION_AUDIT_DAYS: z.coerce.number().int().min(1).max(36500).default(365),
    /** When the retention pass runs (Vietnam time). */
    RETENTION_CRON: z.string().default("30 3 * * *"),
    SCHEDULER: bool.default(true),
    /** Days an invite stays valid (`/moi`, `invite:create` without --days). */
    INVITE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    /** Demo organisation seeded at start when no channel token is set (default) or forced. */
    DEMO: bool.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.BOT_MODE === "webhook" && (c.TELEGRAM_BOT_TOKEN || c.ZALO_BOT_TOKEN)) {
      if (!c.PUBLIC_URL) ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "is required when BOT_MODE=webhook" });
      if (c.TELEGRAM_BOT_TOKEN && !c.TELEGRAM_WEBHOOK_SECRET)
        ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
      if (c.ZALO_BOT_TOKEN && !c.ZALO_WEBHOOK_SECRET)
        ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
    }
    if (c.TELEGRAM_WEBHOOK_SECRET && c.TELEGRAM_WEBHOOK_SECRET === c.ZALO_WEBHOOK_SECRET)
      ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_SECRET"], message: "must differ from TELEGRAM_WEBHOOK_SECRET (one secret per channel)" });
    if (c.WEBHOOK_SECRET !== undefined)
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is no longer read: set TELEGRAM_WEBHOOK_SECRET and ZALO_WEBHOOK_SECRET (one secret per channel)" });
  });

export type Config = z.infer<typeof configSchema> & { webChat: boolean; demo: boolean };

