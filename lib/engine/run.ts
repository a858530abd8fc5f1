import type { Db } from "../db/client";
import { sealAndCheckpoint } from "../security/audit-sealer";
import { scan, type ScanReport } from "./scan";

/** One engine run as the app, the API and the CLI perform it: the scan, then a signed audit checkpoint of what it wrote. */
export async function runEngine(db: Db, opts: Parameters<typeof scan>[1]): Promise<ScanReport> {
  const report = await scan(db, opts);
  await sealAndCheckpoint(db);
  return report;
}
