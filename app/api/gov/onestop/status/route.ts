import { env } from "@/lib/env";
import { govJsonRoute } from "@/lib/gov/imports/answers";
import { receiveOneStopStatus } from "@/lib/onestop/inbound";
import * as clock from "@/lib/clock";

export const dynamic = "force-dynamic";

/**
 * The One-Stop system reports a status change. 200 once it is recorded (applied, already ours, or a
 * conflict for an officer); 409 while the dossier is not linked yet, so the sender retries.
 */
export const POST = govJsonRoute(
  (agency) => (agency === "onestop" ? undefined : { key: "api.notOnestop" }),
  async ({ db, answer, body }) => {
    const outcome = await receiveOneStopStatus(db, body, { today: clock.today(), origin: env().APP_ORIGIN });
    switch (outcome.kind) {
      case "invalid":
        return answer.error(400, "api.invalidBody", {}, { fields: outcome.fields });
      case "unknown": {
        const { dossierCode, onestopId } = body as { dossierCode: string; onestopId: string };
        return answer.error(409, "api.onestopUnknown", { dossierCode, onestopId });
      }
      case "recorded":
        return answer.json(200, { outcome: outcome.outcome, duplicate: outcome.duplicate });
    }
  },
);
