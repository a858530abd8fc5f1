import { getLocale, getTranslations } from "next-intl/server";
import { oneStopCentres } from "@/lib/delivery/collect";
import { communeInSentence } from "@/lib/places/commune";

/** "Phi địa giới": the one-stop desk that hands over the result, changeable until the result is ready. */
export async function CollectCentre({
  dossierCode,
  centre,
  ownCommune,
  canChoose,
  feedback,
  action,
}: {
  dossierCode: string;
  centre: string | undefined;
  ownCommune: string | undefined;
  canChoose: boolean;
  feedback: "saved" | "failed" | undefined;
  action: (form: FormData) => Promise<void>;
}) {
  const [t, locale] = await Promise.all([getTranslations("collect"), getLocale()]);
  const desk = (commune: string) => t("centreOf", { commune: communeInSentence(commune, locale) });
  return (
    <section id="noi-nhan" aria-labelledby="collect-title" className="scroll-mt-4 rounded-xl bg-white p-4 ring-1 ring-stone-200">
      <h2 id="collect-title" className="font-bold">{t("title")}</h2>
      <p className="mt-1 font-semibold" data-testid="collect-centre">{centre ? t("current", { centre: desk(centre) }) : t("none")}</p>
      {feedback && (
        <p role={feedback === "saved" ? "status" : "alert"} className={`mt-2 font-semibold ${feedback === "saved" ? "text-emerald-800" : "text-red-700"}`}>{t(feedback)}</p>
      )}
      {canChoose && (
        <form action={action} className="mt-3 space-y-2">
          <p className="text-sm text-stone-700">{t("lead")} {t("switchNote")}</p>
          <input type="hidden" name="dossierCode" value={dossierCode} />
          <label htmlFor="collect-commune" className="block text-sm font-semibold">{t("choose")}</label>
          <select id="collect-commune" name="commune" defaultValue={centre ?? ownCommune} className="block min-h-11 w-full rounded-lg border-2 border-stone-400 bg-white px-2">
            {oneStopCentres.map((c) => (
              <option key={c} value={c}>{desk(c)}</option>
            ))}
          </select>
          <button type="submit" className="min-h-11 w-full rounded-lg bg-white px-4 font-semibold text-stone-800 ring-2 ring-stone-500">{t("save")}</button>
        </form>
      )}
    </section>
  );
}
