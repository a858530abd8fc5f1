import { getLocale, getTranslations } from "next-intl/server";

/** A plain form, so switching language works before any script has loaded. */
export async function LocaleSwitch({ next, className }: { next?: string; className?: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("language")]);
  const other = locale === "vi" ? "en" : "vi";
  return (
    <form method="post" action="/locale">
      <input type="hidden" name="locale" value={other} />
      {next && <input type="hidden" name="next" value={next} />}
      <button
        type="submit"
        lang={other}
        className={className ?? "inline-flex min-h-11 items-center rounded-lg px-3 font-semibold text-blue-800 underline underline-offset-4"}
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
