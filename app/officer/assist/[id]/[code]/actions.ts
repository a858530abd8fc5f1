"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireWardOfficer } from "@/lib/auth/ward-officer";
import { getDb } from "@/lib/db/client";
import { assistOutcomeUrl, assistSession } from "@/lib/dossiers/assist";
import { citizenActionRequest, performCitizenAction } from "@/lib/dossiers/citizen-actions";
import { FIELD_PREFIX } from "@/components/dossier/form-state";

/**
 * Confirm or amend at the counter, on the citizen's behalf: the citizen's own action path (validation,
 * version, idempotency key), with the officer and the ward recorded on the event.
 */
export async function saveAssisted(form: FormData) {
  const id = String(form.get("assistId") ?? "");
  const officer = await requireWardOfficer(`/officer/assist/${encodeURIComponent(id)}`);
  const db = await getDb();
  const session = await assistSession(db, officer, id);
  if (!session) redirect(`/officer/assist/${encodeURIComponent(id)}?code=expired`);
  const input: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith(FIELD_PREFIX) && typeof value === "string") input[name.slice(FIELD_PREFIX.length)] = value;
  }
  const intent = form.get("intent") === "amend" ? "amend" : "confirm";
  const request = citizenActionRequest.safeParse({
    dossierCode: form.get("dossierCode"),
    version: form.get("version"),
    idempotencyKey: form.get("idempotencyKey"),
    input,
    consent: form.get("consent") === "yes",
  });
  if (!request.success) redirect(`/officer/assist/${encodeURIComponent(id)}`);
  const result = await performCitizenAction(db, session.citizenId, intent, request.data, { assistedBy: officer });
  revalidatePath(`/officer/assist/${encodeURIComponent(id)}/${request.data.dossierCode}`);
  redirect(assistOutcomeUrl(id, request.data.dossierCode, intent, result));
}
