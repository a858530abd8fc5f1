"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentCitizenId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { DELEGATION_PERIODS, grantDelegation, revokeGrant } from "@/lib/dossiers/delegation";
import { addDays } from "@/lib/dates";
import * as clock from "@/lib/clock";

const period = z.coerce.number().pipe(z.union(DELEGATION_PERIODS.map((d) => z.literal(d)) as [z.ZodLiteral<7>, z.ZodLiteral<30>, z.ZodLiteral<90>]));

/** "Ủy quyền": the signed-in citizen lets a relative act on one dossier or one service. */
export async function grantToRelative(form: FormData) {
  const citizenId = await currentCitizenId();
  if (!citizenId) redirect("/login?callbackUrl=%2Faccount");
  const days = period.safeParse(form.get("days"));
  const result = days.success
    ? await grantDelegation(await getDb(), citizenId, {
        delegateId: form.get("delegateId"),
        scope: form.get("scope"),
        until: addDays(clock.today(), days.data),
      })
    : ({ ok: false, error: "invalid" } as const);
  revalidatePath("/account");
  redirect(`/account?delegation=${result.ok ? "granted" : result.error}#uy-quyen`);
}

/** "Thu hồi ngay": the grant ends now; the relative's next request finds nothing. */
export async function revokeFromRelative(form: FormData) {
  const citizenId = await currentCitizenId();
  if (!citizenId) redirect("/login?callbackUrl=%2Faccount");
  const revoked = await revokeGrant(await getDb(), citizenId, form.get("grantId"));
  revalidatePath("/account");
  redirect(`/account?delegation=${revoked ? "revoked" : "revokeFailed"}#uy-quyen`);
}
