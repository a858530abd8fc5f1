import { env } from "./env";
import { getDb } from "./db/client";
import { scan } from "./engine/scan";

/** A periodic job that never overlaps itself and never crashes the server. */
function every(ms: number, name: string, job: () => Promise<string>) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const summary = await job();
      if (summary) console.info(`[scheduler] ${name}: ${summary}`);
    } catch (error) {
      console.error(`[scheduler] ${name} failed:`, error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, ms);
  timer.unref();
}

/** In-process schedule for the engine; the app owns the embedded database, so the work runs here. */
export function startScheduler() {
  const e = env();
  if (e.ENGINE_SCAN_MINUTES > 0) {
    every(e.ENGINE_SCAN_MINUTES * 60_000, "engine scan", async () => {
      const report = await scan(await getDb(), { origin: e.APP_ORIGIN });
      const prepared = Object.values(report.prepared).reduce((a, b) => a + b, 0);
      return `${prepared} prepared, ${report.sms} SMS, ${report.reminders} reminders, ${report.expired} expired in ${report.ms} ms`;
    });
  }
}
