"use client";

import { lazy, Suspense, useActionState, useCallback, useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { FIELD_PREFIX, type DossierFormState } from "./form-state";
import { busy, enqueue, prepareSender, useOutbox, type OutboxState } from "@/components/pwa/outbox";
import { setUnsent } from "@/components/pwa/unsent-input";
import { useLeaveGuard } from "@/components/pwa/use-leave-guard";
import { del } from "idb-keyval";
import { draftKey } from "@/lib/offline/draft";
import { formatTime } from "@/lib/dates";
import { useDraft } from "./use-draft";
import type { ConflictText } from "./conflict-notice";
import { isApplicable, isRequiredNow, missingRequired, type RequiredWhen } from "@/lib/services/required-when";
import { nameWarnings, type NameWarning } from "@/lib/services/name-check";
import { NameWarnings, type NameCheck } from "./name-warnings";
import { ReviewPanel, type ReviewRow, type ReviewText } from "./review-panel";

// Only ever shown after the server's answer, so it loads then rather than with the page.
const ConflictNotice = lazy(() => import("./conflict-notice").then((m) => ({ default: m.ConflictNotice })));

export interface FieldView {
  key: string;
  kind: "personName" | "text" | "number" | "choice";
  label: string;
  hint?: string;
  required: boolean;
  requiredWhen?: RequiredWhen;
  options?: { value: string; label: string; detail?: string }[];
  inputMode?: "numeric";
  nameCheck?: NameCheck;
  // A heading shown before the field (the household members' "still lives here?" questions).
  group?: { title: string; hint?: string };
}

export interface DossierFormText {
  yourPart: string;
  yourPartLead: string;
  required: string;
  optional: string;
  consent: string;
  confirm: string;
  save: string;
  sending: string;
  saved: string;
  errorSummary: string;
  /** "{field}: {message}", so that an error in the summary names its field. */
  fieldError: string;
  chooseOne: string;
  draftRestored: string;
  leaveWarning: string;
  nameWarnings: Record<NameWarning, string>;
  review: ReviewText;
  queue: { pending: string; pendingHelp: string; sent: string; signInTitle: string; signInBody: string; signIn: string; notSaved: string };
  conflict: ConflictText;
  messages: Record<string, string>;
  errors: Record<string, string>;
}

type Action = (state: DossierFormState, form: FormData) => Promise<DossierFormState>;

export function DossierForm(props: {
  action: Action;
  dossierCode: string;
  version: number;
  idempotencyKey: string;
  fields: FieldView[];
  initial: Record<string, string>;
  text: DossierFormText;
  reply?: { label: string; hint: string };
}) {
  const { text, fields } = props;
  // The server action is the no-script path; with script, every send goes through the phone's outbox.
  const [state, formAction] = useActionState(props.action, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const values = ("values" in state && state.values) || props.initial;
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const draft = useDraft(props.dossierCode, formRef);
  const { clear: clearDraft } = draft;
  const onSent = useCallback(() => clearDraft(), [clearDraft]);
  const queue = useOutbox(props.dossierCode, onSent);
  const refusal = queue.refusal;
  const errors = state.status === "invalid" ? state.fieldErrors : refusal?.error === "invalid" ? { ...refusal.fieldErrors, ...clientErrors } : clientErrors;
  const conflict = refusal && (refusal.error === "conflict" || refusal.error === "not_editable") ? refusal : undefined;
  useLeaveGuard(text.leaveWarning);
  // The answers as they stand, so a choice can show the fields it makes required (requiredWhen).
  const [current, setCurrent] = useState<Record<string, string>>(values);
  const [review, setReview] = useState<ReviewRow[] | null>(null);
  const reviewed = useRef(false);
  const shown = fields.filter((f) => isApplicable(f, current, fields));

  function answersOf(form: HTMLFormElement): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of new FormData(form).entries()) {
      if (name.startsWith(FIELD_PREFIX) && typeof value === "string") out[name.slice(FIELD_PREFIX.length)] = value;
    }
    return out;
  }

  // Before a confirm is sent: the same required rules as the server, then the large-print review.
  function reviewBeforeConfirm(event: React.FormEvent<HTMLFormElement>): boolean {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === "amend" || reviewed.current) return false;
    const form = event.currentTarget;
    const answers = answersOf(form);
    const missing: Record<string, string> = Object.fromEntries(missingRequired(fields, answers).map((k) => [k, "required"]));
    if (new FormData(form).get("consent") !== "yes") missing.consent = "consentRequired";
    setClientErrors(missing);
    if (Object.keys(missing).length > 0) {
      event.preventDefault();
      return true;
    }
    // A permanent answer (the child's name) is shown back in large print before it is sent.
    if (!fields.some((f) => f.nameCheck)) return false;
    event.preventDefault();
    setReview(
      fields
        .filter((f) => isApplicable(f, answers, fields) && (answers[f.key] ?? "") !== "")
        .map((f) => ({
          key: f.key,
          label: f.label,
          value: f.options?.find((o) => o.value === answers[f.key])?.label ?? answers[f.key] ?? "",
          warnings: f.nameCheck ? nameWarnings(answers[f.key] ?? "", f.nameCheck).map((w) => text.nameWarnings[w]) : [],
        })),
    );
    return true;
  }

  function sendReviewed() {
    reviewed.current = true;
    setReview(null);
    formRef.current?.requestSubmit();
    reviewed.current = false;
  }

  function send(event: React.FormEvent<HTMLFormElement>) {
    if (reviewBeforeConfirm(event)) return;
    event.preventDefault();
    if (busy(queue.state)) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const kind = submitter?.value === "amend" ? "amend" : "confirm";
    const form = new FormData(event.currentTarget);
    if (kind === "confirm" && form.get("consent") !== "yes") {
      setClientErrors({ consent: "consentRequired" });
      return;
    }
    setClientErrors({});
    const input: Record<string, string> = {};
    for (const [name, value] of form.entries()) {
      if (name.startsWith(FIELD_PREFIX) && typeof value === "string") input[name.slice(FIELD_PREFIX.length)] = value;
    }
    // Once written to the device, leaving the page no longer loses it, so no warning is needed.
    void enqueue({
      code: props.dossierCode,
      kind,
      version: props.version,
      idempotencyKey: props.idempotencyKey,
      input,
      consent: form.get("consent") === "yes",
      note: typeof form.get("note") === "string" ? String(form.get("note")) : undefined,
    });
  }

  // Arriving from the home card's "Đặt tên cho bé": the first unanswered question gets the cursor.
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id.startsWith("field-")) return;
    const target = document.getElementById(id);
    const input = target instanceof HTMLInputElement ? target : target?.querySelector<HTMLInputElement>("input");
    input?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: "center" });
  }, []);

  const errorCount = Object.keys(errors).length;
  useEffect(() => {
    if (state.status === "invalid" || state.status === "failed" || errorCount > 0) summaryRef.current?.focus();
  }, [state, errorCount, refusal]);
  // Where the eye is: a new outcome next to the buttons takes focus (and so scrolls into view).
  useEffect(() => {
    if (queue.state !== "idle" && queue.state !== "saving" && queue.state !== "unsaved") setUnsent(`dossier-${props.dossierCode}`, false);
    if (queue.state !== "idle" && queue.state !== "sending" && queue.state !== "saving") statusRef.current?.focus();
  }, [queue.state, props.dossierCode]);

  const errorId = (key: string) => `${key}-error`;
  const fieldOf = (key: string) => fields.find((f) => f.key === key);
  const errorText = (key: string) => {
    const code = errors[key];
    if (!code) return undefined;
    // An unanswered choice asks for a choice, not for "information".
    if (code === "required" && fieldOf(key)?.kind === "choice") return text.chooseOne;
    return text.errors[code] ?? text.errors.generic;
  };
  const summaryText = (key: string) => {
    const field = fieldOf(key);
    return field ? text.fieldError.replace("{field}", field.label).replace("{message}", errorText(key) ?? "") : errorText(key);
  };
  const labelOf = (key: string, value: string) => {
    const field = fieldOf(key);
    return field && { label: field.label, value: field.options?.find((o) => o.value === value)?.label ?? value };
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={send}
      onInput={draft.onInput}
      onFocus={prepareSender}
      onChange={(e) => setCurrent(answersOf(e.currentTarget))}
      noValidate
      className="space-y-6"
    >
      <input type="hidden" name="dossierCode" value={props.dossierCode} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />

      {draft.restoredAt !== undefined && (
        <p role="status" className="rounded-lg border-2 border-sky-700 bg-sky-50 p-4 font-medium">
          {text.draftRestored.replace("{time}", formatTime(new Date(draft.restoredAt)))}
        </p>
      )}
      {Object.keys(errors).length > 0 && (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-4">
          <h2 className="font-bold text-red-800">{text.errorSummary}</h2>
          <ul className="mt-2 list-disc pl-5">
            {Object.keys(errors).map((key) => (
              <li key={key}>
                <a href={`#${key === "consent" ? "consent" : `field-${key}`}`} className="text-red-800 underline">
                  {summaryText(key)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.status === "failed" && (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-lg border-2 border-orange-600 bg-orange-50 p-4 font-medium">
          {text.messages[state.message]}
        </div>
      )}

      <section id="sua-thong-tin" aria-labelledby="your-part" className="scroll-mt-4 space-y-5">
        <div>
          <h2 id="your-part" className="text-xl font-bold">{text.yourPart}</h2>
          <p className="text-stone-700">{text.yourPartLead}</p>
        </div>
        {shown.map((field) => {
          const error = errorText(field.key);
          const required = isRequiredNow(field, current, fields);
          const hintId = field.hint ? `${field.key}-hint` : undefined;
          const describedBy = [hintId, error ? errorId(field.key) : undefined].filter(Boolean).join(" ") || undefined;
          const legend = (
            <>
              {field.label} <span className="text-sm font-normal text-stone-600">({required ? text.required : text.optional})</span>
            </>
          );
          const group = field.group && (
            <div className="pt-2">
              <h3 className="text-lg font-bold">{field.group.title}</h3>
              {field.group.hint && <p className="text-sm text-stone-600">{field.group.hint}</p>}
            </div>
          );
          if (field.kind === "choice") {
            return (
              <div key={field.key} className="space-y-2">
              {group}
              <fieldset id={`field-${field.key}`} aria-describedby={describedBy} className={error ? "border-l-4 border-red-700 pl-3" : undefined}>
                <legend className="font-semibold">{legend}</legend>
                {field.hint && <p id={hintId} className="text-sm text-stone-600">{field.hint}</p>}
                {error && <p id={errorId(field.key)} className="font-semibold text-red-700">{error}</p>}
                <div className="mt-2 space-y-2">
                  {field.options?.map((option) => (
                    <label key={option.value} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg bg-white px-3 py-2 ring-1 ring-stone-300 has-[:checked]:bg-blue-50 has-[:checked]:ring-2 has-[:checked]:ring-blue-800">
                      <input
                        type="radio"
                        name={`${FIELD_PREFIX}${field.key}`}
                        value={option.value}
                        defaultChecked={values[field.key] === option.value}
                        className="h-5 w-5 accent-brand"
                      />
                      <span>
                        {option.label}
                        {option.detail && <span className="block text-sm text-stone-700">{option.detail}</span>}
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
              </div>
            );
          }
          return (
            <div key={field.key} className="space-y-2">
            {group}
            <div className={error ? "border-l-4 border-red-700 pl-3" : undefined}>
              <label htmlFor={`field-${field.key}`} className="block font-semibold">
                {legend}
              </label>
              {field.hint && <p id={hintId} className="text-sm text-stone-600">{field.hint}</p>}
              {error && <p id={errorId(field.key)} className="font-semibold text-red-700">{error}</p>}
              <input
                id={`field-${field.key}`}
                name={`${FIELD_PREFIX}${field.key}`}
                type="text"
                inputMode={field.kind === "number" ? "numeric" : field.inputMode}
                autoCapitalize={field.kind === "personName" ? "words" : undefined}
                autoComplete="off"
                defaultValue={values[field.key] ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={[describedBy, field.nameCheck ? `${field.key}-warnings` : undefined].filter(Boolean).join(" ") || undefined}
                className="mt-1 block min-h-12 w-full rounded-lg border-2 border-stone-400 bg-white px-3 text-lg focus:border-blue-700"
              />
              {field.nameCheck && (
                <NameWarnings id={`${field.key}-warnings`} name={current[field.key] ?? ""} check={field.nameCheck} text={text.nameWarnings} />
              )}
            </div>
            </div>
          );
        })}
      </section>

      {props.reply && (
        <div>
          <label htmlFor="reply" className="block font-semibold">{props.reply.label}</label>
          <p id="reply-hint" className="text-sm text-stone-600">{props.reply.hint}</p>
          <textarea id="reply" name="note" rows={3} maxLength={1000} aria-describedby="reply-hint" className="mt-1 block w-full rounded-lg border-2 border-stone-400 bg-white p-3 text-lg" />
        </div>
      )}

      <section id="xac-nhan" className="scroll-mt-4 space-y-4">
        <div className={errors.consent ? "border-l-4 border-red-700 pl-3" : undefined}>
          {errors.consent && <p id="consent-error" className="font-semibold text-red-700">{errorText("consent")}</p>}
          <label className="flex cursor-pointer items-start gap-3 rounded-lg bg-white p-3 ring-1 ring-stone-300">
            <input
              id="consent"
              type="checkbox"
              name="consent"
              value="yes"
              aria-describedby={errors.consent ? "consent-error" : undefined}
              className="mt-1 h-6 w-6 shrink-0 accent-brand"
            />
            <span>{text.consent}</span>
          </label>
        </div>
        {review ? (
          <ReviewPanel
            rows={review}
            text={text.review}
            onSend={sendReviewed}
            onEdit={() => {
              setReview(null);
              document.getElementById("sua-thong-tin")?.scrollIntoView();
            }}
          />
        ) : (
          <>
            {conflict && (
              <Suspense fallback={null}>
                <ConflictNotice
                  latest={conflict.latest}
                  editable={conflict.error === "conflict"}
                  labelOf={labelOf}
                  text={text.conflict}
                  onViewLatest={() => {
                    // What she typed stays as a draft where she can still edit; a submitted dossier has no form left.
                    if (conflict.error === "not_editable") void del(draftKey(props.dossierCode)).then(() => location.reload());
                    else location.reload();
                  }}
                />
              </Suspense>
            )}
            <QueueStatus state={queue.state} saved={state.status === "saved" || (queue.state === "sent" && queue.kind === "amend")} statusRef={statusRef} text={text} code={props.dossierCode} />
            <Buttons text={text} sending={queue.state === "sending" || queue.state === "saving"} />
          </>
        )}
      </section>
    </form>
  );
}

function QueueStatus({
  state,
  saved,
  statusRef,
  text,
  code,
}: {
  state: OutboxState;
  saved: boolean;
  statusRef: React.RefObject<HTMLDivElement | null>;
  text: DossierFormText;
  code: string;
}) {
  const box = "rounded-lg border-2 p-4 focus:outline-3 focus:outline-offset-2 focus:outline-blue-700";
  if (state === "queued") {
    return (
      <div ref={statusRef} tabIndex={-1} role="status" className={`${box} border-amber-600 bg-amber-50`} data-queue="pending">
        <p className="font-bold">⏳ {text.queue.pending}</p>
        <p className="text-sm">{text.queue.pendingHelp}</p>
      </div>
    );
  }
  if (state === "sign-in") {
    return (
      <div ref={statusRef} tabIndex={-1} role="alert" className={`${box} border-amber-600 bg-amber-50`} data-queue="sign-in">
        <p className="font-bold">🔒 {text.queue.signInTitle}</p>
        <p className="text-sm">{text.queue.signInBody}</p>
        <a href={`/login?callbackUrl=${encodeURIComponent(`/dossiers/${code}`)}`} className="mt-3 flex min-h-12 items-center justify-center rounded-lg bg-brand px-4 font-bold text-white">
          {text.queue.signIn}
        </a>
      </div>
    );
  }
  if (state === "unsaved") {
    return (
      <div ref={statusRef} tabIndex={-1} role="alert" className={`${box} border-orange-600 bg-orange-50 font-medium`}>
        {text.queue.notSaved}
      </div>
    );
  }
  if (state === "sent" || saved) {
    return (
      <div ref={statusRef} tabIndex={-1} role="status" className={`${box} border-emerald-600 bg-emerald-50 font-medium`}>
        ✓ {saved ? text.saved : text.queue.sent}
      </div>
    );
  }
  return null;
}

function Buttons({ text, sending }: { text: DossierFormText; sending: boolean }) {
  const pending = useFormStatus().pending || sending;
  return (
    <div className="space-y-3">
      <button
        type="submit"
        name="intent"
        value="confirm"
        disabled={pending}
        className="flex min-h-14 w-full items-center justify-center rounded-lg bg-brand px-4 text-lg font-bold text-white hover:bg-brand-dark disabled:opacity-70"
      >
        {pending ? text.sending : text.confirm}
      </button>
      <button
        type="submit"
        name="intent"
        value="amend"
        disabled={pending}
        className="flex min-h-12 w-full items-center justify-center rounded-lg bg-white px-4 font-semibold text-brand ring-2 ring-brand disabled:opacity-70"
      >
        {text.save}
      </button>
    </div>
  );
}
