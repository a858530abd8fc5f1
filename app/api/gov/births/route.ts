import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { admitAgency, mayPush } from "@/lib/gov/api-keys";
import { receiveBirthNotice } from "@/lib/gov/births";
import { govAnswers, rateLimited } from "@/lib/gov/imports/answers";
import { FORM_BODY_LIMIT, readBodyText } from "@/lib/http/body-limit";

export const dynamic = "force-dynamic";

/** A hospital's electronic birth notice (SPEC §6): the engine prepares the parents' birth registration. */
export async function POST(request: Request) {
  const answer = govAnswers(request, FORM_BODY_LIMIT);
  const db = await getDb();
  const caller = await admitAgency(db, request.headers.get("authorization"));
  if (!caller.ok && caller.status === 401) return answer.error(401, "api.unauthorized");
  if (!caller.ok) return rateLimited(answer, caller);
  if (!mayPush(caller.agency, "birth-notices")) return answer.error(403, "api.forbidden", { dataset: "birth-notices" });

  let body: unknown;
  try {
    body = JSON.parse(await readBodyText(request, FORM_BODY_LIMIT));
  } catch (error) {
    const tooLarge = answer.uploadProblem(error);
    if (tooLarge) return tooLarge;
    return answer.error(400, "api.invalidBody", {}, { fields: { body: answer.t("api.invalidJson") } });
  }

  const outcome = await receiveBirthNotice(db, body, { origin: env().APP_ORIGIN, locale: answer.locale });
  switch (outcome.kind) {
    case "invalid":
      return answer.error(400, "api.invalidBody", {}, { fields: outcome.fields });
    case "unknownParent":
      return answer.error(422, "api.unknownParent", {}, { fields: outcome.fields });
    case "conflict":
      return answer.error(409, "api.conflict", { certificateNo: outcome.certificateNo });
    case "accepted":
      return answer.json(outcome.created ? 201 : 200, { dossierCode: outcome.dossierCode, status: outcome.status });
  }
}
