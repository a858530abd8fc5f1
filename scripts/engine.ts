import { env } from "../lib/env";
import { openDatabase } from "../lib/db/client";
import type { ScanReport } from "../lib/engine/scan";
import { runEngine } from "../lib/engine/run";

const [command] = process.argv.slice(2);
if (command !== "scan") {
  console.error("usage: npm run engine -- scan");
  process.exit(2);
}

const e = env();

/** The running app owns the embedded database, so ask it first; open the database only when no app answers. */
async function scanThroughApp(): Promise<ScanReport | undefined> {
  try {
    const response = await fetch(`${e.APP_ORIGIN}/api/engine/scan`, {
      method: "POST",
      headers: { Authorization: `Bearer ${e.ENGINE_TOKEN}` },
    });
    if (!response.ok) throw new Error(`the app answered ${response.status}`);
    return (await response.json()) as ScanReport;
  } catch (error) {
    if (error instanceof TypeError) return undefined; // nothing listens at APP_ORIGIN
    throw error;
  }
}

async function scanDirectly(): Promise<ScanReport> {
  const database = await openDatabase({ url: e.DATABASE_URL, dir: e.PGLITE_DIR });
  try {
    return await runEngine(database.db, { origin: e.APP_ORIGIN });
  } finally {
    await database.close();
  }
}

const report = e.DATABASE_URL ? await scanDirectly() : ((await scanThroughApp()) ?? (await scanDirectly()));
console.log(`Engine scan for ${report.today} in ${report.ms} ms: ${JSON.stringify(report.prepared)}; ${report.sms} SMS queued`);
