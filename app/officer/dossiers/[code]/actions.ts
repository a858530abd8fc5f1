"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { currentStaff } from "@/lib/auth/staff-session";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { performOfficerAction } from "@/lib/dossiers/officer-actions";
import { settleObjection } from "@/lib/dossiers/objections";
import { resolveConflict } from "@/lib/onestop/inbound";

/** One step of the lifecycle, from the review page's buttons; the answer comes back in the URL. */
export async function actOnDossier(form: FormData) {
  const officer = await currentStaff();
  if (!officer || officer.role !== "officer") redirect("/staff/login");
  const code = String(form.get("dossierCode") ?? "");
  const result = await performOfficerAction(
    await getDb(),
    officer,
    {
      dossierCode: code,
      version: form.get("version"),
      action: form.get("action"),
      note: form.get("note") ?? undefined,
    },
    { origin: env().APP_ORIGIN },
  );
  const path = `/officer/dossiers/${encodeURIComponent(code)}`;
  revalidatePath(path);
  if (result.ok) redirect(`${path}?done=1`);
  if (result.error === "not_found") redirect("/officer");
  const error = result.error === "invalid" ? (result.fieldErrors.note === "tooLong" ? "noteTooLong" : "noteRequired") : result.error;
  redirect(`${path}?error=${error}`);
}

/** The officer records how a parent's objection was settled with both parents (docs/parents.md). */
export async function settleParents(form: FormData) {
  const officer = await currentStaff();
  if (!officer || officer.role !== "officer") redirect("/staff/login");
  const code = String(form.get("dossierCode") ?? "");
  const result = await settleObjection(await getDb(), officer, { dossierCode: code, settlement: form.get("settlement") });
  const path = `/officer/dossiers/${encodeURIComponent(code)}`;
  revalidatePath(path);
  if (result.ok) redirect(`${path}?done=1`);
  if (result.error === "not_found") redirect("/officer");
  const error = result.error === "invalid" ? (result.reason === "tooLong" ? "settlementTooLong" : "settlementRequired") : "not_allowed";
  redirect(`${path}?error=${error}`);
}

/** The officer has dealt with a status the One-Stop system reported that disagreed with ours. */
export async function resolveOneStopConflict(form: FormData) {
  const officer = await currentStaff();
  if (!officer || officer.role !== "officer") redirect("/staff/login");
  const code = String(form.get("dossierCode") ?? "");
  // The officer's desk (agency and, for a commune desk, its commune) decides, as for their queue.
  const outcome = await resolveConflict(await getDb(), officer, code, String(form.get("eventId") ?? "").slice(0, 100));
  if (outcome === "not_found") redirect("/officer");
  const path = `/officer/dossiers/${encodeURIComponent(code)}`;
  revalidatePath(path);
  redirect(path);
}
