"use server";

import { redirect } from "next/navigation";
import { requireWardOfficer } from "@/lib/auth/ward-officer";
import { getDb } from "@/lib/db/client";
import { startAssist, verifyAssist } from "@/lib/dossiers/assist";

/** The officer typed the citizen's id: text them a code, then ask for it. */
export async function sendAssistCode(form: FormData) {
  const officer = await requireWardOfficer("/officer/assist");
  const result = await startAssist(await getDb(), officer, form.get("personalId"));
  if (!result.ok) redirect(`/officer/assist?error=${result.error}`);
  redirect(`/officer/assist/${result.id}?n=${result.prepared}`);
}

/** The code the citizen read out. */
export async function checkAssistCode(form: FormData) {
  const officer = await requireWardOfficer("/officer/assist");
  const id = String(form.get("assistId") ?? "");
  const n = String(form.get("n") ?? "");
  const result = await verifyAssist(await getDb(), officer, id, form.get("code"));
  const base = `/officer/assist/${encodeURIComponent(id)}`;
  if (result.ok) redirect(base);
  if (result.error === "expired") redirect(`${base}?code=expired`);
  redirect(`${base}?n=${encodeURIComponent(n)}&code=${result.error}&tries=${result.triesLeft}`);
}
