/**
 * What may be kept on the phone of a form being filled in: the citizen's own answers, never a personal
 * id number or a phone number (a lost or shared phone must not give those away).
 */
const PERSONAL_ID = /(?<!\d)\d{12}(?!\d)/;
const PHONE = /(?<!\d)(?:\+?84|0)[35789](?:[\s.-]?\d){8}(?!\d)/;

/** Draft values older than this are dropped: a draft is for finishing a form today, not a store of data. */
export const DRAFT_MAX_AGE_MS = 24 * 3600 * 1000;

export interface Draft {
  values: Record<string, string>;
  /** The field last typed in, to put the citizen back where they were. */
  focus?: string;
  savedAt: number;
}

export function holdsIdentifier(value: string): boolean {
  return PERSONAL_ID.test(value) || PHONE.test(value);
}

/** The values that may be stored: empty ones and any holding an id or phone number are left out. */
export function storableValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== "" && v.length <= 2000 && !holdsIdentifier(v)));
}

/** Whether a stored draft is still worth restoring, and differs from what the page already shows. */
export function restorableDraft(draft: Draft | undefined, shown: Record<string, string>, now: number): Draft | undefined {
  if (!draft || now - draft.savedAt > DRAFT_MAX_AGE_MS) return undefined;
  const differs = Object.entries(draft.values).some(([k, v]) => (shown[k] ?? "") !== v);
  return differs ? draft : undefined;
}

export const draftKey = (dossierCode: string) => `draft:${dossierCode}`;
