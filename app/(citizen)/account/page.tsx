import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { getTranslations } from "next-intl/server";
import { requireCitizen } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findCitizen, listDossiersFor } from "@/lib/db/dossier-queries";
import { grantsGivenBy } from "@/lib/db/delegation-queries";
import { isAwaitingCitizen } from "@/lib/dossiers/status";
import { DelegationSection } from "@/components/help/delegation-section";
import { grantToRelative, revokeFromRelative } from "./actions";
import * as clock from "@/lib/clock";
import { maskPersonalId, maskPhone } from "@/lib/privacy/mask";
import { LocaleSwitch } from "@/components/locale-switch";
import { SignOutButton } from "@/components/pwa/sign-out-button";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const citizenId = await requireCitizen("/account");
  const db = await getDb();
  const [citizen, t, own, grants, search] = await Promise.all([
    findCitizen(db, citizenId),
    getTranslations("account"),
    listDossiersFor(db, citizenId),
    grantsGivenBy(db, citizenId, clock.now()),
    searchParams,
  ]);
  if (!citizen) return null;
  // Only the owner's dossiers still waiting for them can be handed to a relative.
  const shareable = own.filter((d) => d.role === "owner" && isAwaitingCitizen(d.status));
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-xl font-semibold">{citizen.fullName}</p>
      <dl className="mt-4 divide-y divide-stone-200 rounded-xl bg-white ring-1 ring-stone-200">
        <div className="px-4 py-3">
          <dt className="text-sm text-stone-600">{t("personalId")}</dt>
          <dd className="font-mono font-semibold">{maskPersonalId(citizen.id)}</dd>
        </div>
        {citizen.phone && (
          <div className="px-4 py-3">
            <dt className="text-sm text-stone-600">{t("phone")}</dt>
            <dd className="font-mono font-semibold">{maskPhone(citizen.phone)}</dd>
          </div>
        )}
        <div className="px-4 py-3">
          <dt className="text-sm text-stone-600">{t("address")}</dt>
          <dd className="font-semibold">{[citizen.addressLine, citizen.commune, citizen.province].filter(Boolean).join(", ")}</dd>
        </div>
      </dl>
      <section className="mt-6 rounded-xl bg-white p-4 ring-1 ring-stone-200">
        <h2 className="font-bold">
          <Link href="/my-data" className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-4">
            {t("myData")}
          </Link>
        </h2>
        <p className="text-sm text-stone-700">{t("myDataLead")}</p>
      </section>
      <DelegationSection
        dossiers={shareable}
        grants={grants}
        today={clock.today()}
        outcome={search.delegation}
        grant={grantToRelative}
        revoke={revokeFromRelative}
      />
      <section className="mt-6 flex items-center justify-between rounded-xl bg-white p-4 ring-1 ring-stone-200">
        <h2 className="font-bold">{t("language")}</h2>
        <LocaleSwitch next="/account" />
      </section>
      <form method="post" action="/logout" className="mt-6">
        <SignOutButton label={t("signOut")} />
      </form>
    </>
  );
}
