import { getTranslations } from "next-intl/server";

/** A plain GET form, so filtering works before any script has loaded. */
export async function PhoneFilter({ value, invalid }: { value?: string; invalid: boolean }) {
  const t = await getTranslations("sms.filter");
  const describedBy = invalid ? "phone-hint phone-error" : "phone-hint";
  return (
    <form method="get" action="/dev/sms" role="search" className="mt-6 rounded-xl bg-white p-4 ring-1 ring-stone-200">
      <label htmlFor="phone" className="block font-semibold">
        {t("label")}
      </label>
      <p id="phone-hint" className="mt-1 text-sm text-stone-700">
        {t("hint")}
      </p>
      {invalid && (
        <p id="phone-error" className="mt-2 font-semibold text-red-800">
          {t("invalid")}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <input
          id="phone"
          name="phone"
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`min-h-11 min-w-0 flex-1 rounded-lg border-2 bg-white px-3 text-lg ${invalid ? "border-red-800" : "border-stone-500"}`}
        />
        <button type="submit" className="min-h-11 rounded-lg bg-blue-800 px-4 font-semibold text-white hover:bg-blue-900">
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
