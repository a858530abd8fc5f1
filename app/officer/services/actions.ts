"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentStaff } from "@/lib/auth/staff-session";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import * as clock from "@/lib/clock";
import { dryRun, type DryRun } from "@/lib/engine/dry-run";
import { checkDraft, decideProposal, submitProposal, type SubmitResult } from "@/lib/services/proposals";
import { plainIssue, type DraftIssue } from "@/lib/services/draft-issues";

const draftInput = z.object({ json: z.string().max(100_000), communes: z.array(z.string().max(100)).max(200) });

async function officer() {
  const staff = await currentStaff();
  if (!staff || staff.role !== "officer") redirect("/staff/login");
  return staff;
}

/** Live validation of the draft as the officer types: the catalogue's own schema, nothing stored. */
export async function validateDraft(json: string): Promise<DraftIssue[]> {
  const staff = await officer();
  const check = checkDraft(String(json).slice(0, 100_000), staff.agency);
  return check.ok ? [] : check.issues.slice(0, 40);
}

export async function dryRunDraft(input: unknown): Promise<{ ok: true; run: DryRun } | { ok: false; issues: DraftIssue[] }> {
  const staff = await officer();
  const parsed = draftInput.safeParse(input);
  if (!parsed.success) return { ok: false, issues: [plainIssue("", "invalid input")] };
  const check = checkDraft(parsed.data.json, staff.agency);
  if (!check.ok) return { ok: false, issues: check.issues.slice(0, 40) };
  const run = await dryRun(await getDb(), check.definition, { today: clock.today(), origin: env().APP_ORIGIN, communes: parsed.data.communes });
  return { ok: true, run };
}

export async function submitDraft(input: unknown): Promise<SubmitResult> {
  const staff = await officer();
  const parsed = draftInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const result = await submitProposal(await getDb(), { json: parsed.data.json, communes: parsed.data.communes, staff });
  revalidatePath("/officer/services");
  return result;
}

/** The centre's decision, from the review page's form; the answer comes back in the URL. */
export async function decide(form: FormData) {
  const staff = await officer();
  const code = String(form.get("code") ?? "");
  const version = String(form.get("version") ?? "");
  const action = form.get("action") === "approve" ? "approve" : "return";
  const result = await decideProposal(await getDb(), { action, code, version, note: form.get("note") ?? "", staff });
  const path = `/officer/services/review/${encodeURIComponent(code)}/${encodeURIComponent(version)}`;
  revalidatePath("/officer/services");
  redirect(result.ok ? `${path}?done=${action}` : `${path}?error=${result.error}`);
}
