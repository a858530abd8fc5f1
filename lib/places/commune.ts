/**
 * Communes are "xã" (rural), "phường" (urban) or "đặc khu": texts shown to a citizen name the kind
 * their own commune is, read from the registry's commune name, never a hard-coded "phường".
 */
const UNITS = [
  { prefix: "Xã ", vi: "xã", en: "commune" },
  { prefix: "Phường ", vi: "phường", en: "ward" },
  { prefix: "Đặc khu ", vi: "đặc khu", en: "special zone" },
] as const;

/** "Xã Hòa Vang" → "xã Hòa Vang" (vi) or "Hòa Vang commune" (en), as it reads inside a sentence. */
export function communeInSentence(commune: string, locale: string): string {
  const name = commune.normalize("NFC").trim();
  const unit = UNITS.find((u) => name.startsWith(u.prefix));
  if (!unit) return name;
  const rest = name.slice(unit.prefix.length);
  return locale === "en" ? `${rest} ${unit.en}` : `${unit.vi} ${rest}`;
}

/** The commune of a pre-filled dossier: its own field, else the part of the residence that names one. */
export function communeOf(prefilled: Record<string, unknown>): string | undefined {
  if (typeof prefilled.commune === "string" && prefilled.commune) return prefilled.commune;
  const residence = typeof prefilled.residence === "string" ? prefilled.residence : "";
  return residence
    .split(",")
    .map((p) => p.trim())
    .find((p) => UNITS.some((u) => p.startsWith(u.prefix)));
}

/** Fills "{commune}" in a catalogue text; without a known commune it says "xã, phường" / "commune". */
export function withCommune(text: string, commune: string | undefined, locale: string): string {
  if (!text.includes("{commune}")) return text;
  const place = commune ? communeInSentence(commune, locale) : locale === "en" ? "commune" : "cấp xã";
  return text.replaceAll("{commune}", place);
}
