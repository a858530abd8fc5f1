import type { getTranslations } from "next-intl/server";
import { flatFields, MEMBER_STAYS, namesFrom } from "@/lib/services/citizen-input";
import { communeInSentence, communeOf, withCommune } from "@/lib/places/commune";
import type { ServiceDefinition } from "@/lib/services/definition";
import { pick } from "@/lib/i18n/localized";
import type { FieldView } from "./dossier-form";

type T = Awaited<ReturnType<typeof getTranslations>>;

/** The citizen's fields of a service as the forms show them (the citizen's page and the ward counter). */
export function fieldViews(service: ServiceDefinition, prefilled: Record<string, unknown>, locale: string, t: T): FieldView[] {
  const commune = communeOf(prefilled);
  const label = (l: { vi: string; en: string }) => withCommune(pick(l, locale), commune, locale);
  const text = (key: string) => (typeof prefilled[key] === "string" ? (prefilled[key] as string) : undefined);
  const groups = new Map(service.citizenFields.map((f) => [f.key, f]));
  const views: FieldView[] = flatFields(service, prefilled).map((f) => {
    const base = {
      key: f.key,
      label: "label" in f ? label(f.label) : "",
      hint: "hint" in f && f.hint ? pick(f.hint, locale) : undefined,
      required: f.required,
      requiredWhen: "requiredWhen" in f ? f.requiredWhen : undefined,
    };
    switch (f.kind) {
      case "choice":
        return {
          ...base,
          kind: "choice",
          options: f.options.map((o) => ({ value: o.value, label: label(o.label), detail: o.detailFrom ? text(o.detailFrom) : o.detail && pick(o.detail, locale) })),
        };
      case "prefilledChoice": {
        const addresses = (f.addressesFrom && (prefilled[f.addressesFrom] as Record<string, string> | undefined)) || {};
        const zone = commune ? t("dossier.inZone", { commune: communeInSentence(commune, locale) }) : undefined;
        return {
          ...base,
          kind: "choice",
          options: namesFrom(prefilled, f.optionsFrom).map((o) => ({ value: o, label: o, detail: [addresses[o], zone].filter(Boolean).join(" · ") || undefined })),
        };
      }
      case "memberStays": {
        const group = groups.get(f.key.replace(/\d+$/, ""));
        return {
          ...base,
          kind: "choice",
          label: f.name,
          group: f.key.endsWith("0") && group ? { title: label(group.label), hint: group.hint && pick(group.hint, locale) } : undefined,
          options: MEMBER_STAYS.map((v) => ({ value: v, label: t(`dossier.member.${v}`) })),
        };
      }
      case "memberReason":
        return { ...base, kind: "text", label: t("dossier.member.reason", { name: f.name }) };
      case "text":
        return { ...base, kind: "text", inputMode: f.pattern === "digits" ? "numeric" : undefined };
      case "personName":
        return { ...base, kind: "personName", nameCheck: { fatherSurname: text("fatherSurname"), motherSurname: text("motherSurname") } };
      default:
        return { ...base, kind: f.kind };
    }
  });
  if (service.delivery.length > 0) {
    views.push({
      key: "delivery",
      kind: "choice",
      label: t("dossier.delivery"),
      required: true,
      options: service.delivery.map((d) => ({ value: d, label: t(`dossier.deliveryOptions.${d}`) })),
    });
  }
  return views;
}
