/** What the dossier form's server action answers; error values are keys under "errors" / "dossier". */
export type DossierFormState =
  | { status: "idle" }
  | { status: "saved" }
  | { status: "invalid"; fieldErrors: Record<string, string>; values: Record<string, string> }
  | { status: "failed"; message: "conflict" | "notEditable" | "idempotencyMismatch" | "correctionPending" | "generic"; values?: Record<string, string> };

export const FIELD_PREFIX = "field.";
