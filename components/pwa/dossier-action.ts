/** A confirm or amend as it is queued offline and replayed: everything the server needs, nothing build-specific. */
export interface DossierActionVariables {
  code: string;
  kind: "confirm" | "amend";
  version: number;
  idempotencyKey: string;
  input: Record<string, string>;
  consent?: boolean;
  note?: string;
}

export type DossierActionAnswer = { ok: true; status: string; version: number } | { ok: false; error: string };

export const DOSSIER_ACTION = ["dossier-action"] as const;

export class DossierActionRefused extends Error {
  constructor(readonly answer: DossierActionAnswer) {
    super("refused");
  }
}

export async function sendDossierAction({ code, ...body }: DossierActionVariables): Promise<DossierActionAnswer> {
  const response = await fetch(`/api/v1/dossiers/${encodeURIComponent(code)}/actions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({ ok: false, error: "generic" }))) as DossierActionAnswer;
  // A refusal (conflict, invalid…) is final and must be shown; only network and server failures are retried.
  if (response.status >= 500) throw new Error(`server ${response.status}`);
  if (!answer.ok) throw new DossierActionRefused(answer);
  return answer;
}
