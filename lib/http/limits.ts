// The most a route reads of a request body (no imports: next.config.ts reads these too).

/** Forms (sign-in, language, sign-out, OIDC) and small JSON documents (a birth notice). */
export const FORM_BODY_LIMIT = 16 * 1024;
/** A citizen's confirm or amend: every field of a dossier at its longest. */
export const JSON_BODY_LIMIT = 64 * 1024;
/** An import file (CSV or .xlsx). */
export const UPLOAD_BODY_LIMIT = 50 * 1024 * 1024;
/** A reply delivered by the SMS gateway: the envelope and at most a few segments of text. */
export const SMS_INBOUND_BODY_LIMIT = 4 * 1024;
