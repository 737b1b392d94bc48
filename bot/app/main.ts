import { ConfigError, loadConfig } from "./config.ts";
import { createLogger, registerSecret } from "../core/logger.ts";
import { clockFromEnv } from "../core/clock.ts";
import { App } from "./app.ts";

/** Entry point: validate the configuration, start every part, stop cleanly on a signal. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  for (const s of [config.TELEGRAM_BOT_TOKEN, config.ZALO_BOT_TOKEN, config.OPENAI_API_KEY, config.WEBHOOK_SECRET, config.APP_SECRET])
    registerSecret(s);
  process.env.TZ = config.TZ;
  const log = createLogger(config.LOG_LEVEL);
  const app = new App({ config, log, clock: clockFromEnv() });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping");
    await app.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("unhandledRejection", (e) => log.error({ err: e }, "unhandled rejection"));
  try {
    await app.start();
  } catch (e) {
    log.fatal({ err: e }, "start failed");
    await app.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
