import { getTranslations } from "next-intl/server";
import { formatIfDate } from "@/lib/dates";
import { trackingUrl } from "@/lib/delivery/tracking";

/** The numbers approval issued (certificate, card, new expiry…), labelled; shared by citizen and officer views. */
export async function ResultFields({ result, labelClass = "text-sm text-stone-600" }: { result: Record<string, string>; labelClass?: string }) {
  const [t, tr] = await Promise.all([getTranslations("officer.result"), getTranslations("result")]);
  return (
    <>
      {Object.entries(result).map(([key, value]) => {
        const track = key === "postalTrackingNo" ? trackingUrl(value) : undefined;
        return (
          <div key={key}>
            <dt className={labelClass}>{t(key as "school")}</dt>
            <dd className="font-mono font-semibold" data-result={key}>{formatIfDate(value)}</dd>
            {track && (
              <dd>
                <a href={track} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-11 items-center text-blue-800 underline underline-offset-4">
                  {tr("track", { code: value })} ↗
                </a>
              </dd>
            )}
          </div>
        );
      })}
    </>
  );
}
