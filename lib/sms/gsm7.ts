import { unaccentVi } from "./salutation";

// The GSM 03.38 basic set a text keeps in one 7-bit encoding (a single other character turns the
// whole message into UCS-2 and cuts a segment from 160 to 70 characters).
const GSM7_CHAR = /[A-Za-z0-9 @£$¥\n\r_!"#%&'()*+,\-./:;<=>?]/;
const LOOKALIKES: Record<string, string> = { "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "..." };

export function isGsm7(text: string): boolean {
  return [...text].every((ch) => GSM7_CHAR.test(ch));
}

/** Text fit for a GSM-7 SMS: Vietnamese without marks, dashes and quotes plain, anything else dropped. */
export function toGsm7(text: string): string {
  return [...unaccentVi(text)]
    .map((ch) => LOOKALIKES[ch] ?? (GSM7_CHAR.test(ch) ? ch : ""))
    .join("")
    .replace(/ {2,}/g, " ");
}
