import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { admitAgency } from "@/lib/gov/api-keys";
import { govAnswers, rateLimited } from "@/lib/gov/imports/answers";
import { FORM_BODY_LIMIT, readBodyText } from "@/lib/http/body-limit";
import { receiveOneStopStatus } from "@/lib/onestop/inbound";
import * as clock from "@/lib/clock";

export const dynamic = "force-dynamic";

/**
 * The One-Stop system reports a status change. 200 once it is recorded (applied, already ours, or a
 * conflict for an officer); 409 while the dossier is not linked yet, so the sender retries.
 */
export async function POST(request: Request) {
  const answer = govAnswers(request, FORM_BODY_LIMIT);
  const db = await getDb();
  const caller = await admitAgency(db, request.headers.get("authorization"));
  if (!caller.ok && caller.status === 401) return answer.error(401, "api.unauthorized");
  if (!caller.ok) return rateLimited(answer, caller);
  if (caller.agency !== "onestop") return answer.error(403, "api.notOnestop");

  let body: unknown;
  try {
    body = JSON.parse(await readBodyText(request, FORM_BODY_LIMIT));
  } catch (error) {
    const tooLarge = answer.uploadProblem(error);
    if (tooLarge) return tooLarge;
    return answer.error(400, "api.invalidBody", {}, { fields: { body: answer.t("api.invalidJson") } });
  }
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
}
