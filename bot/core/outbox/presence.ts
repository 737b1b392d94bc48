import { randomUUID } from "node:crypto";
import { readlinkSync } from "node:fs";
import { hostname } from "node:os";
import type { Db } from "../../../prisma/db.ts";
import { isUniqueViolation } from "./unique.ts";

/** How often an instance renews its heartbeat and the leases it holds. */
export const HEARTBEAT_MS = 2_000;
/** An instance whose heartbeat is older than this is dead: its claims and leases are taken over. */
export const STALE_MS = 10_000;

const INSTANCE = "instance:";

/** This process's PID namespace (Linux), so a pid is only compared within the namespace it belongs to. */
function pidNamespace(): string | null {
  try {
    return /\[(\d+)\]/.exec(readlinkSync("/proc/self/ns/pid"))?.[1] ?? null;
  } catch {
    return null;
  }
}

const HOST = hostname().replace(/[^A-Za-z0-9.-]/g, "_").slice(0, 60);
const PID_NS = pidNamespace();

/** A fresh instance id: where it runs (host, pid namespace, pid) and a random part. */
export function newInstanceId(): string {
  return `${HOST}~${PID_NS ?? "-"}~${process.pid}~${randomUUID().slice(0, 13)}`;
}

/**
 * An instance that ran on this host, in this pid namespace, whose process is gone, is dead
 * now — no need to wait for its heartbeat to go stale (a restart after a crash on one machine).
 * Anything else (another machine, another namespace, a pid in use) is judged by its heartbeat.
 */
export function provablyDead(instanceId: string): boolean {
  const [host, ns, pid] = instanceId.split("~");
  if (!PID_NS || host !== HOST || ns !== PID_NS || !pid || !/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Which instances are alive, and named leases one instance holds at a time, both kept in the
 * database's Lease table (wall-clock time, shared by every instance):
 * - `instance:<id>` is an instance's heartbeat: renewed every HEARTBEAT_MS to now + STALE_MS,
 *   deleted on a clean stop. Past its `until` the instance is dead, and whatever it claimed
 *   (outbox rows, inbound updates) may be taken by others at once.
 * - any other name (`outbox:telegram`, `leader:cron`, …) is held by one instance at a time,
 *   renewed with the heartbeat, released on a clean stop, and taken over when it lapses.
 *
 * An instance that ran on this very host and pid namespace and whose process is gone is dead
 * at once (provablyDead): a restart after a crash does not wait for the heartbeat to lapse.
 *
 * Started by the composition root and the outbox workers; reference-counted.
 */
export class Presence {
  readonly id: string;
  private users = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Leases held: name → until (ms), as last written. */
  private held = new Map<string, number>();
  private beating: Promise<void> | null = null;
  /** Called after every heartbeat (ok = the database took it). */
  private listeners = new Set<(ok: boolean) => void>();

  constructor(
    private prisma: Db,
    id: string = newInstanceId(),
    private onError: (e: unknown) => void = () => undefined,
  ) {
    this.id = id;
  }

  get instanceLease(): string {
    return INSTANCE + this.id;
  }

  /** Start beating (the first caller writes the heartbeat at once). */
  async start(): Promise<void> {
    if (this.users++ > 0) return;
    await this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  /** The last user gone: leases released and the heartbeat removed, so others take over at once. */
  async stop(): Promise<void> {
    if (this.users === 0 || --this.users > 0) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.beating;
    const names = [...this.held.keys(), this.instanceLease];
    this.held.clear();
    await this.prisma.lease.deleteMany({ where: { name: { in: names }, owner: this.id } }).catch(this.onError);
  }

  onBeat(l: (ok: boolean) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Renew the heartbeat and every lease held; a lease someone else took is dropped. */
  beat(): Promise<void> {
    if (this.beating) return this.beating;
    this.beating = (async () => {
      let ok = true;
      try {
        const until = new Date(Date.now() + STALE_MS);
        await this.prisma.lease.upsert({
          where: { name: this.instanceLease },
          create: { name: this.instanceLease, owner: this.id, until },
          update: { owner: this.id, until },
        });
        for (const name of [...this.held.keys()]) {
          const r = await this.prisma.lease.updateMany({ where: { name, owner: this.id }, data: { until } });
          if (r.count === 1) this.held.set(name, until.getTime());
          else this.held.delete(name);
        }
      } catch (e) {
        ok = false;
        this.onError(e);
      } finally {
        this.beating = null;
      }
      for (const l of this.listeners) l(ok);
    })();
    return this.beating;
  }

  /** Whether this instance holds the lease now (with a margin: it stops before others may start). */
  holds(name: string): boolean {
    const until = this.held.get(name);
    return until !== undefined && Date.now() < until - HEARTBEAT_MS;
  }

  /** Take a lease when it is free, lapsed or held by a dead instance. True when held afterwards. */
  async acquire(name: string): Promise<boolean> {
    const now = new Date();
    const until = new Date(now.getTime() + STALE_MS);
    const current = await this.prisma.lease.findUnique({ where: { name } });
    if (!current) {
      try {
        await this.prisma.lease.create({ data: { name, owner: this.id, until } });
        this.held.set(name, until.getTime());
        return true;
      } catch (e) {
        if (isUniqueViolation(e)) return false;
        throw e;
      }
    }
    if (current.owner !== this.id && current.until >= now && !provablyDead(current.owner) && (await this.alive(current.owner))) return false;
    // compare-and-set on what was read: of two instances taking it at once, one wins
    const r = await this.prisma.lease.updateMany({ where: { name, owner: current.owner, until: current.until }, data: { owner: this.id, until } });
    if (r.count !== 1) return false;
    this.held.set(name, until.getTime());
    return true;
  }

  async release(name: string): Promise<void> {
    this.held.delete(name);
    await this.prisma.lease.deleteMany({ where: { name, owner: this.id } });
  }

  /** Whether an instance's heartbeat is fresh. */
  async alive(instanceId: string): Promise<boolean> {
    if (instanceId === this.id) return true;
    if (provablyDead(instanceId)) return false;
    const row = await this.prisma.lease.findUnique({ where: { name: INSTANCE + instanceId }, select: { until: true } });
    return !!row && row.until.getTime() >= Date.now();
  }

  /** Ids of the instances alive now (this one included). */
  async aliveIds(): Promise<string[]> {
    const rows = await this.prisma.lease.findMany({ where: { name: { startsWith: INSTANCE }, until: { gte: new Date() } }, select: { name: true } });
    const ids = new Set(rows.map((r) => r.name.slice(INSTANCE.length)).filter((id) => !provablyDead(id)));
    ids.add(this.id);
    return [...ids];
  }
}
