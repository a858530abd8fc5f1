import type { Locale } from "../../i18n/locales";
import { govText, localeFromAcceptLanguage, type GovText, type GovTextKey } from "./texts";
import { BodyTooLarge, FORM_BODY_LIMIT, readBodyText } from "../../http/body-limit";
import { getDb, type Db } from "../../db/client";
import { admitAgency } from "../api-keys";
import { UploadError } from "./upload-error";

type ApiTextKey = Extract<GovTextKey, `api.${string}`>;

interface GovAnswers {
  locale: Locale;
  t: GovText;
  json(status: number, body: unknown, headers?: Record<string, string>): Response;
  /**
   * `{ error, message, ...extra }`: the code is the text's key in snake case (api.unknownDataset →
   * unknown_dataset); `extra.message` replaces a message the domain has already put into words.
   */
  error(status: number, key: ApiTextKey, params?: Record<string, unknown>, extra?: Record<string, unknown>): Response;
  /** The answer to a refused upload or body, or undefined when the error is neither (to be rethrown). */
  uploadProblem(error: unknown): Response | undefined;
}

const uploadStatus: Record<UploadError["problem"], number> = {
  spreadsheetTooLarge: 413,
  unsupportedMediaType: 415,
  invalidEncoding: 400,
  missingFile: 400,
  invalidMultipart: 400,
  invalidSpreadsheet: 400,
};

const byteSize = (bytes: number) => (bytes >= 1 << 20 ? `${Math.floor(bytes / (1 << 20))} MB` : `${Math.floor(bytes / 1024)} KB`);

/** JSON answers of the agencies' API, in the language the caller asked for. */
export function govAnswers(request: Request, maxUploadBytes: number): GovAnswers {
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  const t = govText(locale);
  const json: GovAnswers["json"] = (status, body, headers = {}) =>
    Response.json(body, { status, headers: { "Cache-Control": "no-store", "Content-Language": locale, ...headers } });
  const error: GovAnswers["error"] = (status, key, params, extra = {}) =>
    json(
      status,
      { error: key.slice(4).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), message: t(key, params), ...extra },
      status === 401 ? { "WWW-Authenticate": 'Bearer realm="chu-dong"' } : {},
    );
  const uploadProblem = (e: unknown) => {
    if (e instanceof BodyTooLarge) return error(413, "api.payloadTooLarge", { limit: byteSize(e.limit) });
    if (e instanceof UploadError) return error(uploadStatus[e.problem], `api.${e.problem}`, { limit: byteSize(maxUploadBytes) });
    return undefined;
  };
  return { locale, t, json, error, uploadProblem };
}

/** 429 with Retry-After for a key over its request budget. */
export function rateLimited(answer: GovAnswers, limited: { retryAfterSeconds: number; limit: number }): Response {
  const response = answer.error(429, "api.rateLimited", { limit: limited.limit, seconds: limited.retryAfterSeconds });
  response.headers.set("Retry-After", String(limited.retryAfterSeconds));
  return response;
}

type AdmittedAgency = Extract<Awaited<ReturnType<typeof admitAgency>>, { ok: true }>["agency"];

interface GovJsonRequest {
  db: Db;
  answer: GovAnswers;
  /** The agency whose key called. */
  agency: AdmittedAgency;
  /** The body as parsed JSON, not yet validated: the domain's zod schema does that. */
  body: unknown;
}

/**
 * A JSON endpoint of the agencies' API: the bearer key (401), its request budget (429), what this
 * agency may do here (`refuse` answers 403 with its text), then a JSON body within FORM_BODY_LIMIT
 * (413 over it, 400 when it is not JSON) before `handle` sees it.
 */
export function govJsonRoute(
  refuse: (agency: AdmittedAgency) => { key: ApiTextKey; params?: Record<string, unknown> } | undefined,
  handle: (request: GovJsonRequest) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const answer = govAnswers(request, FORM_BODY_LIMIT);
    const db = await getDb();
    const caller = await admitAgency(db, request.headers.get("authorization"));
    if (!caller.ok && caller.status === 401) return answer.error(401, "api.unauthorized");
    if (!caller.ok) return rateLimited(answer, caller);
    const refused = refuse(caller.agency);
    if (refused) return answer.error(403, refused.key, refused.params);
    let body: unknown;
    try {
      body = JSON.parse(await readBodyText(request, FORM_BODY_LIMIT));
    } catch (error) {
      const tooLarge = answer.uploadProblem(error);
      if (tooLarge) return tooLarge;
      return answer.error(400, "api.invalidBody", {}, { fields: { body: answer.t("api.invalidJson") } });
    }
    return handle({ db, answer, agency: caller.agency, body });
  };
}
