import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

// ---- Population database (national registry, mocked) ----

export const citizens = pgTable("citizens", {
  id: text("id").primaryKey(), // 12-digit số định danh cá nhân
  fullName: text("full_name").notNull(),
  birthDate: date("birth_date").notNull(),
  sex: text("sex", { enum: ["male", "female"] }).notNull(),
  phone: text("phone"),
  ethnicity: text("ethnicity").notNull().default("Kinh"),
  hometown: text("hometown"),
  addressLine: text("address_line"),
  commune: text("commune").notNull(),
  province: text("province").notNull(),
  passcodeHash: text("passcode_hash"),
  createdAt: createdAt(),
});

export const familyRelations = pgTable(
  "family_relations",
  {
    citizenId: text("citizen_id").notNull().references(() => citizens.id),
    relativeId: text("relative_id").notNull().references(() => citizens.id),
    relation: text("relation", { enum: ["spouse", "child", "parent"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.citizenId, t.relativeId] })],
);

// ---- Sector registries ----

export const birthNotices = pgTable("birth_notices", {
  certificateNo: text("certificate_no").primaryKey(),
  hospital: text("hospital").notNull(),
  birthDate: date("birth_date").notNull(),
  sex: text("sex", { enum: ["male", "female"] }).notNull(),
  motherId: text("mother_id").notNull().references(() => citizens.id),
  fatherId: text("father_id").references(() => citizens.id),
  weightGrams: integer("weight_grams"),
  receivedAt: createdAt(),
});

export const licences = pgTable(
  "licences",
  {
    id: serial("id").primaryKey(),
    kind: text("kind").notNull(), // medical | tour-guide | veterinary | transport-badge
    number: text("number").notNull(),
    holderId: text("holder_id").notNull().references(() => citizens.id),
    subject: text("subject"), // e.g. the vehicle plate of a transport badge
    issuer: text("issuer").notNull(),
    scope: text("scope"),
    address: text("address"),
    expiresOn: date("expires_on").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex("licences_kind_number_key").on(t.kind, t.number),
    // With the id in the index, the engine's chunk (an id range) is filtered in the index: a chunk
    // fetches only its own due licences, not every due licence of the registry.
    index("licences_kind_expires_id_idx").on(t.kind, t.expiresOn, t.id),
  ],
);

export const socialProtectionList = pgTable(
  "social_protection_list",
  {
    id: serial("id").primaryKey(),
    listName: text("list_name").notNull(), // e.g. poor-households
    year: integer("year").notNull(),
    householdHeadId: text("household_head_id").notNull().references(() => citizens.id),
    // poor | near_poor on the poverty list; the level on the disability register; empty elsewhere.
    category: text("category").notNull(),
    members: integer("members").notNull(),
    commune: text("commune").notNull(),
  },
  (t) => [uniqueIndex("social_list_key").on(t.listName, t.year, t.householdHeadId)],
);

export const schools = pgTable("schools", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  commune: text("commune").notNull(),
  // Street address shown to parents choosing a school; the commune is the school's enrolment zone.
  address: text("address"),
  level: text("level").notNull().default("primary"),
});

// The enrollment plan the Department of Education publishes each year.
export const enrollmentPeriods = pgTable("enrollment_periods", {
  year: integer("year").primaryKey(),
  opensOn: date("opens_on").notNull(),
  closesOn: date("closes_on").notNull(),
});

// Land-use records where the owner filed an intent to build (house-building-support).
export const constructionIntents = pgTable("construction_intents", {
  id: serial("id").primaryKey(),
  ownerId: text("owner_id").notNull().references(() => citizens.id),
  parcel: text("parcel").notNull().unique(),
  address: text("address").notNull(),
  filedOn: date("filed_on").notNull(),
});

// Death notices from health facilities and neighbourhoods: the relative who declared it acts for the family.
export const deathNotices = pgTable("death_notices", {
  certificateNo: text("certificate_no").primaryKey(),
  deceasedId: text("deceased_id").notNull().references(() => citizens.id),
  declarantId: text("declarant_id").notNull().references(() => citizens.id),
  diedOn: date("died_on").notNull(),
  place: text("place").notNull(),
  // What the deceased received, so the funeral allowance and survivor benefits follow ("yes" / "no").
  pensioner: text("pensioner").notNull().default("no"),
  pensionNo: text("pension_no"),
  socialAllowance: text("social_allowance").notNull().default("no"),
  receivedAt: createdAt(),
});

