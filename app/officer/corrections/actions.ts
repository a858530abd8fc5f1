"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { currentStaff } from "@/lib/auth/staff-session";
import { getDb } from "@/lib/db/client";
import { answerCorrection } from "@/lib/corrections/requests";
import { env } from "@/lib/env";

/** The owning agency accepts a "Báo sai" (with the corrected value) or rejects it with a reason. */
export async function answerReport(form: FormData) {
  const officer = await currentStaff();
  if (!officer || officer.role !== "officer") redirect("/staff/login");
  const id = String(form.get("id") ?? "");
  const result = await answerCorrection(await getDb(), officer, {
    id,
    decision: form.get("decision"),
    value: form.get("value") ?? undefined,
    answer: form.get("answer") || undefined,
  }, { origin: env().APP_ORIGIN });
  revalidatePath("/officer/corrections");
  const outcome = result.ok ? "done=1" : `error=${result.error}`;
  redirect(`/officer/corrections?${outcome}&id=${encodeURIComponent(id)}#yc-${encodeURIComponent(id)}`);
}
