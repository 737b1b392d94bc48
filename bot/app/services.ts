import type { Logger } from "pino";
import type { Db } from "../../prisma/db.ts";
import { ALL_CHANNEL_TRAITS } from "../channels/index.ts";
import type { Clock } from "../core/clock.ts";
import type { Feature, Services } from "../core/context.ts";
import type { Llm } from "../core/llm.ts";
import { Outbox } from "../core/outbox/outbox.ts";
import type { Secrets } from "../core/secrets.ts";
import type { Config } from "../core/settings.ts";
import { People } from "../domain/people.ts";
import { eraseTraces } from "../core/traces.ts";
import { configureTime } from "../core/time.ts";

/**
 * The one place where the services every feature receives are put together: the people
 * kernel (with each feature's merge/erase hooks), the outbox that asks it where a person's
 * messages go, and the rest as given. The app, the CLI and the tests all build them here.
 */
export function buildServices(o: { prisma: Db; clock: Clock; log: Logger; llm: Llm | null; config: Config; secrets: Secrets; features: Feature[] }): Services {
  // dates are read and shown in the configured zone; extra holidays count as days off
  configureTime({ tz: o.config.TZ, holidays: o.config.HOLIDAYS });
  const people = new People(o.prisma, { secrets: o.secrets });
  for (const f of o.features) if (f.person) people.register(f.name, f.person);
  const outbox = new Outbox(o.prisma, o.clock, ALL_CHANNEL_TRAITS, (id) => people.addressOf(id), (ch, chat, at) => people.markBlocked(ch, chat, at), o.secrets);
  // erasing a person also erases what the outbox, inbox, choice sets and audit kept of them
  people.onEraseTraces((tx, who) => eraseTraces(tx, outbox, who));
  return { prisma: o.prisma, clock: o.clock, log: o.log, llm: o.llm, outbox, config: o.config, secrets: o.secrets, people };
}