// ---- Service definitions as data (the code catalogue is their seed) ----

// Every version of every service definition: drafted by a department, approved or returned by the centre.
// A live service is its highest approved version; a dossier keeps the version it was prepared under.
export const serviceVersions = pgTable(
  "service_versions",
  {
    code: text("code").notNull(),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["draft", "submitted", "returned", "approved"] }).notNull(),
    agency: text("agency").notNull(),
    proposedBy: text("proposed_by").notNull(),
    // The communes the department asks to switch it on in; approval writes them to service_rollout.
    communes: jsonb("communes").$type<string[]>().notNull().default([]),
    note: text("note"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.code, t.version] })],
);

// Append-only: each step of a service definition (drafted, submitted, approved, returned, rollout changed).
export const serviceEvents = pgTable(
  "service_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    code: text("code").notNull(),
    version: integer("version"),
    action: text("action", { enum: ["drafted", "submitted", "approved", "returned", "switched-on", "switched-off"] }).notNull(),
    actor: text("actor").notNull(),
    note: text("note"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("service_events_code_idx").on(t.code, t.id)],
);

// Where each service is switched on (the pilot ran in 16 communes). A service with no row is on everywhere.
export const serviceRollout = pgTable(
  "service_rollout",
  {
    serviceCode: text("service_code").notNull(),
    commune: text("commune").notNull(),
    enabled: integer("enabled").notNull(),
    changedBy: text("changed_by").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.serviceCode, t.commune] })],
);

// A citizen's opt-in reminder for something coming to their household (the "next 12 months" page).
export const householdReminders = pgTable(
  "household_reminders",
  {
    citizenId: text("citizen_id").notNull().references(() => citizens.id),
    serviceCode: text("service_code").notNull(),
    subjectKey: text("subject_key").notNull(),
    triggerPeriod: text("trigger_period").notNull(),
    // What the rules said when the citizen opted in: the SMS names the prepare day, its dedupe key the due day.
    dueOn: date("due_on").notNull(),
    prepareOn: date("prepare_on").notNull(),
    remindOn: date("remind_on").notNull(),
    // When lib/household/reminders.ts queued its SMS (or found it needless: prepared already, no phone).
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.citizenId, t.serviceCode, t.subjectKey, t.triggerPeriod] }),
    index("household_reminders_due_idx").on(t.remindOn).where(sql`${t.sentAt} IS NULL`),
  ],
);

// ---- Agencies ----

