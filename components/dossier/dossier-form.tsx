"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { FIELD_PREFIX, type DossierFormState } from "./form-state";
import { useOfflineQueue } from "@/components/pwa/use-offline-queue";
import { isApplicable, isRequiredNow, missingRequired, type RequiredWhen } from "@/lib/services/required-when";
import { nameWarnings, type NameWarning } from "@/lib/services/name-check";
import { NameWarnings, type NameCheck } from "./name-warnings";
import { ReviewPanel, type ReviewRow, type ReviewText } from "./review-panel";

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
  nameWarnings: Record<NameWarning, string>;
  review: ReviewText;
  queue: { pending: string; pendingHelp: string; sent: string; refused: string; failed: string };
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
  const [state, formAction] = useActionState(props.action, { status: "idle" });
  const summaryRef = useRef<HTMLDivElement>(null);
  const values = ("values" in state && state.values) || props.initial;
  const [offlineErrors, setOfflineErrors] = useState<Record<string, string>>({});
  const errors = Object.keys(offlineErrors).length > 0 ? offlineErrors : state.status === "invalid" ? state.fieldErrors : {};
  const queue = useOfflineQueue(props.dossierCode);
  const formRef = useRef<HTMLFormElement>(null);
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
    const clientErrors: Record<string, string> = Object.fromEntries(missingRequired(fields, answers).map((k) => [k, "required"]));
    if (new FormData(form).get("consent") !== "yes") clientErrors.consent = "consentRequired";
    setOfflineErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) {
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

  // Offline, the form is queued (persisted, replayed exactly once) instead of calling the server action.
  function queueWhenOffline(event: React.FormEvent<HTMLFormElement>) {
    if (reviewBeforeConfirm(event)) return;
    if (navigator.onLine) return;
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const kind = submitter?.value === "amend" ? "amend" : "confirm";
    const form = new FormData(event.currentTarget);
    if (kind === "confirm" && form.get("consent") !== "yes") {
      setOfflineErrors({ consent: "consentRequired" });
      return;
    }
    setOfflineErrors({});
    const input: Record<string, string> = {};
    for (const [name, value] of form.entries()) {
      if (name.startsWith(FIELD_PREFIX) && typeof value === "string") input[name.slice(FIELD_PREFIX.length)] = value;
    }
    queue.enqueue({
      kind,
      version: props.version,
      idempotencyKey: props.idempotencyKey,
      input,
      consent: form.get("consent") === "yes",
      note: typeof form.get("note") === "string" ? String(form.get("note")) : undefined,
    });
  }

  useEffect(() => {
    if (state.status === "invalid" || state.status === "failed" || Object.keys(offlineErrors).length > 0) summaryRef.current?.focus();
  }, [state, offlineErrors]);

  const errorId = (key: string) => `${key}-error`;
  const errorText = (key: string) => {
    const code = errors[key];
    return code ? (text.errors[code] ?? text.errors.generic) : undefined;
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={queueWhenOffline}
      onChange={(e) => setCurrent(answersOf(e.currentTarget))}
      noValidate
      className="space-y-6"
    >
      <input type="hidden" name="dossierCode" value={props.dossierCode} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />

      {queue.state === "pending" && (
        <div role="status" className="rounded-lg border-2 border-amber-600 bg-amber-50 p-4" data-queue="pending">
          <p className="font-bold">⏳ {text.queue.pending}</p>
          <p className="text-sm">{text.queue.pendingHelp}</p>
        </div>
      )}
      {queue.state === "sent" && <p role="status" className="rounded-lg border-2 border-emerald-600 bg-emerald-50 p-4 font-medium">{text.queue.sent}</p>}
      {(queue.state === "refused" || queue.state === "failed") && (
        <p role="alert" className="rounded-lg border-2 border-orange-600 bg-orange-50 p-4 font-medium">
          {queue.state === "refused" ? text.queue.refused : text.queue.failed}
        </p>
      )}
      {Object.keys(errors).length > 0 && (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-4">
          <h2 className="font-bold text-red-800">{text.errorSummary}</h2>
          <ul className="mt-2 list-disc pl-5">
            {Object.keys(errors).map((key) => (
              <li key={key}>
                <a href={`#${key === "consent" ? "consent" : `field-${key}`}`} className="text-red-800 underline">
                  {errorText(key)}
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
      {state.status === "saved" && (
        <p role="status" className="rounded-lg border-2 border-emerald-600 bg-emerald-50 p-4 font-medium">
          {text.saved}
        </p>
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
          <Buttons text={text} />
        )}
      </section>
    </form>
  );
}

function Buttons({ text }: { text: DossierFormText }) {
  const { pending } = useFormStatus();
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
