import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { currentCitizenId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { deepLinkTargetFor } from "@/lib/db/dossier-queries";

export const dynamic = "force-dynamic";

const linkCode = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** An SMS deep link: the code alone reveals nothing; after sign-in it opens the dossier for its parties only. */
export default async function DeepLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const parsed = linkCode.safeParse((await params).code);
  if (!parsed.success) notFound();
  const citizenId = await currentCitizenId();
  if (!citizenId) redirect(`/login?callbackUrl=${encodeURIComponent(`/s/${parsed.data}`)}`);
  const dossierCode = await deepLinkTargetFor(await getDb(), citizenId, parsed.data);
  if (!dossierCode) notFound();
  redirect(`/dossiers/${dossierCode}`);
}
