/** A form's fields as a record; undefined when a field repeats (RFC 6749 §3.1: parameters MUST NOT repeat). */
export function singleValuedParams(params: URLSearchParams): Record<string, string> | undefined {
  const record: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(record, key)) return undefined;
    record[key] = value;
  }
  return record;
}

const MAX_FORM_BYTES = 16_384;

/** An application/x-www-form-urlencoded body, or undefined when it is another type or too large. */
export async function readUrlEncodedForm(request: Request): Promise<URLSearchParams | undefined> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return undefined;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) return undefined;
  const body = await request.text().catch(() => undefined);
  if (body === undefined || body.length > MAX_FORM_BYTES) return undefined;
  return new URLSearchParams(body);
}
