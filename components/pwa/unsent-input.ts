"use client";

/**
 * Which forms on this page hold input not yet sent. The leave warning and the "update available" reload
 * read it, so neither throws away what the citizen typed.
 */
const dirty = new Set<string>();
const listeners = new Set<() => void>();

export function setUnsent(formId: string, unsent: boolean) {
  const had = dirty.has(formId);
  if (unsent) dirty.add(formId);
  else dirty.delete(formId);
  if (had !== unsent) for (const l of listeners) l();
}

export function hasUnsentInput(): boolean {
  return dirty.size > 0;
}

export function onUnsentChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
