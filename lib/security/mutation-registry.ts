import { FORM_BODY_LIMIT, JSON_BODY_LIMIT, SMS_INBOUND_BODY_LIMIT, UPLOAD_BODY_LIMIT } from "../http/limits";

/**
 * Every way to change state from outside: server actions and mutating route handlers, with who may
 * call each and how CSRF is handled. mutation-registry.test.ts compares this list with the files in
 * app/, so a new action or route cannot ship without an entry here — and then a test of its guard.
 */

/** Who may call it. */
type Guard =
  /**
   * The signed-in citizen, and only for dossiers they are a party to (owner or co-parent), or for
   * confirm/amend a dossier whose owner granted it to them (lib/dossiers/delegation.ts).
   */
  | "citizen-party"
  /** The signed-in citizen, for their own grants to relatives and their own dossiers only. */
  | "citizen-own-grants"
  /** A ward officer (an account with a commune); acting needs the code the citizen read out, for that citizen only. */
  | "ward-officer-code"
  /** A signed-in officer, and only for dossiers of the officer's own agency. */
  | "officer-agency"
  /** An agency system with its API key (Authorization: Bearer), per dataset. */
  | "agency-key"
  /** The scheduler, with ENGINE_TOKEN. */
  | "engine-token"
  /** The OIDC client (client_secret_basic / client_secret_post) redeeming a code with its PKCE verifier. */
  | "oidc-client"
  /** A VNeID access token. */
  | "access-token"
  /** Credentials checked by the route itself (passcode, staff password), throttled. */
  | "credentials"
  /** Auth.js's own endpoints: its CSRF token, state/PKCE/nonce cookies. */
  | "authjs"
  /** The caller's own session or preference only (sign-out, language): nothing of anyone else's. */
  | "own-session"
  /** A payment order signed with the merchant's secret (HMAC-SHA512): the demo's simulated gateway. */
  | "signed-order"
  /** The SMS gateway: HMAC-SHA256 over a fresh timestamp and the body (SMS_INBOUND_SECRET). */
  | "gateway-signature"
  /** Demo mode only (404 otherwise): the simulator acts as any demo phone. */
  | "demo-only";

type CsrfHandling = "origin-checked" | "exempt-bearer" | "exempt-signed" | "exempt-authjs";

/** The most a route reads of a request body (lib/http/body-limit), or "none" when it reads no body. */
type BodyLimit = number | "none";

export interface ServerActionEntry {
  kind: "server-action";
  file: string;
  exports: string[];
  guard: Guard;
  csrf: "origin-checked";
}

export interface RouteEntry {
  kind: "route";
  file: string;
  /** The URL path, with a sample value for each dynamic segment. */
  path: string;
  methods: ("POST" | "PUT" | "PATCH" | "DELETE")[];
  guard: Guard;
  csrf: CsrfHandling;
  body: BodyLimit;
}

type MutationEntry = ServerActionEntry | RouteEntry;

