"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { currentStaff } from "@/lib/auth/staff-session";
import { getDb } from "@/lib/db/client";
import { reassignDossier } from "@/lib/dossiers/reassign";

/** A centre's lead moves an at-risk dossier to another centre; the answer comes back in the URL. */
export async function reassign(form: FormData) {
  const officer = await currentStaff();
  if (!officer || officer.role !== "officer") redirect("/staff/login");
  const result = await reassignDossier(await getDb(), officer, {
    dossierCode: form.get("dossierCode"),
    from: form.get("from"),
    to: form.get("to"),
  });
  revalidatePath("/officer");
  redirect(result.ok ? "/officer?reassigned=1#sla-risk" : `/officer?reassignError=${result.error}#sla-risk`);
}
