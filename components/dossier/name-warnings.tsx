"use client";

import { nameWarnings, type NameWarning } from "@/lib/services/name-check";

export interface NameCheck {
  fatherSurname?: string;
  motherSurname?: string;
}

/** Soft warnings under the child's name while it is typed: the parent may keep the name as it is. */
export function NameWarnings({ id, name, check, text }: { id: string; name: string; check: NameCheck; text: Record<NameWarning, string> }) {
  const warnings = nameWarnings(name, check);
  return (
    <div id={id} aria-live="polite">
      {warnings.length > 0 && (
        <ul className="mt-2 space-y-1 rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3" data-name-warnings>
          {warnings.map((w) => (
            <li key={w}>⚠ {text[w]}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
