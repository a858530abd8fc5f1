import { getTranslations } from "next-intl/server";
import { renderTemplate } from "@/lib/services/render";

/** A catalogue reason with the dossier's event data filled in; coded values are translated. */
export async function ReasonText({ template, params }: { template: string; params: Record<string, unknown> }) {
  const t = await getTranslations();
  return <>{renderTemplate(template, params, (key, value) => (key === "category" && (value === "poor" || value === "near_poor") ? t(`category.${value}`) : value))}</>;
}
