"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { FIELD_PREFIX, type DossierFormState } from "./form-state";
import { useOfflineQueue } from "@/components/pwa/use-offline-queue";

export interface FieldView {
  key: string;
  kind: "personName" | "text" | "number" | "choice";
  label: string;
  hint?: string;
  required: boolean;
  options?: { value: string; label: string }[];
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
  const errors = state.status === "invalid" ? state.fieldErrors : offlineErrors;
  const queue = useOfflineQueue(props.dossierCode);

  // Offline, the form is queued (persisted, replayed exactly once) instead of calling the server action.
  function queueWhenOffline(event: React.FormEvent<HTMLFormElement>) {
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
    <form action={formAction} onSubmit={queueWhenOffline} noValidate className="space-y-6">
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
        {fields.map((field) => {
          const error = errorText(field.key);
          const hintId = field.hint ? `${field.key}-hint` : undefined;
          const describedBy = [hintId, error ? errorId(field.key) : undefined].filter(Boolean).join(" ") || undefined;
          const legend = (
            <>
              {field.label} <span className="text-sm font-normal text-stone-600">({field.required ? text.required : text.optional})</span>
            </>
          );
          if (field.kind === "choice") {
            return (
              <fieldset key={field.key} id={`field-${field.key}`} aria-describedby={describedBy} className={error ? "border-l-4 border-red-700 pl-3" : undefined}>
                <legend className="font-semibold">{legend}</legend>
                {field.hint && <p id={hintId} className="text-sm text-stone-600">{field.hint}</p>}
                {error && <p id={errorId(field.key)} className="font-semibold text-red-700">{error}</p>}
                <div className="mt-2 space-y-2">
                  {field.options?.map((option) => (
                    <label key={option.value} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg bg-white px-3 py-2 ring-1 ring-stone-300 has-[:checked]:ring-2 has-[:checked]:ring-brand">
                      <input
                        type="radio"
                        name={`${FIELD_PREFIX}${field.key}`}
                        value={option.value}
                        defaultChecked={values[field.key] === option.value}
                        className="h-5 w-5 accent-brand"
                      />
                      <span>{option.label}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          }
          return (
            <div key={field.key} className={error ? "border-l-4 border-red-700 pl-3" : undefined}>
              <label htmlFor={`field-${field.key}`} className="block font-semibold">
                {legend}
              </label>
              {field.hint && <p id={hintId} className="text-sm text-stone-600">{field.hint}</p>}
              {error && <p id={errorId(field.key)} className="font-semibold text-red-700">{error}</p>}
              <input
                id={`field-${field.key}`}
                name={`${FIELD_PREFIX}${field.key}`}
                type="text"
                inputMode={field.kind === "number" ? "numeric" : undefined}
                autoCapitalize={field.kind === "personName" ? "words" : undefined}
                autoComplete="off"
                defaultValue={values[field.key] ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                className="mt-1 block min-h-12 w-full rounded-lg border-2 border-stone-400 bg-white px-3 text-lg focus:border-blue-700"
              />
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
        <Buttons text={text} />
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
