/**
 * The caller's address for throttling. The last X-Forwarded-For hop is the one our own proxy appended
 * (Next sets it to the socket address when none came); earlier hops are whatever the client sent.
 */
export function clientIp(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  return hops.at(-1) ?? headers.get("x-real-ip")?.trim() ?? "unknown";
}
