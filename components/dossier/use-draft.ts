"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { del, get, set } from "idb-keyval";
import * as clock from "@/lib/clock";
import { draftKey, restorableDraft, storableValues, type Draft } from "@/lib/offline/draft";
import { setUnsent } from "@/components/pwa/unsent-input";
import { FIELD_PREFIX } from "./form-state";

const NOTE = "note";

/** The form's answers by field key (and the reply note), as they are in the page now. */
function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value !== "string") continue;
    if (name.startsWith(FIELD_PREFIX)) values[name.slice(FIELD_PREFIX.length)] = value;
    if (name === NOTE) values[`_${NOTE}`] = value;
  }
  return values;
}

function applyValues(form: HTMLFormElement, values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) {
    const name = key === `_${NOTE}` ? NOTE : `${FIELD_PREFIX}${key}`;
    for (const el of Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`))) {
      if (el instanceof HTMLInputElement && el.type === "radio") el.checked = el.value === value;
      else el.value = value;
    }
  }
}

/**
 * Keeps what the citizen types on this dossier's form in IndexedDB, so a session that times out while
 * they choose a name, a language switch or a closed tab loses nothing. Never an id or a phone number.
 */
export function useDraft(code: string, formRef: React.RefObject<HTMLFormElement | null>) {
  const [restoredAt, setRestoredAt] = useState<number | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const formId = `dossier-${code}`;

  useEffect(() => {
    let cancelled = false;
    void get<Draft>(draftKey(code)).then((stored) => {
      const form = formRef.current;
      if (cancelled || !form) return;
      const draft = restorableDraft(stored, formValues(form), clock.now().getTime());
      if (!draft) return;
      applyValues(form, draft.values);
      setUnsent(formId, true);
      setRestoredAt(draft.savedAt);
      // Put the citizen back where they were typing, not at the top of the page.
      const field = draft.focus && form.querySelector<HTMLElement>(`[name="${CSS.escape(draft.focus)}"]`);
      if (field) {
        field.focus({ preventScroll: true });
        field.scrollIntoView({ block: "center" });
      }
    });
    return () => {
      cancelled = true;
      setUnsent(formId, false);
    };
  }, [code, formRef, formId]);

  /** On any input: marked unsent at once, written to the device shortly after. */
  const onInput = useCallback(
    (event: React.FormEvent<HTMLFormElement>) => {
      const form = event.currentTarget;
      const target = event.target as HTMLInputElement;
      if (!target.name?.startsWith(FIELD_PREFIX) && target.name !== NOTE) return;
      setUnsent(formId, true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const draft: Draft = { values: storableValues(formValues(form)), focus: target.name, savedAt: clock.now().getTime() };
        void set(draftKey(code), draft);
      }, 250);
    },
    [code, formId],
  );

  /** After the server has the answers (sent, or saved as an amend): nothing is left to keep. */
  const clear = useCallback(() => {
    clearTimeout(timer.current);
    setUnsent(formId, false);
    setRestoredAt(undefined);
    void del(draftKey(code));
  }, [code, formId]);

  return { onInput, clear, restoredAt };
}
