import { getTranslations } from "next-intl/server";

const terms = ["prepared", "notified", "confirmed", "results", "onTime", "fullyOnline", "overdue", "median", "conversion", "rating"] as const;

/** Every figure on the page explained in one plain sentence. */
export async function Definitions() {
  const t = await getTranslations("ioc.definitions");
  return (
    <section aria-labelledby="definitions-heading" className="mt-8 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:p-6">
      <h2 id="definitions-heading" className="text-xl font-bold">{t("heading")}</h2>
      <ul className="mt-3 list-disc space-y-2 pl-5 text-stone-800">
        {terms.map((term) => (
          <li key={term}>{t(term)}</li>
        ))}
      </ul>
    </section>
  );
}
