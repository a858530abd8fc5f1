import { getTranslations } from "next-intl/server";
import { formatIfDate } from "@/lib/dates";

/** The numbers approval issued (certificate, card, new expiry…), labelled; shared by citizen and officer views. */
export async function ResultFields({ result, labelClass = "text-sm text-stone-600" }: { result: Record<string, string>; labelClass?: string }) {
  const t = await getTranslations("officer.result");
  return (
    <>
      {Object.entries(result).map(([key, value]) => (
        <div key={key}>
          <dt className={labelClass}>{t(key as "school")}</dt>
          <dd className="font-mono font-semibold" data-result={key}>{formatIfDate(value)}</dd>
        </div>
      ))}
    </>
  );
}
