import type { Db } from "../db/client";
import { engineRuns } from "../db/schema";
import { liveServices, type LiveService } from "../services/store";
import type { ServiceDefinition } from "../services/definition";
import { prepareService } from "./prepare";
import { expireUnconfirmed, queueReminders } from "./reminders";
import * as clock from "../clock";

interface ScanOptions {
  today?: string;
  origin: string;
  /** Services to run instead of those in force (tests); each on everywhere unless given as LiveService. */
  services?: (ServiceDefinition | LiveService)[];
  chunkSize?: number;
}

export interface ScanReport {
  today: string;
  prepared: Record<string, number>;
  sms: number;
  reminders: number;
  expired: number;
  ms: number;
}

/** Runs the rule of every service in force once, where it is switched on, and records what it did. */
export async function scan(db: Db, opts: ScanOptions): Promise<ScanReport> {
  const started = clock.now();
  const today = opts.today ?? clock.today();
  const prepared: Record<string, number> = {};
  let sms = 0;
  const services = opts.services?.map((s) => ("service" in s ? s : { service: s, version: 1 })) ?? (await liveServices(db));
  for (const { service, version, communes } of services) {
    const r = await prepareService(db, service, { today, origin: opts.origin, chunkSize: opts.chunkSize, version, communes });
    prepared[service.code] = r.prepared;
    sms += r.sms;
  }
  const expired = await expireUnconfirmed(db, { today });
  const reminders = await queueReminders(db, { today, origin: opts.origin });
  const finished = clock.now();
  await db.insert(engineRuns).values({ startedAt: started, finishedAt: finished, counts: { ...prepared, sms, reminders, expired } });
  return { today, prepared, sms, reminders, expired, ms: finished.getTime() - started.getTime() };
}
