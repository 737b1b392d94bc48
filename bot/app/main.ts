import { ConfigError, loadConfig } from "./config.ts";
import { createLogger, registerSecret } from "../core/logger.ts";
import { clockFromEnv } from "../core/clock.ts";
import { App } from "./app.ts";
import { TopicClassifier } from "../../handlers/dialogue/nlp/classifier.ts";
import { isDuplicate } from "../../handlers/dialogue/nlp/similarity.ts";
import { KeyError } from "../core/secrets.ts";

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
  for (const s of [config.TELEGRAM_BOT_TOKEN, config.ZALO_BOT_TOKEN, config.OPENAI_API_KEY, config.TELEGRAM_WEBHOOK_SECRET, config.ZALO_WEBHOOK_SECRET, config.APP_SECRET])
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
    // no key for anonymous askers: one line saying what to set, as for a bad variable
    if (e instanceof KeyError) {
      console.error(e.message);
      await app.stop().catch(() => undefined);
      process.exit(2);
    }
    log.fatal({ err: e }, "start failed");
    await app.stop().catch(() => undefined);
    process.exit(1);
  }
  // The offline NLP made ready now rather than at the first question: the classifier model
  // trained by the build, and the duplicate detector's tables. Run from source (no model),
  // the classifier is trained at the first question instead.
  setImmediate(() => {
    const t = Date.now();
    if (!TopicClassifier.preload()) return;
    isDuplicate("vay von khoi nghiep", "thu tuc vay von");
    log.info({ ms: Date.now() - t }, "offline nlp ready");
  });
}

void main();
