import { getTranslations } from "next-intl/server";
import type { ServiceDefinition } from "@/lib/services/definition";
import { datasets } from "@/lib/gov/datasets";
import { pick } from "@/lib/i18n/localized";
import { formatDate } from "@/lib/dates";

export async function PrefilledSummary({
  service,
  prefilled,
  locale,
  lineExtra,
}: {
  service: ServiceDefinition;
  prefilled: Record<string, unknown>;
  locale: string;
  /** What follows a line (its "Báo sai" and the state of a report), when the page offers it. */
  lineExtra?: (fieldKey: string) => React.ReactNode;
}) {
  const t = await getTranslations();
  const format = (kind: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    const text = String(value);
    if (kind === "date") return formatDate(text);
    if (kind === "sex" && (text === "male" || text === "female")) return t(`sex.${text}`);
    if (kind === "category" && (text === "poor" || text === "near_poor")) return t(`category.${text}`);
    return text;
  };
  return (
    <dl className="divide-y divide-stone-200 rounded-xl bg-white ring-1 ring-stone-200">
      {service.prefilled.map((field) => (
        <div key={field.key} id={`bao-sai-${field.key}`} className="scroll-mt-4 px-4 py-3">
          <dt className="text-sm text-stone-600">{pick(field.label, locale)}</dt>
          <dd className="font-semibold" data-field={field.key}>{format(field.format, prefilled[field.key])}</dd>
          <dd className="text-sm text-stone-600">{t("dossier.source", { source: pick(datasets[field.source].name, locale) })}</dd>
          {lineExtra?.(field.key)}
        </div>
      ))}
    </dl>
  );
}
