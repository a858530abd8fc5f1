import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/staff-session";
import { findService, liveCatalogue } from "@/lib/services/catalogue";
import { PILOT_COMMUNES } from "@/lib/services/store";
import { ServiceDraftEditor } from "@/components/officer/service-draft-editor";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("officer.services");
  return { title: t("draftTitle") };
}

const query = z.object({ from: z.string().regex(/^[a-z]+(-[a-z]+)*$/).optional().catch(undefined) });

export default async function DraftPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const officer = await requireStaff("officer", "/officer/services/draft");
  const t = await getTranslations("officer.services");
  const { from } = query.parse(await searchParams);
  // A change starts from the live definition; a new service from one of the agency's own, renamed.
  const base = (from && findService(from)) || liveCatalogue().find((s) => s.agency.code === officer.agency);
  const start = from && base ? base : base ? { ...base, code: `${base.code}-new`, stage: "proposed" } : {};
  return (
    <>
      <h1 className="text-2xl font-bold">{t("draftTitle")}</h1>
      <p className="mb-4 mt-1 text-stone-700">{t("draftLead")}</p>
      <ServiceDraftEditor
        initialJson={JSON.stringify(start, null, 2)}
        communes={[...PILOT_COMMUNES]}
        text={{
          definition: t("definition"),
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
        }}
      />
    </>
  );
}
