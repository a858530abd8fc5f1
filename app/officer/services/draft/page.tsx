import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/staff-session";
import { findService, liveCatalogue } from "@/lib/services/catalogue";
import { PILOT_COMMUNES } from "@/lib/services/store";
import { ruleDatasets } from "@/lib/engine/datasets";
import { datasets } from "@/lib/gov/datasets";
import { pick } from "@/lib/i18n/localized";
import { ServiceDraftEditor } from "@/components/officer/service-draft-editor";
import type { DatasetOption } from "@/lib/services/draft-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("officer.services");
  return { title: t("draftTitle") };
}

const query = z.object({ from: z.string().regex(/^[a-z]+(-[a-z]+)*$/).optional().catch(undefined) });

export default async function DraftPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const officer = await requireStaff("officer", "/officer/services/draft");
  const [t, locale] = await Promise.all([getTranslations("officer.services"), getLocale()]);
  const { from } = query.parse(await searchParams);
  // A change starts from the live definition; a new service from one of the agency's own, renamed.
  const base = (from && findService(from)) || liveCatalogue().find((s) => s.agency.code === officer.agency);
  const start = from && base ? base : base ? { ...base, code: `${base.code}-new`, stage: "proposed" } : {};
  // The registries a rule may read, and which of their columns a pattern may name (the engine's whitelist).
  const options: DatasetOption[] = Object.entries(ruleDatasets).map(([code, spec]) => ({
    code,
    name: pick(datasets[code as keyof typeof datasets].name, locale),
    dateColumns: Object.entries(spec!.columns).filter(([, type]) => type === "date").map(([c]) => c),
    intColumns: Object.entries(spec!.columns).filter(([, type]) => type === "int").map(([c]) => c),
  }));
  return (
    <>
      <h1 className="text-2xl font-bold">{t("draftTitle")}</h1>
      <p className="mb-4 mt-1 text-stone-700">{t("draftLead")}</p>
      <ServiceDraftEditor
        initialJson={JSON.stringify(start, null, 2)}
        communes={[...PILOT_COMMUNES]}
        datasets={options}
        agencyCode={officer.agency}
        text={{
          definition: t("definition"),
          advanced: t("advanced"),
          jsonUnreadable: t("jsonUnreadable"),
          otherIssues: t("otherIssues"),
          valid: t("valid"),
          invalid: t.raw("invalid") as string,
          checking: t("checking"),
          communes: t("communes"),
          dryRun: t("dryRun"),
          dryRunning: t("dryRunning"),
          submit: t("submit"),
          submitting: t("submitting"),
          submitted: t.raw("submitted") as string,
          errors: t.raw("error") as Record<string, string>,
          dry: t.raw("dry") as Record<string, string>,
          form: t.raw("form") as Record<string, string>,
          issue: t.raw("issue") as Record<string, string>,
        }}
      />
    </>
  );
}