// Keys agencies use to push data (births, list imports); only a SHA-256 of each key is stored.
export const agencyApiKeys = pgTable("agency_api_keys", {
  id: serial("id").primaryKey(),
  agency: text("agency").notNull(),
  label: text("label").notNull(),
  keyHash: text("key_hash").notNull().unique(),
  createdAt: createdAt(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

export const importRuns = pgTable("import_runs", {
  id: serial("id").primaryKey(),
  agency: text("agency").notNull(),
  dataset: text("dataset").notNull(),
  accepted: integer("accepted").notNull(),
  unchanged: integer("unchanged").notNull(),
  rejected: integer("rejected").notNull(),
  report: jsonb("report").$type<{ line: number; reason: string }[]>().notNull(),
  createdAt: createdAt(),
});

// Staff accounts: agency officers, and city operations staff (agency "ioc").
export const officers = pgTable("officers", {
  username: text("username").primaryKey(),
  fullName: text("full_name").notNull(),
  agency: text("agency").notNull(),
  commune: text("commune"),
  // The centre's lead: sees the SLA-at-risk warning and may move a dossier to another centre.
  lead: boolean("lead").notNull().default(false),
  passwordHash: text("password_hash").notNull(),
  // Sessions signed in before this instant are ended (an administrator's "sign out everywhere").
  sessionsNotBefore: timestamp("sessions_not_before", { withTimezone: true }),
});

// ---- Dossiers ----

export const dossierCodeSeq = pgSequence("dossier_code_seq", { startWith: 1 });
// Numbers the One-Stop system and the issuing agencies give: receipts and results (certificates, cards).
export const receiptNoSeq = pgSequence("receipt_no_seq", { startWith: 1 });
export const paymentReceiptSeq = pgSequence("payment_receipt_seq", { startWith: 1 });
export const resultNoSeq = pgSequence("result_no_seq", { startWith: 1 });

export const dossiers = pgTable(
  "dossiers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code")
      .notNull()
      .unique()
      .default(sql`'HS-' || to_char(now() at time zone 'Asia/Ho_Chi_Minh', 'YYYY') || '-' || lpad(nextval('dossier_code_seq')::text, 6, '0')`),
    serviceCode: text("service_code").notNull(),
    // The version of the service definition the dossier was prepared under: later changes do not touch it.
    serviceVersion: integer("service_version").notNull().default(1),
    // No foreign key: the engine takes the owner from the citizen row it reads in the same statement, and
    // citizens are never deleted (refused by the database). The key's row lock wrote to a registry page per dossier.
    ownerId: text("owner_id").notNull(),
    // What the dossier is about (a licence, a household, a child) and the period of its trigger:
    // together with the service they make one dossier per real-world need, enforced by the database.
    subjectKey: text("subject_key").notNull(),
    triggerPeriod: text("trigger_period").notNull(),
    status: text("status").notNull().default("prepared"),
    version: integer("version").notNull().default(1),
    reason: jsonb("reason").$type<Record<string, string>>().notNull(),
    prefilled: jsonb("prefilled").$type<Record<string, unknown>>().notNull(),
    citizenData: jsonb("citizen_data").$type<Record<string, unknown>>().notNull().default({}),
    confirmDeadline: date("confirm_deadline").notNull(),
    // The engine's day when the dossier began waiting for the citizen (prepared, or sent back for more
    // information): reminders compare it with the scan's day, never with the wall clock.
    awaitingSince: date("awaiting_since"),
    legalDeadline: date("legal_deadline"),
    slaDueDate: date("sla_due_date"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: text("submitted_by"),
    receiptNo: text("receipt_no"), // the One-Stop system's own number
    // The one-stop centre (commune) handling the dossier when a lead moved it; null: the owner's commune.
    centreCommune: text("centre_commune"),
    result: jsonb("result").$type<Record<string, string>>(),
    verifyCode: text("verify_code"),
    // A renewal submitted in time: the QR code of the temporary validity proof until the decision.
    provisionalCode: text("provisional_code"),
    // A dossier with two parents: the last day the parent who did not submit may object (see docs/parents.md).
    objectionUntil: date("objection_until"),
    // "Phi địa giới": the commune whose one-stop centre hands over the result, when the citizen chose one.
    collectAt: text("collect_at"),
    resultAt: timestamp("result_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("dossiers_trigger_key").on(t.serviceCode, t.subjectKey, t.triggerPeriod),
    index("dossiers_owner_idx").on(t.ownerId),
    // Unique where set: a prepared dossier has none of them, so it adds no entry to these indexes.
    uniqueIndex("dossiers_receipt_no_key").on(t.receiptNo).where(sql`receipt_no IS NOT NULL`),
    uniqueIndex("dossiers_verify_code_key").on(t.verifyCode).where(sql`verify_code IS NOT NULL`),
    uniqueIndex("dossiers_provisional_code_key").on(t.provisionalCode).where(sql`provisional_code IS NOT NULL`),
  ],
);

export const ratings = pgTable("ratings", {
  dossierId: uuid("dossier_id").primaryKey().references(() => dossiers.id),
  citizenId: text("citizen_id").notNull().references(() => citizens.id),
  score: integer("score").notNull(),
  comment: text("comment"),
  createdAt: createdAt(),
});

// The citizens a dossier belongs to: its owner and, for a child, the other parent. No foreign keys, by
// construction: only the engine writes parties, in the statement that creates the dossier, from the ids
// it just inserted and the citizens it just read; dossiers and citizens are never deleted (lib/engine/scan.test.ts holds it).
export const dossierParties = pgTable(
  "dossier_parties",
  {
    dossierId: uuid("dossier_id").notNull(),
    citizenId: text("citizen_id").notNull(),
    // A co-parent (the other parent of a newborn or pupil) may act on the dossier like its owner.
    role: text("role", { enum: ["owner", "co-parent"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.citizenId] }), index("dossier_parties_citizen_idx").on(t.citizenId)],
);

// status and amended; the other parent's answer to a submission, and the officer settling an objection.
// reported / corrected / correctionRejected: a "Báo sai" on a pre-filled line; collectAt: where the result is handed over.
// reassigned: a centre's lead moved the dossier to another one-stop centre.
// "sms": a step of an SMS conversation that changes no data (a one-time code sent, a wrong code).
export const dossierEventKinds = ["status", "amended", "agreed", "objected", "settled", "paid", "reported", "corrected", "correctionRejected", "collectAt", "sms", "reassigned"] as const;

// Append-only: rows are inserted, never updated.
export const dossierEvents = pgTable(
  "dossier_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dossierId: uuid("dossier_id").notNull().references(() => dossiers.id),
    kind: text("kind", { enum: dossierEventKinds }).notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    actorKind: text("actor_kind", { enum: ["citizen", "officer", "engine", "system"] }).notNull(),
    actorId: text("actor_id"),
    note: text("note"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // Also a column tx (the writing transaction, for sealing; drizzle/*_audit_sealing.sql), left out here:
    // the database sets it and the app's role may not.
  },
  (t) => [index("dossier_events_dossier_idx").on(t.dossierId, t.id)],
);

// The other parent's one answer to a submission (agree, or object with a reason), and how an officer
// settled an objection with both parents. One row per submission event, so two answers cannot race.
export const parentResponses = pgTable("parent_responses", {
  submissionEventId: bigint("submission_event_id", { mode: "number" })
    .primaryKey()
    .references(() => dossierEvents.id),
  dossierId: uuid("dossier_id").notNull().references(() => dossiers.id),
  citizenId: text("citizen_id").notNull().references(() => citizens.id),
  answer: text("answer", { enum: ["agreed", "objected"] }).notNull(),
  reason: text("reason"),
  createdAt: createdAt(),
  settledAt: timestamp("settled_at", { withTimezone: true }),
  settledBy: text("settled_by"),
  settlement: text("settlement"),
});

// "Báo sai": a citizen says a pre-filled line is wrong; the agency that owns its dataset accepts (and
// corrects the registry) or rejects with a reason. At most one open request per dossier and field.
export const correctionRequests = pgTable(
  "correction_requests",
  {
    id: serial("id").primaryKey(),
    dossierId: uuid("dossier_id").notNull().references(() => dossiers.id),
    citizenId: text("citizen_id").notNull().references(() => citizens.id),
    fieldKey: text("field_key").notNull(),
    dataset: text("dataset").notNull(),
    agency: text("agency").notNull(),
    // "wait": the dossier cannot be confirmed until settled; "note": it goes on, the officer sees the note.
    effect: text("effect", { enum: ["wait", "note"] }).notNull(),
    reason: text("reason").notNull(),
    reportedValue: text("reported_value"),
    status: text("status", { enum: ["open", "accepted", "rejected"] }).notNull().default("open"),
    correctedValue: text("corrected_value"),
    answer: text("answer"),
    answeredBy: text("answered_by"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("correction_requests_one_open_key").on(t.dossierId, t.fieldKey).where(sql`status = 'open'`),
    index("correction_requests_agency_idx").on(t.agency, t.status),
  ],
);

// One row per idempotency key: a retried request gets the stored answer instead of acting twice.
export const idempotencyKeys = pgTable("idempotency_keys", {
  key: text("key").primaryKey(),
  citizenId: text("citizen_id").notNull(),
  action: text("action").notNull(),
  requestHash: text("request_hash").notNull(),
  result: jsonb("result").$type<Record<string, unknown>>(),
  createdAt: createdAt(),
});

// ---- Notifications ----

export const smsOutbox = pgTable(
  "sms_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    phone: text("phone").notNull(),
    body: text("body").notNull(),
    dossierId: uuid("dossier_id").references(() => dossiers.id),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    gatewayMessageId: text("gateway_message_id"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("sms_outbox_phone_idx").on(t.phone), index("sms_outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

// Each SMS the gateway delivered to us: its message id makes a redelivery (or a replay) act once.
export const smsInbound = pgTable(
  "sms_inbound",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    gatewayMessageId: text("gateway_message_id").notNull().unique(),
    phone: text("phone").notNull(),
    body: text("body").notNull(),
    dossierId: uuid("dossier_id").references(() => dossiers.id),
    receivedAt: createdAt(),
  },
  (t) => [index("sms_inbound_phone_idx").on(t.phone, t.id)],
);

// A one-time code sent with an SMS summary: confirms that version of the dossier, from that phone.
// Only a hash is stored; a new code for the same party replaces the old one.
export const smsChallenges = pgTable(
  "sms_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dossierId: uuid("dossier_id").notNull().references(() => dossiers.id),
    citizenId: text("citizen_id").notNull().references(() => citizens.id),
    codeHash: text("code_hash").notNull(),
    dossierVersion: integer("dossier_version").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sms_challenges_party_key").on(t.dossierId, t.citizenId)],
);

// Written only by the engine, with the dossier it creates in the same statement: no foreign key (as parties).
export const deepLinks = pgTable("deep_links", {
  code: text("code").primaryKey(),
  dossierId: uuid("dossier_id").notNull().unique(),
  matchCode: text("match_code").notNull(),
  createdAt: createdAt(),
});

// Append-only: which agency read which registry record about a citizen, and why. No foreign keys: a
// record of a read must never block, or be blocked by, the rows it names, and their per-row checks were
// the engine's largest side-row cost (the writers take both ids from rows they just read or wrote).
export const dataAccessLog = pgTable(
  "data_access_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    citizenId: text("citizen_id").notNull(),
    agency: text("agency").notNull(),
    dataset: text("dataset").notNull(),
    purpose: text("purpose").notNull(),
    dossierId: uuid("dossier_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // Also tx, as on dossier_events.
  },
  (t) => [index("data_access_citizen_idx").on(t.citizenId, t.at)],
);

// The audit chains: each seal hashes the rows after the previous seal (drizzle/*_audit_sealing.sql).
// Written only by the database's audit_seal(); last_tx (xid8) is left out: nothing in the app reads it.
export const auditSeals = pgTable(
  "audit_seals",
  {
    tableName: text("table_name").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    lastId: bigint("last_id", { mode: "number" }).notNull(),
    rowCount: integer("row_count").notNull(),
    totalRows: bigint("total_rows", { mode: "number" }).notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    sealedAt: timestamp("sealed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.seq] })],
);

export const engineRuns = pgTable("engine_runs", {
  id: serial("id").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }).notNull(),
  counts: jsonb("counts").$type<Record<string, number>>().notNull(),
});

// ---- Mock VNeID (the OpenID Provider's own state) ----

export const oidcSigningKeys = pgTable("oidc_signing_keys", {
  kid: text("kid").primaryKey(),
  privateJwk: jsonb("private_jwk").$type<Record<string, unknown>>().notNull(),
  publicJwk: jsonb("public_jwk").$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
});

export const oidcAuthCodes = pgTable("oidc_auth_codes", {
  codeHash: text("code_hash").primaryKey(),
  clientId: text("client_id").notNull(),
  subject: text("subject").notNull(),
  redirectUri: text("redirect_uri").notNull(),
  codeChallenge: text("code_challenge").notNull(),
  nonce: text("nonce"),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

// ---- Security ----

// Sessions ended by sign-out: a JWT stays valid until it expires, so its id is refused until then.
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    jti: text("jti").primaryKey(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);

// Fixed-window request counters shared by every app process (e.g. per agency API key and minute).
export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    bucket: text("bucket").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index("rate_limit_windows_start_idx").on(t.windowStart)],
);

// Periodic jobs that must run once per period across every app instance (the engine scan): the first
// instance to move next_run_at forward runs it.
export const jobSchedule = pgTable("job_schedule", {
  name: text("name").primaryKey(),
  nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull(),
  lastRunBy: text("last_run_by"),
});

export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    throttleKey: text("throttle_key").notNull(), // "id:<HMAC of the personal id or staff:username>" or "ip:<address>"
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_failures_key_idx").on(t.throttleKey, t.at)],
);

// ---- Fees ----

// One row per order sent to the payment gateway; only its server-to-server notification marks it paid.
export const payments = pgTable(
  "payments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderRef: text("order_ref").notNull().unique(),
    dossierId: uuid("dossier_id").notNull().references(() => dossiers.id),
    citizenId: text("citizen_id").notNull().references(() => citizens.id),
    amountVnd: integer("amount_vnd").notNull(),
    status: text("status", { enum: ["pending", "paid", "cancelled", "failed", "expired"] }).notNull(),
    gatewayTxnNo: text("gateway_txn_no"),
    receiptNo: text("receipt_no").unique(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
  },
  (t) => [
    index("payments_dossier_idx").on(t.dossierId),
    // At most one open order and one payment per dossier: a fee is never charged twice.
    uniqueIndex("payments_one_pending_key").on(t.dossierId).where(sql`status = 'pending'`),
    uniqueIndex("payments_one_paid_key").on(t.dossierId).where(sql`status = 'paid'`),
  ],
);

// ---- Help at the ward ----

// A one-time code texted to a citizen so a ward officer may act for them (assisted mode). Only an HMAC
// of the code is stored; it lapses after 10 minutes or 3 wrong tries, and once verified it opens a
// short assist session for that officer and that citizen only.
export const assistCodes = pgTable(
  "assist_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    officer: text("officer").notNull(),
    citizenId: text("citizen_id").notNull().references(() => citizens.id),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
  },
  (t) => [index("assist_codes_officer_idx").on(t.officer, t.createdAt)],
);

// A citizen lets a relative act on one dossier or on one service of theirs until ends_at. Rows are
// kept after revocation: the table is the record of who was allowed what, and when.
export const delegations = pgTable(
  "delegations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    grantorId: text("grantor_id").notNull().references(() => citizens.id),
    delegateId: text("delegate_id").notNull().references(() => citizens.id),
    // Exactly one of the two: the dossier, or a service (every dossier of the grantor's for it).
    dossierId: uuid("dossier_id").references(() => dossiers.id),
    serviceCode: text("service_code"),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("delegations_delegate_idx").on(t.delegateId),
    index("delegations_grantor_idx").on(t.grantorId),
    check("delegations_one_scope", sql`(dossier_id IS NULL) <> (service_code IS NULL)`),
  ],
);

// ---- One-Stop system (Một cửa điện tử) ----

// One row per submission to send to the One-Stop system; claimed with leases like sms_outbox. The
// idempotency key travels with every attempt, so a retry after a lost answer never files twice.
export const onestopOutbox = pgTable(
  "onestop_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dossierId: uuid("dossier_id").notNull().references(() => dossiers.id),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    // No database default: written by the app's clock, which the sync compares it with (lib/clock.ts).
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("onestop_outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

// What the One-Stop system knows a dossier by: its record id and the receipt number it assigned.
export const onestopLinks = pgTable(
  "onestop_links",
  {
    dossierId: uuid("dossier_id").primaryKey().references(() => dossiers.id),
    onestopId: text("onestop_id").notNull().unique(),
    receiptNo: text("receipt_no").notNull(),
    linkedAt: createdAt(),
    // The last time we heard from the One-Stop system about it, or asked: reconciliation asks after a quiet spell.
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("onestop_links_checked_idx").on(t.checkedAt)],
);

// Every status the One-Stop system sent back, once (its event id is unique): applied, already ours,
// or a conflict an officer must look at. Nothing here changes a dossier by itself.
export const onestopStatusUpdates = pgTable(
  "onestop_status_updates",
  {
    eventId: text("event_id").primaryKey(),
    dossierId: uuid("dossier_id").notNull().references(() => dossiers.id),
    status: text("status").notNull(),
    outcome: text("outcome", { enum: ["applied", "in_sync", "conflict"] }).notNull(),
    detail: text("detail"),
    receivedAt: createdAt(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: text("resolved_by"),
  },
  (t) => [index("onestop_status_updates_dossier_idx").on(t.dossierId)],
);
