"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { currentCitizenId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { citizenActionRequest, performCitizenAction } from "@/lib/dossiers/citizen-actions";
import { FIELD_PREFIX, type DossierFormState } from "@/components/dossier/form-state";
import { rateDossier } from "@/lib/dossiers/ratings";
import { declineDossier } from "@/lib/dossiers/decline";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/oidc/client-ip";
import { paymentConfig } from "@/lib/payments/config";
import { startPayment } from "@/lib/payments/orders";
import { respondAsOtherParent } from "@/lib/dossiers/objections";
import { reportWrongLine } from "@/lib/corrections/requests";
import { chooseCollectCentre } from "@/lib/delivery/collect";

function fieldValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith(FIELD_PREFIX) && typeof value === "string") values[name.slice(FIELD_PREFIX.length)] = value;
  }
  return values;
}

/** Confirm (submit) or save the citizen's part of a dossier; which one depends on the button pressed. */
export async function saveDossier(_prev: DossierFormState, form: FormData): Promise<DossierFormState> {
  const citizenId = await currentCitizenId();
  if (!citizenId) redirect("/login");
  const intent = form.get("intent") === "amend" ? "amend" : "confirm";
  const values = fieldValues(form);
  const request = citizenActionRequest.safeParse({
    dossierCode: form.get("dossierCode"),
    version: form.get("version"),
    idempotencyKey: form.get("idempotencyKey"),
    input: values,
    consent: form.get("consent") === "yes",
    note: form.get("note") ?? undefined,
  });
  if (!request.success) return { status: "failed", message: "generic", values };

  const result = await performCitizenAction(await getDb(), citizenId, intent, request.data);
  const path = `/dossiers/${request.data.dossierCode}`;
  if (result.ok) {
    revalidatePath("/", "layout");
    if (intent === "confirm") redirect(`${path}?submitted=1`);
    return { status: "saved" };
  }
  switch (result.error) {
    case "invalid":
      return { status: "invalid", fieldErrors: result.fieldErrors, values };
    case "conflict":
      revalidatePath(path);
      return { status: "failed", message: "conflict" };
    case "not_editable":
      revalidatePath(path);
      return { status: "failed", message: "notEditable" };
    case "idempotency_mismatch":
      return { status: "failed", message: "idempotencyMismatch", values };
    case "correction_pending":
      return { status: "failed", message: "correctionPending", values };
    case "not_found":
      // Same answer as a missing dossier: nothing about someone else's dossier is revealed.
      redirect(path);
  }
}

/** The satisfaction rating after delivery; the page shows the outcome from the URL. */
export async function rateService(form: FormData) {
  const citizenId = await currentCitizenId();
  if (!citizenId) redirect("/login");
  const code = String(form.get("dossierCode") ?? "");
  const result = await rateDossier(await getDb(), citizenId, {
    dossierCode: code,
    score: form.get("score"),
    comment: form.get("comment") ?? undefined,
  });
  revalidatePath(`/dossiers/${code}`);
  redirect(`/dossiers/${encodeURIComponent(code)}${result.ok ? "" : "?rating=invalid"}#danh-gia`);
}

/** "Không cần": the citizen declines a prepared dossier. */
export async function declineService(form: FormData) {
  const citizenId = await currentCitizenId();
  if (!citizenId) redirect("/login");
  const code = String(form.get("dossierCode") ?? "");
  const result = await declineDossier(await getDb(), citizenId, { dossierCode: code, version: form.get("version"), reason: form.get("reason") || undefined });
  revalidatePath("/", "layout");
  redirect(`/dossiers/${encodeURIComponent(code)}${result.ok ? "" : "?decline=failed"}`);
}

/** "Thanh toán trực tuyến": a signed order for the dossier's fee, then off to the gateway. */
export async function payFee(form: FormData) {
  const citizenId = await currentCitizenId();
  if (!citizenId) redirect("/login");
  const code = String(form.get("dossierCode") ?? "");
  const path = `/dossiers/${encodeURIComponent(code)}`;
  const config = paymentConfig();
  if (!config) redirect(`${path}?payment=unavailable#le-phi`);
  const result = await startPayment(await getDb(), config, citizenId, code, {
    origin: env().APP_ORIGIN,
    locale: await getLocale(),
    ip: clientIp(await headers()),
  });
  if (result.ok) redirect(result.url);
  if (result.error === "not_found") redirect(path);
  revalidatePath(path);
  redirect(`${path}?payment=${result.error === "already_paid" ? "paid" : "unavailable"}#le-phi`);
}

/** The other parent's answer to a submission: Đồng ý, or Không đồng ý with a reason (docs/parents.md). */
export async function answerAsParent(form: FormData) {
  const citizenId = await currentCitizenId();
  if (!citizenId) redirect("/login");
  const code = String(form.get("dossierCode") ?? "");
  const result = await respondAsOtherParent(await getDb(), citizenId, {
    dossierCode: code,
    answer: form.get("answer"),
    reason: form.get("reason") ?? undefined,
  });
  revalidatePath("/", "layout");
  const outcome = result.ok ? "sent" : result.error === "invalid" ? (result.reason === "tooLong" ? "reasonTooLong" : "reasonRequired") : "failed";
  redirect(`/dossiers/${encodeURIComponent(code)}?parent=${outcome}#y-kien`);
}

/** "Báo sai" on a pre-filled line: a correction request to the agency that owns the data. */
export async function reportWrong(form: FormData) {
  const citizenId = await currentCitizenId();
  if (!citizenId) redirect("/login");
  const code = String(form.get("dossierCode") ?? "");
  const field = String(form.get("field") ?? "");
  const result = await reportWrongLine(await getDb(), citizenId, { dossierCode: code, field, reason: form.get("reason") ?? "" });
  revalidatePath(`/dossiers/${code}`);
  const outcome = result.ok ? "sent" : result.error === "invalid" ? result.reason : "failed";
  redirect(`/dossiers/${encodeURIComponent(code)}?report=${outcome}&field=${encodeURIComponent(field)}#bao-sai-${encodeURIComponent(field)}`);
}

/** "Phi địa giới": the one-stop centre where the citizen will collect the result. */
export async function chooseCentre(form: FormData) {
  const citizenId = await currentCitizenId();
  if (!citizenId) redirect("/login");
  const code = String(form.get("dossierCode") ?? "");
  const result = await chooseCollectCentre(await getDb(), citizenId, { dossierCode: code, commune: form.get("commune") });
  revalidatePath("/", "layout");
  redirect(`/dossiers/${encodeURIComponent(code)}?collect=${result.ok ? "saved" : "failed"}#noi-nhan`);
}
