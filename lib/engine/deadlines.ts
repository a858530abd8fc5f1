import { addDays } from "../dates";
import { subtractWorkingDays } from "../calendar/working-days";

/** Working days kept between the agency's SLA and the expiry, for a request sent back for more information. */
export const RENEWAL_BUFFER_WORKING_DAYS = 2;
/** A licence found too close to expiry still gives its holder these days to confirm (never past the expiry). */
export const MIN_DAYS_TO_CONFIRM = 3;

/**
 * The confirmation deadline of a renewal: confirmed by then, the agency has its whole SLA (and a small
 * buffer) before the old licence expires. A late decision is covered by the temporary validity proof.
 */
export function renewalConfirmDeadline(expiresOn: string, slaWorkingDays: number, today: string): string {
  const ideal = subtractWorkingDays(expiresOn, slaWorkingDays + RENEWAL_BUFFER_WORKING_DAYS);
  const floor = [addDays(today, MIN_DAYS_TO_CONFIRM), expiresOn].sort()[0]!;
  return ideal > floor ? ideal : floor;
}

/** The deadline for every expiry date a window of `daysBefore` days from `today` can hold. */
export function renewalDeadlines(today: string, daysBefore: number, slaWorkingDays: number): [expiresOn: string, deadline: string][] {
  return Array.from({ length: daysBefore + 1 }, (_, i) => {
    const expiresOn = addDays(today, i);
    return [expiresOn, renewalConfirmDeadline(expiresOn, slaWorkingDays, today)];
  });
}