export const mutationRegistry: MutationEntry[] = [
  { kind: "server-action", file: "app/(citizen)/dossiers/[code]/actions.ts", exports: ["saveDossier", "rateService", "declineService", "answerAsParent", "payFee", "reportWrong", "chooseCentre"], guard: "citizen-party", csrf: "origin-checked" },
  { kind: "server-action", file: "app/dev/sms/actions.ts", exports: ["sendSimulatedReply"], guard: "demo-only", csrf: "origin-checked" },
  { kind: "server-action", file: "app/officer/dossiers/[code]/actions.ts", exports: ["actOnDossier", "settleParents", "resolveOneStopConflict"], guard: "officer-agency", csrf: "origin-checked" },
  { kind: "server-action", file: "app/officer/corrections/actions.ts", exports: ["answerReport"], guard: "officer-agency", csrf: "origin-checked" },
  { kind: "server-action", file: "app/(citizen)/household/actions.ts", exports: ["setReminder"], guard: "own-session", csrf: "origin-checked" },
  // A department drafts only its own agency's services; only the centre (agency trungtam) decides.
  { kind: "server-action", file: "app/officer/services/actions.ts", exports: ["validateDraft", "dryRunDraft", "submitDraft", "decide"], guard: "officer-agency", csrf: "origin-checked" },
  { kind: "server-action", file: "app/(citizen)/account/actions.ts", exports: ["grantToRelative", "revokeFromRelative"], guard: "citizen-own-grants", csrf: "origin-checked" },
  { kind: "server-action", file: "app/officer/assist/actions.ts", exports: ["sendAssistCode", "checkAssistCode"], guard: "ward-officer-code", csrf: "origin-checked" },
  { kind: "server-action", file: "app/officer/assist/[id]/[code]/actions.ts", exports: ["saveAssisted"], guard: "ward-officer-code", csrf: "origin-checked" },
  // Only the lead of the dossier's centre (officers.lead) may move it; others of the agency are refused too.
  { kind: "server-action", file: "app/officer/actions.ts", exports: ["reassign"], guard: "officer-agency", csrf: "origin-checked" },

  { kind: "route", file: "app/api/v1/dossiers/[code]/actions/route.ts", path: "/api/v1/dossiers/HS-2026-000001/actions", methods: ["POST"], guard: "citizen-party", csrf: "origin-checked", body: JSON_BODY_LIMIT },
  { kind: "route", file: "app/officer/imports/upload/route.ts", path: "/officer/imports/upload", methods: ["POST"], guard: "officer-agency", csrf: "origin-checked", body: UPLOAD_BODY_LIMIT },
  { kind: "route", file: "app/api/gov/births/route.ts", path: "/api/gov/births", methods: ["POST"], guard: "agency-key", csrf: "exempt-bearer", body: FORM_BODY_LIMIT },
  { kind: "route", file: "app/api/gov/imports/[dataset]/route.ts", path: "/api/gov/imports/poor-households", methods: ["POST"], guard: "agency-key", csrf: "exempt-bearer", body: UPLOAD_BODY_LIMIT },
  { kind: "route", file: "app/api/sms/inbound/route.ts", path: "/api/sms/inbound", methods: ["POST"], guard: "gateway-signature", csrf: "exempt-signed", body: SMS_INBOUND_BODY_LIMIT },
  { kind: "route", file: "app/api/gov/onestop/status/route.ts", path: "/api/gov/onestop/status", methods: ["POST"], guard: "agency-key", csrf: "exempt-bearer", body: FORM_BODY_LIMIT },
  { kind: "route", file: "app/api/engine/scan/route.ts", path: "/api/engine/scan", methods: ["POST"], guard: "engine-token", csrf: "exempt-bearer", body: "none" },
  { kind: "route", file: "app/vneid/token/route.ts", path: "/vneid/token", methods: ["POST"], guard: "oidc-client", csrf: "exempt-bearer", body: FORM_BODY_LIMIT },
  { kind: "route", file: "app/vneid/userinfo/route.ts", path: "/vneid/userinfo", methods: ["POST"], guard: "access-token", csrf: "exempt-bearer", body: "none" },
  { kind: "route", file: "app/vneid/login/route.ts", path: "/vneid/login", methods: ["POST"], guard: "credentials", csrf: "origin-checked", body: FORM_BODY_LIMIT },
  { kind: "route", file: "app/staff/session/route.ts", path: "/staff/session", methods: ["POST"], guard: "credentials", csrf: "origin-checked", body: FORM_BODY_LIMIT },
  { kind: "route", file: "app/api/auth/[...nextauth]/route.ts", path: "/api/auth/callback/staff", methods: ["POST"], guard: "authjs", csrf: "exempt-authjs", body: FORM_BODY_LIMIT },
  { kind: "route", file: "app/login/vneid/route.ts", path: "/login/vneid", methods: ["POST"], guard: "own-session", csrf: "origin-checked", body: FORM_BODY_LIMIT },
  { kind: "route", file: "app/logout/route.ts", path: "/logout", methods: ["POST"], guard: "own-session", csrf: "origin-checked", body: FORM_BODY_LIMIT },
  { kind: "route", file: "app/paygate/complete/route.ts", path: "/paygate/complete", methods: ["POST"], guard: "signed-order", csrf: "origin-checked", body: FORM_BODY_LIMIT },
  { kind: "route", file: "app/locale/route.ts", path: "/locale", methods: ["POST"], guard: "own-session", csrf: "origin-checked", body: FORM_BODY_LIMIT },
];
