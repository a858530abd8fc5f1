import { randomBytes } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";

/**
 * The caller's address for throttling. With `hops` trusted reverse proxies in front, the address is
 * the entry `hops` places back from the socket's peer in X-Forwarded-For; with 0, the peer itself.
 * Anything further left in the header is the client's own say-so.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map((h) => h.trim()).filter(Boolean);
  const chain = [...listed, peer ?? "unknown"];
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}

/** Set by the server hook on every request it sees, over anything a client sent in its place. */
export const CLIENT_ADDRESS_HEADER = "x-chu-dong-client-address";

// A per-process stamp, so a header a client sent itself (before the hook was installed) is not believed.
// On globalThis: instrumentation and the routes are bundled apart but share one process.
const shared = globalThis as unknown as { chuDongClientStamp?: string };
const stamp = (shared.chuDongClientStamp ??= randomBytes(16).toString("hex"));

/** Writes the resolved address into the request, replacing whatever the client sent under that name. */
export function stampClientAddress(req: Pick<IncomingMessage, "headers" | "socket">, hops: number): void {
  req.headers[CLIENT_ADDRESS_HEADER] = `${stamp} ${resolveClientAddress(req.socket?.remoteAddress, req.headers["x-forwarded-for"], hops)}`;
}

/**
 * Next.js hands routes no socket, and keeps a client's own X-Forwarded-For as it is; so every HTTP
 * server in this process stamps the address from the socket before Next sees the request.
 */
export function installClientAddressHook(httpServer: { prototype: Server }, hops: number): void {
  const proto = httpServer.prototype as Server & { chuDongHooked?: boolean };
  if (proto.chuDongHooked) return;
  const emit = proto.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampClientAddress(args[0] as IncomingMessage, hops);
    return emit.call(this, event, ...args);
  } as Server["emit"];
  proto.chuDongHooked = true;
}

/** The address the server hook resolved; "unknown" (one shared bucket) when the stamp is missing or forged. */
export function clientIp(headers: Headers): string {
  const value = headers.get(CLIENT_ADDRESS_HEADER) ?? "";
  const space = value.indexOf(" ");
  return space > 0 && value.slice(0, space) === stamp ? value.slice(space + 1) : "unknown";
}
