import { pino, type Logger } from "pino";

export type { Logger };

/** Paths that may carry secrets or personal data; pino replaces them before anything is written. */
const REDACT = [
  "token",
  "*.token",
  "secret",
  "*.secret",
  "apiKey",
  "*.apiKey",
  "authorization",
  "*.authorization",
  "headers.authorization",
  'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-bot-api-secret-token"]',
  "config.TELEGRAM_BOT_TOKEN",
  "config.ZALO_BOT_TOKEN",
  "config.OPENAI_API_KEY",
  "config.WEBHOOK_SECRET",
  "config.TELEGRAM_WEBHOOK_SECRET",
  "config.ZALO_WEBHOOK_SECRET",
  "config.APP_SECRET",
  "config.DATABASE_URL",
];

/** Secrets known at start; any string written to the log is scrubbed of them as a last line of defence. */
const knownSecrets = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 6) knownSecrets.add(value);
}

export function scrub(text: string): string {
  let out = text;
  for (const s of knownSecrets) out = out.split(s).join("***");
  // bot tokens inside URLs (…/bot123:abc/…)
  return out.replace(/bot\d+:[\w-]+/g, "bot***").replace(/(postgres(?:ql)?:\/\/)[^@/\s]+@/g, "$1***@");
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: "***" },
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        streamWrite: (s: string) => scrub(s),
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination as pino.DestinationStream | undefined,
  );
}
