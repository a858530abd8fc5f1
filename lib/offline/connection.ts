/** What the Network Information API says of the link (Chromium only; absent elsewhere). */
export interface ConnectionInfo {
  saveData?: boolean;
  effectiveType?: string;
}

// 3G's effective round trip (~400 ms) already makes a speculative page fetch cost more than it saves.
const SLOW = new Set(["slow-2g", "2g", "3g"]);

/** Route prefetch only on a fast link and never when the citizen asked the phone to save data. */
export function prefetchAllowed(connection: ConnectionInfo | undefined): boolean {
  if (!connection) return true;
  return !connection.saveData && !SLOW.has(connection.effectiveType ?? "");
}
