import { configSchema, type Config } from "../core/settings.ts";

export { configSchema, type Config };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parse the environment; throws ConfigError with one line per bad variable and never echoes a value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape ?? {})) {
    const v = env[key];
    if (v !== undefined && v !== "") input[key] = v;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0] ?? "config")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration — ${lines.join("; ")}`);
  }
  const c = parsed.data;
  const noChannel = !c.TELEGRAM_BOT_TOKEN && !c.ZALO_BOT_TOKEN;
  return { ...c, webChat: c.WEB_CHAT ?? noChannel, demo: c.DEMO ?? noChannel };
}
