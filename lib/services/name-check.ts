/**
 * Soft checks on a child's name, which is permanent: each warning is something a parent may well
 * mean (a name without tone marks, a surname from neither parent) but should look at twice.
 * Pure, so the form can warn while typing and the review step can list them.
 */
export type NameWarning = "noToneMarks" | "lowerCase" | "surnameNotParents";

const tidy = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ");
const fold = (s: string) => tidy(s).toLocaleLowerCase("vi");

export function nameWarnings(name: string, parents: { fatherSurname?: unknown; motherSurname?: unknown }): NameWarning[] {
  const clean = tidy(name);
  if (clean.split(" ").length < 2) return [];
  const warnings: NameWarning[] = [];
  // Plain ASCII letters only: Vietnamese names almost always carry a tone mark or a letter such as đ, ơ, ư.
  if (/^[A-Za-z' -]+$/.test(clean)) warnings.push("noToneMarks");
  if (clean.split(/[ -]/).some((w) => w.length > 0 && w[0] !== w[0]!.toLocaleUpperCase("vi"))) warnings.push("lowerCase");
  const surnames = [parents.fatherSurname, parents.motherSurname].filter((s): s is string => typeof s === "string" && s.length > 0);
  if (surnames.length > 0 && !surnames.some((s) => fold(clean.split(" ")[0]!) === fold(s))) warnings.push("surnameNotParents");
  return warnings;
}
