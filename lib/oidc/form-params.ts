import { FORM_BODY_LIMIT, readBodyText } from "../http/body-limit";

/** A form's fields as a record; undefined when a field repeats (RFC 6749 §3.1: parameters MUST NOT repeat). */
export function singleValuedParams(params: URLSearchParams): Record<string, string> | undefined {
  const record: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(record, key)) return undefined;
    record[key] = value;
  }
  return record;
}

/**
 * An application/x-www-form-urlencoded body, or undefined when it is another type. Throws
 * BodyTooLarge past FORM_BODY_LIMIT, chunked bodies included.
 */
export async function readUrlEncodedForm(request: Request): Promise<URLSearchParams | undefined> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return undefined;
  return new URLSearchParams(await readBodyText(request, FORM_BODY_LIMIT));
}
