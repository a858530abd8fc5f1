import { env } from "./env";
import { log } from "./log";
import { hostname } from "node:os";
import { getDb } from "./db/client";
import { runEngine } from "./engine/run";
import { sealAuditTrail } from "./security/audit-trail";
import { sealAndCheckpoint } from "./security/audit-sealer";
import { signingKey } from "./security/audit-keys";
import { claimRun } from "./db/job-schedule";
import * as clock from "./clock";
import { dispatchDue } from "./sms/dispatcher";
import { queueHouseholdReminders } from "./household/reminders";
import { gatewayFromEnv } from "./sms/gateway-from-env";
import { refreshServices } from "./services/store";
import { adapterFor, oneStopConfig, oneStopStartupWarning } from "./onestop/config";
import { syncToOneStop } from "./onestop/outbox";
import { reconcileWithOneStop } from "./onestop/reconcile";
import { createMockOneStop } from "./onestop/mock-server";

/** A periodic job that never overlaps itself and never crashes the server. */
function every(ms: number, name: string, job: () => Promise<string>) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const summary = await job();
      if (summary) log.info({ job: name }, summary);
    } catch (error) {
      log.error({ job: name, err: error }, "scheduled job failed");
    } finally {
      running = false;
    }
  }, ms);
  timer.unref();
}

const SMS_BATCH = 25;
const SEAL_MS = 5_000;
const CHECKPOINT_MS = 5 * 60_000;

/**
 * In-process schedule for the engine and the SMS outbox, safe on any number of instances: the SMS
 * dispatch runs everywhere (rows are claimed with leases and SKIP LOCKED), the engine scan once per
 * period across all of them (claimed in job_schedule; every instance checks each minute).
 */
export function startScheduler() {
  const e = env();
  // Fails the start in production when AUDIT_SIGNING_KEY_FILE is missing, not five minutes later.
  signingKey();
  const gateway = gatewayFromEnv();
  every(SEAL_MS, "audit seal", async () => {
    const sealed = await sealAuditTrail(await getDb());
    return sealed.dossier_events + sealed.data_access_log > 0 ? `sealed ${sealed.dossier_events} events, ${sealed.data_access_log} data-access rows` : "";
  });
  let lastCheckpoint = "";
  every(CHECKPOINT_MS, "audit checkpoint", async () => {
    const checkpoint = await sealAndCheckpoint(await getDb());
    const heads = JSON.stringify(JSON.parse(checkpoint.payload).chains);
    const summary = heads === lastCheckpoint ? "" : `signed checkpoint ${heads}`;
    lastCheckpoint = heads;
    return summary;
  });
  every(10_000, "sms dispatch", async () => {
    const db = await getDb();
    const total = { sent: 0, retried: 0, failed: 0 };
    // A full batch means more may be due: keep going until the outbox is drained.
    for (;;) {
      const r = await dispatchDue(db, gateway, { batchSize: SMS_BATCH });
      total.sent += r.sent;
      total.retried += r.retried;
      total.failed += r.failed;
      if (r.sent + r.retried + r.failed < SMS_BATCH) break;
    }
    return total.sent + total.retried + total.failed > 0 ? `${total.sent} sent, ${total.retried} to retry, ${total.failed} failed` : "";
  });
  // Opt-in reminders from /household, whatever the engine's schedule: each is claimed once, on any instance.
  every(60_000, "household reminders", async () => {
    const n = await queueHouseholdReminders(await getDb(), { today: clock.today(), now: clock.now(), origin: e.APP_ORIGIN });
    return n > 0 ? `${n} household reminders queued` : "";
  });
  // Services approved in the console on another instance reach this one's catalogue within half a minute.
  void getDb().then(refreshServices).catch((error) => log.error({ err: error }, "loading service definitions failed"));
  every(30_000, "service definitions", async () => {
    await refreshServices(await getDb());
    return "";
  });
  const onestop = oneStopConfig();
  if (onestop?.mock) {
    // Demo only: the first process to bind the port hosts the mock; the others use it.
    const mock = createMockOneStop({ apiKey: onestop.apiKey, callbackUrl: onestop.mock.callbackUrl, callbackKey: onestop.mock.callbackKey });
    mock.server.on("error", () => undefined).listen(onestop.mock.port, "127.0.0.1").unref();
  }
  const notConnected = oneStopStartupWarning(onestop);
  if (notConnected) log.warn({ job: "one-stop sync" }, notConnected);
  if (onestop) {
    const adapter = adapterFor(onestop);
    every(5_000, "one-stop sync", async () => {
      const r = await syncToOneStop(await getDb(), adapter);
      return r.sent + r.retried + r.failed > 0 ? `${r.sent} filed with the One-Stop system, ${r.retried} to retry, ${r.failed} failed` : "";
    });
    // Every instance asks; each dossier is claimed by one of them (reconcile.ts), so none is asked twice.
    every(60_000, "one-stop reconcile", async () => {
      const r = await reconcileWithOneStop(await getDb(), adapter, { today: clock.today(), origin: e.APP_ORIGIN });
      return r.applied + r.conflicts + r.unreachable > 0 ? `${r.applied} missed statuses applied, ${r.conflicts} conflicts for an officer, ${r.unreachable} not answered` : "";
    });
  }
  if (e.ENGINE_SCAN_MINUTES > 0) {
    const periodMs = e.ENGINE_SCAN_MINUTES * 60_000;
    const holder = `${hostname()}:${process.pid}`;
    every(Math.min(periodMs, 60_000), "engine scan", async () => {
      const db = await getDb();
      if (!(await claimRun(db, { name: "engine scan", periodMs, holder }, clock.now()))) return "";
      const report = await runEngine(db, { origin: e.APP_ORIGIN });
      const prepared = Object.values(report.prepared).reduce((a, b) => a + b, 0);
      return `${prepared} prepared, ${report.sms} SMS, ${report.reminders} reminders, ${report.expired} expired in ${report.ms} ms`;
    });
  }
}
