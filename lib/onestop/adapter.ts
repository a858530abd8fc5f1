/** What we send the One-Stop software (Một cửa điện tử) when a citizen submits a dossier. */
export interface OneStopSubmission {
  /** The same on every attempt for one submission: the One-Stop system files it once. */
  idempotencyKey: string;
  dossierCode: string;
  serviceCode: string;
  /** The one-stop centre: the agency's counter in this commune. */
  agency: string;
  commune: string;
  applicantId: string;
  applicantName: string;
  submittedAt: string;
  slaDueDate: string | null;
}

export type SubmitResult =
  | { ok: true; onestopId: string; receiptNo: string }
  // permanent: the One-Stop system refused the submission itself, so sending it again cannot help.
  | { ok: false; permanent: boolean; error: string };

/** What the One-Stop system holds for one record now: its latest status change, if any. */
export type StatusLookup =
  | { ok: true; latest: { eventId: string; status: OneStopStatus; officer?: string; note?: string } | null }
  | { ok: false; error: string };

/** The One-Stop system as this app sees it; the HTTP adapter is the only production one. */
export interface OneStopAdapter {
  name: string;
  submit(submission: OneStopSubmission): Promise<SubmitResult>;
  /**
   * A resubmission after a request for more information: an update of the record the first submission
   * opened (same id, same receipt), filed once per idempotency key like a submission.
   */
  supplement(onestopId: string, submission: OneStopSubmission): Promise<SubmitResult>;
  /** Asks for a record's current status: how a status whose callback was lost still arrives. */
  status(onestopId: string): Promise<StatusLookup>;
}

/** The statuses the One-Stop system reports back, in our lifecycle's words. */
export const onestopStatuses = ["received", "processing", "needs_info", "approved", "rejected"] as const;
export type OneStopStatus = (typeof onestopStatuses)[number];
