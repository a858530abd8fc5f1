import pg from "pg";
import { log } from "../log";

export type Unlisten = () => Promise<void>;

/**
 * LISTEN on PostgreSQL over a connection of its own (a pooled one would be handed to others). When it
 * drops, it reconnects with backoff and calls `onGap`: notifications sent meanwhile were lost.
 */
export function listenPostgres(url: string, channel: string, onMessage: (payload: string) => void, onGap: () => void): Unlisten {
  let client: pg.Client | undefined;
  let stopped = false;
  let failures = 0;
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    client = c;
    c.on("notification", (n) => {
      if (n.channel === channel && n.payload) onMessage(n.payload);
    });
    c.on("error", () => retry(c));
    c.on("end", () => retry(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (failures > 0) onGap();
      failures = 0;
    } catch (error) {
      log.warn({ err: error, channel }, "LISTEN failed; retrying");
      retry(c);
    }
  };
  const retry = (c: pg.Client) => {
    if (stopped || client !== c) return;
    client = undefined;
    c.end().catch(() => {});
    failures++;
    setTimeout(connect, Math.min(30_000, 500 * 2 ** failures)).unref();
  };
  void connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}
