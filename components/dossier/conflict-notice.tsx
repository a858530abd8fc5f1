"use client";

import { useEffect, useRef } from "react";
import { formatDateTime } from "@/lib/dates";
import type { LatestChange } from "@/components/pwa/dossier-action";

export interface ConflictText {
  submittedByOther: string;
  amendedByOther: string;
  submittedByYou: string;
  amendedByYou: string;
  someone: string;
  theirAnswers: string;
  nextSubmitted: string;
  nextEditable: string;
  viewLatest: string;
}

/**
 * A stale edit is never dropped in silence: it says who changed the dossier, when, with which answers,
 * and what the citizen can do next. Takes focus, since it replaces the outcome they expected.
 */
export function ConflictNotice({
  latest,
  editable,
  labelOf,
  text,
  onViewLatest,
}: {
  latest?: LatestChange;
  editable: boolean;
  labelOf: (key: string, value: string) => { label: string; value: string } | undefined;
  text: ConflictText;
  onViewLatest: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [latest]);
  const submitted = latest?.status !== undefined && latest.status !== "prepared" && latest.status !== "needs_info";
  const template = latest?.byYou
    ? submitted ? text.submittedByYou : text.amendedByYou
    : submitted ? text.submittedByOther : text.amendedByOther;
  const rows = Object.entries(latest?.values ?? {}).flatMap(([k, v]) => labelOf(k, v) ?? []);
  return (
    <div ref={ref} tabIndex={-1} role="alert" data-conflict className="space-y-3 rounded-lg border-2 border-orange-600 bg-orange-50 p-4">
      {latest && (
        <p className="font-bold">
          {template.replace("{name}", latest.byName ?? text.someone).replace("{time}", formatDateTime(latest.at))}
        </p>
      )}
      {rows.length > 0 && (
        <div>
          <p className="font-semibold">{text.theirAnswers}</p>
          <dl className="mt-1 divide-y divide-orange-200">
            {rows.map((r) => (
              <div key={r.label} className="py-1">
                <dt className="text-sm text-stone-700">{r.label}</dt>
                <dd className="font-semibold">{r.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      <p>{editable ? text.nextEditable : text.nextSubmitted}</p>
      <button type="button" onClick={onViewLatest} className="min-h-12 w-full rounded-lg bg-white px-4 font-semibold text-orange-900 ring-2 ring-orange-700">
        {text.viewLatest}
      </button>
    </div>
  );
}
