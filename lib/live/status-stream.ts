import type { StatusChange } from "./status-feed";

export interface StatusStreamOptions {
  /** The dossiers (ids) this citizen is a party to: only their changes are sent. */
  dossierIds: ReadonlySet<string>;
  /** When the session ends (ms since epoch): the stream closes then, and the browser's reconnect is judged afresh. */
  endsAt: number;
  now: number;
  subscribe: (subscriber: (change: StatusChange | null) => void) => Promise<() => void>;
  /** Asked before each change is sent: a session signed out elsewhere hears nothing more. */
  stillSignedIn: () => Promise<boolean>;
  /**
   * The dossiers (ids) a relative granted this citizen (lib/dossiers/delegation.ts), and whether every
   * such grant still holds: asked before their changes and at each heartbeat. A revoked or ended grant
   * closes the stream, and the browser's reconnect is judged afresh (the route ends it at the first
   * grant's end too).
   */
  delegated?: { ids: ReadonlySet<string>; stillHeld: () => Promise<boolean> };
  signal: AbortSignal;
  heartbeatMs?: number;
}

const encoder = new TextEncoder();
// The browser waits this long before reconnecting a stream that closed.
const RETRY_MS = 5_000;

/**
 * A server-sent-events body: `status` events with a dossier's code, status and version (what the page
 * shows already), `resync` when changes may have been missed, and a comment every 25 s so proxies keep
 * the connection open.
 */
export function statusEventStream(opts: StatusStreamOptions): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  let closed = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        controller.close();
      };
      send(`retry: ${RETRY_MS}\n\n`);
      const delegated = opts.delegated && opts.delegated.ids.size > 0 ? opts.delegated : undefined;
      // A change to a dossier held only through a grant, or a resync, is sent only while the grants hold.
      const needsGrant = (change: StatusChange | null) => delegated !== undefined && (!change || !opts.dossierIds.has(change.id));
      const allowed = async (change: StatusChange | null) => (await opts.stillSignedIn()) && (!needsGrant(change) || (await delegated!.stillHeld()));
      const unsubscribe = await opts.subscribe((change) => {
        if (change && !opts.dossierIds.has(change.id) && !delegated?.ids.has(change.id)) return;
        void allowed(change).then((ok) => {
          if (!ok) return close();
          if (!change) return send("event: resync\ndata: {}\n\n");
          send(`event: status\ndata: ${JSON.stringify({ code: change.code, status: change.status, version: change.version })}\n\n`);
        }, close);
      });
      const heartbeat = setInterval(() => {
        if (!delegated) return send(": \n\n");
        void delegated.stillHeld().then((ok) => (ok ? send(": \n\n") : close()), close);
      }, opts.heartbeatMs ?? 25_000);
      const expiry = setTimeout(close, Math.max(0, opts.endsAt - opts.now));
      const onAbort = () => close();
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(expiry);
        opts.signal.removeEventListener("abort", onAbort);
      };
      if (opts.signal.aborted) return close();
      opts.signal.addEventListener("abort", onAbort);
    },
    cancel() {
      closed = true;
      cleanup();
    },
  });
}
