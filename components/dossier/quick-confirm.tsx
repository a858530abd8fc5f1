"use client";

import { useActionState } from "react";
import type { DossierFormState } from "./form-state";
import { busy, enqueue, prepareSender, useOutbox } from "@/components/pwa/outbox";

export interface QuickConfirmText {
  open: string;
  consent: string;
  confirm: string;
  sending: string;
  pending: string;
  signIn: string;
  refused: string;
  unsaved: string;
}

type Action = (state: DossierFormState, form: FormData) => Promise<DossierFormState>;

/**
 * Confirm from the home card in two taps when nothing is missing: open the short summary with the consent,
 * then Xác nhận. Written to the phone's outbox before it is shown as waiting, like the dossier form's.
 */
export function QuickConfirm(props: {
  code: string;
  version: number;
  idempotencyKey: string;
  action: Action;
  rows: { label: string; value: string }[];
  text: QuickConfirmText;
}) {
  const { text, code } = props;
  const [, formAction] = useActionState(props.action, { status: "idle" });
  const queue = useOutbox(code);
  const waiting = busy(queue.state) || queue.state === "sent";
  return (
    <div className="col-span-2 space-y-2">
      <details className="group" onToggle={(event) => event.currentTarget.open && prepareSender()}>
        <summary className="flex min-h-12 cursor-pointer list-none items-center justify-center rounded-lg bg-brand px-4 font-semibold text-white hover:bg-brand-dark group-open:rounded-b-none [&::-webkit-details-marker]:hidden">
          {text.open}
        </summary>
        <form
          action={formAction}
          onSubmit={(event) => {
            event.preventDefault();
            if (!waiting) void enqueue({ code, kind: "confirm", version: props.version, idempotencyKey: props.idempotencyKey, input: {}, consent: true });
          }}
          className="space-y-3 rounded-b-lg bg-stone-50 p-3 ring-1 ring-stone-200"
        >
          <input type="hidden" name="dossierCode" value={code} />
          <input type="hidden" name="version" value={props.version} />
          <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
          <input type="hidden" name="consent" value="yes" />
          <input type="hidden" name="intent" value="confirm" />
          <dl className="divide-y divide-stone-200">
            {props.rows.map((r) => (
              <div key={r.label} className="py-2">
                <dt className="text-sm text-stone-600">{r.label}</dt>
                <dd className="font-semibold">{r.value}</dd>
              </div>
            ))}
          </dl>
          <p className="text-sm">{text.consent}</p>
          <button type="submit" disabled={waiting} className="flex min-h-12 w-full items-center justify-center rounded-lg bg-brand px-4 text-lg font-bold text-white disabled:opacity-70">
            {queue.state === "sending" || queue.state === "saving" ? text.sending : text.confirm}
          </button>
        </form>
      </details>
      {queue.state === "queued" && <p role="status" data-queue="pending" className="font-semibold text-amber-800">⏳ {text.pending}</p>}
      {queue.state === "sign-in" && (
        <p role="alert">
          <a href={`/login?callbackUrl=${encodeURIComponent(`/dossiers/${code}`)}`} className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline">{text.signIn}</a>
        </p>
      )}
      {queue.state === "unsaved" && <p role="alert" className="font-semibold text-orange-800">{text.unsaved}</p>}
      {queue.state === "refused" && (
        <p role="alert" className="font-semibold text-orange-800">
          <a href={`/dossiers/${code}`} className="inline-flex min-h-11 items-center underline">{text.refused}</a>
        </p>
      )}
    </div>
  );
}
