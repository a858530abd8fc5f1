import { z } from "zod";
import { currentStaff } from "@/lib/auth/staff-session";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { datasetsForAgency } from "@/lib/gov/officer-datasets";
import { govAnswers } from "@/lib/gov/imports/answers";
import { runImport } from "@/lib/gov/imports/run-import";
import { MAX_UPLOAD_BYTES, receiveImportFile, type ReceivedFile } from "@/lib/gov/imports/upload";
import { hasOwnOrigin } from "@/lib/security/csrf";

export const dynamic = "force-dynamic";

const query = z.object({ dataset: z.string().max(40) });

/** An officer's CSV upload from the console: the same streamed import as the agencies' API. */
export async function POST(request: Request) {
  const answer = govAnswers(request, MAX_UPLOAD_BYTES);
  if (!hasOwnOrigin(request)) return answer.error(403, "api.forbidden", { dataset: "" });
  const officer = await currentStaff();
  if (!officer || officer.role !== "officer") return answer.error(401, "api.unauthorized");
  const parsed = query.safeParse({ dataset: new URL(request.url).searchParams.get("dataset") });
  const dataset = datasetsForAgency(officer.agency).find((d) => parsed.success && d === parsed.data.dataset);
  if (!dataset) return answer.error(403, "api.forbidden", { dataset: parsed.success ? parsed.data.dataset : "" });
  let file: ReceivedFile | undefined;
  try {
    file = await receiveImportFile(request, MAX_UPLOAD_BYTES);
    const outcome = await runImport(await getDb(), { dataset, agency: `officer:${officer.username}`, records: file.records(), origin: env().APP_ORIGIN, locale: answer.locale });
    if (!outcome.ok) return answer.error(400, `api.${outcome.problem}`, {}, { message: outcome.message });
    return answer.json(200, outcome.report);
  } catch (error) {
    const refused = answer.uploadProblem(error);
    if (refused) return refused;
    throw error;
  } finally {
    await file?.dispose();
  }
}
