/**
 * The dossiers with an action still queued in the persisted TanStack state (the stored string, read
 * before TanStack itself is loaded): a page loads its queue at once only when one of these is on it.
 */
export function queuedDossierCodes(persisted: string | null | undefined): string[] {
  if (!persisted) return [];
  try {
    const value = JSON.parse(persisted) as { clientState?: { mutations?: { mutationKey?: unknown[] }[] } };
    const codes = (value.clientState?.mutations ?? []).flatMap(({ mutationKey }) =>
      Array.isArray(mutationKey) && mutationKey[0] === "dossier-action" && typeof mutationKey[1] === "string" ? [mutationKey[1]] : [],
    );
    return [...new Set(codes)];
  } catch {
    return [];
  }
}
