import { pendingDecisionStatuses, statusSchema } from "./status";

export interface ProvisionalProof {
  code: string;
  licenceNumber: unknown;
  expiredOn: string;
  dossierCode: string;
}

interface RenewalDossier {
  code: string;
  status: string;
  provisionalCode: string | null;
  prefilled: Record<string, unknown>;
}

/**
 * A renewal confirmed in time whose decision is still pending after the old licence expired: its holder
 * may keep practising on this proof until the decision. Every submitted renewal was confirmed by its
 * deadline, which is never after the expiry, so being pending is enough.
 */
export function provisionalProof(dossier: RenewalDossier, today: string): ProvisionalProof | undefined {
  const expiredOn = typeof dossier.prefilled.expiresOn === "string" ? dossier.prefilled.expiresOn : undefined;
  if (!dossier.provisionalCode || !expiredOn || today <= expiredOn) return undefined;
  if (!pendingDecisionStatuses.includes(statusSchema.parse(dossier.status))) return undefined;
  return { code: dossier.provisionalCode, licenceNumber: dossier.prefilled.licenceNumber, expiredOn, dossierCode: dossier.code };
}
