"use client";

import { useEffect, useRef } from "react";

export interface ReviewRow {
  key: string;
  label: string;
  value: string;
  warnings: string[];
}

export interface ReviewText {
  title: string;
  lead: string;
  send: string;
  edit: string;
  empty: string;
}

/**
 * "Kiểm tra lại": what will be submitted, in large print, before it is sent; a name is permanent, so
 * its warnings are repeated here and the parent either sends as it is or goes back to edit.
 */
export function ReviewPanel({ rows, text, onSend, onEdit }: { rows: ReviewRow[]; text: ReviewText; onSend: () => void; onEdit: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="review-title" className="space-y-4 rounded-xl border-2 border-blue-800 bg-blue-50 p-4" data-review>
      <h2 id="review-title" ref={headingRef} tabIndex={-1} className="text-2xl font-bold">
        {text.title}
      </h2>
      <p className="text-lg">{text.lead}</p>
      <dl className="divide-y divide-blue-200 rounded-lg bg-white">
        {rows.map((r) => (
          <div key={r.key} className="px-4 py-3">
            <dt className="text-base text-stone-700">{r.label}</dt>
            <dd className="text-2xl font-bold break-words" data-review-field={r.key}>{r.value || text.empty}</dd>
            {r.warnings.map((w) => (
              <dd key={w} className="mt-1 text-base font-semibold text-amber-900">⚠ {w}</dd>
            ))}
          </div>
        ))}
      </dl>
      <div className="space-y-3">
        <button type="button" onClick={onSend} className="flex min-h-14 w-full items-center justify-center rounded-lg bg-brand px-4 text-lg font-bold text-white hover:bg-brand-dark">
          {text.send}
        </button>
        <button type="button" onClick={onEdit} className="flex min-h-12 w-full items-center justify-center rounded-lg bg-white px-4 font-semibold text-brand ring-2 ring-brand">
          {text.edit}
        </button>
      </div>
    </section>
  );
}
