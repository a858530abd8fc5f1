import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireWardOfficer } from "@/lib/auth/ward-officer";
import { sendAssistCode } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("help.assist");
  return { title: t("title") };
}

const errorParam = z.enum(["invalid", "none", "noPhone", "rateLimited"]).optional().catch(undefined);

/** The counter: the officer types the id the citizen shows; nothing about the citizen is shown yet. */
export default async function AssistStartPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireWardOfficer("/officer/assist");
  const [t, search] = await Promise.all([getTranslations("help.assist"), searchParams]);
  const error = errorParam.parse(search.error);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-stone-700">{t("lead")}</p>
      <form action={sendAssistCode} className="mt-4 max-w-md space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
        {error && <p role="alert" className="font-semibold text-red-700">{t(`errors.${error}`)}</p>}
        <label htmlFor="personalId" className="block font-semibold">{t("personalId")}</label>
        <input
          id="personalId"
          name="personalId"
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          required
          className="block min-h-11 w-full rounded-lg border-2 border-stone-400 px-3 font-mono text-lg"
        />
        <button type="submit" className="min-h-11 w-full rounded-lg bg-slate-800 px-4 font-semibold text-white">{t("send")}</button>
      </form>
    </>
  );
}
