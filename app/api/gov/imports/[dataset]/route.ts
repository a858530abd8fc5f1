import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { admitAgency, mayPush } from "@/lib/gov/api-keys";
import { govAnswers, rateLimited } from "@/lib/gov/imports/answers";
import { importDatasets, isImportDataset } from "@/lib/gov/imports/registry";
import { runImport } from "@/lib/gov/imports/run-import";
import { MAX_UPLOAD_BYTES, receiveImportFile, type ReceivedFile } from "@/lib/gov/imports/upload";

export const dynamic = "force-dynamic";

/** An agency's CSV list or registry extract (SPEC §6), streamed into its registry. */
export async function POST(request: Request, { params }: { params: Promise<{ dataset: string }> }) {
  const { dataset } = await params;
  const answer = govAnswers(request, MAX_UPLOAD_BYTES);
  const db = await getDb();
  const caller = await admitAgency(db, request.headers.get("authorization"));
  if (!caller.ok && caller.status === 401) return answer.error(401, "api.unauthorized");
  if (!caller.ok) return rateLimited(answer, caller);
  if (!isImportDataset(dataset)) {
    return answer.error(404, "api.unknownDataset", { dataset, known: Object.keys(importDatasets).join(", ") });
  }
  if (!mayPush(caller.agency, dataset)) return answer.error(403, "api.forbidden", { dataset });

  let file: ReceivedFile | undefined;
  try {
    file = await receiveImportFile(request, MAX_UPLOAD_BYTES);
    const outcome = await runImport(db, { dataset, agency: caller.agency, records: file.records(), origin: env().APP_ORIGIN, locale: answer.locale });
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
