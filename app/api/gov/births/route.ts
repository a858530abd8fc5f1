import { env } from "@/lib/env";
import { mayPush } from "@/lib/gov/api-keys";
import { receiveBirthNotice } from "@/lib/gov/births";
import { govJsonRoute } from "@/lib/gov/imports/answers";

export const dynamic = "force-dynamic";

/** A hospital's electronic birth notice (SPEC §6): the engine prepares the parents' birth registration. */
export const POST = govJsonRoute(
  (agency) => (mayPush(agency, "birth-notices") ? undefined : { key: "api.forbidden", params: { dataset: "birth-notices" } }),
  async ({ db, answer, body }) => {
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
  },
);
