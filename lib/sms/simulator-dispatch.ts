import type { Db } from "../db/client";
import { env } from "../env";
import { dispatchDue, type DispatchReport } from "./dispatcher";
import { smsConfig } from "./gateway-from-env";
import { createSimulatorGateway } from "./simulator-gateway";

const SIMULATOR_BATCH = 500;

/** In the demo the simulator is the phone: deliver what is due before showing an inbox. */
export async function deliverToSimulator(db: Db): Promise<DispatchReport | undefined> {
  // A deployment configured with a real gateway leaves delivery to its scheduled dispatcher.
  if (!env().DEMO_MODE || smsConfig().SMS_GATEWAY !== "simulator") return undefined;
  return dispatchDue(db, createSimulatorGateway(), { batchSize: SIMULATOR_BATCH });
}
