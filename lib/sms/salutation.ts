import { sql, type SQL } from "drizzle-orm";

/** Age at which an SMS says "Ong"/"Ba" instead of "anh"/"chi" (one pronoun per message). */
export const ELDER_AGE = 60;

/** Whole years between a yyyy-MM-dd birth date and a yyyy-MM-dd day. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** How an SMS addresses a citizen, unaccented for GSM-7. */
export function salutationFor(person: { sex: "male" | "female"; birthDate: string }, today: string): string {
  const elder = ageOn(person.birthDate, today) >= ELDER_AGE;
  if (person.sex === "male") return elder ? "Ong" : "anh";
  return elder ? "Ba" : "chi";
}

const ACCENTED = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ";
const PLAIN = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd";

/** Vietnamese letters without their marks (the SQL unaccent_vi, for texts written in the app). */
export function unaccentVi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const lower = ch.toLowerCase();
    const i = ACCENTED.indexOf(lower);
    if (i < 0) out += ch;
    else out += lower === ch ? PLAIN[i] : PLAIN[i]!.toUpperCase();
  }
  return out;
}

/** The given name: the last word of a Vietnamese full name. */
export function firstNameOf(fullName: string): string {
  return fullName.trim().split(/\s+/).pop() ?? "";
}

/** salutationFor() in SQL, for the engine's set-based SMS: the same rule from the same constant. */
export function salutationSql(sex: SQL, birthDate: SQL, today: string): SQL {
  return sql`CASE WHEN ${birthDate} <= ${today}::date - make_interval(years => ${ELDER_AGE}::int)
    THEN (CASE ${sex} WHEN 'male' THEN 'Ong' ELSE 'Ba' END)
    ELSE (CASE ${sex} WHEN 'male' THEN 'anh' ELSE 'chi' END) END`;
}
