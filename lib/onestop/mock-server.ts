import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { onestopStatuses, type OneStopStatus } from "./adapter";
import { backoffMs } from "../sms/dispatcher";
import * as clock from "../clock";

/**
 * A stand-in for the One-Stop software (Một cửa điện tử) with its own HTTP API, for the demo and the
 * browser tests: it files submissions once per Idempotency-Key, each new one as a new record with its
 * own receipt (as a real One-Stop does), takes resubmissions as updates of a record, and calls our status
 * endpoint back for each status its clerk sets, retrying until we answer, and tells a record's latest
 * status to whoever asks (GET /api/dossiers/{id}). State lives in memory.
 */
interface MockRecord {
  id: string;
  dossierCode: string;
  serviceCode: string;
  commune: string;
  receiptNo: string;
  /** How many times the citizen sent it: the first submission, then each resubmission (supplement). */
  submissions: number;
  statuses: { eventId: string; status: OneStopStatus; note?: string; delivered: boolean }[];
}

const submission = z.object({ dossierCode: z.string().min(1).max(40), serviceCode: z.string().min(1).max(80), commune: z.string().min(1).max(120) });
// `lose`: the callback is dropped on the way, as a network might; only the status lookup finds it then.
const statusForm = z.object({ status: z.enum(onestopStatuses), note: z.string().max(1000).optional(), lose: z.literal(true).optional() });

export interface MockOneStop {
  server: Server;
  records: Map<string, MockRecord>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error("too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function createMockOneStop(opts: { apiKey: string; callbackUrl: string; callbackKey: string }): MockOneStop {
  const records = new Map<string, MockRecord>();
  const answered = new Map<string, { status: number; body: unknown }>();
  let receiptSeq = 0;
  // How many submissions to refuse with 503 next: the demo's and tests' way to show retries.
  let failNext = 0;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  };

  async function deliver(record: MockRecord, event: MockRecord["statuses"][number], note: string | undefined, attempt = 1): Promise<void> {
    try {
      const response = await fetch(opts.callbackUrl, {
        method: "POST",
        headers: { Authorization: `Bearer ${opts.callbackKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ eventId: event.eventId, onestopId: record.id, dossierCode: record.dossierCode, status: event.status, officer: "mot-cua", note }),
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) {
        event.delivered = true;
        return;
      }
      if (response.status < 500 && response.status !== 409 && response.status !== 429) return;
    } catch {
      // Our app is down or slow: keep the status and try again.
    }
    if (attempt < 10) setTimeout(() => void deliver(record, event, note, attempt + 1), Math.min(backoffMs(attempt) / 10, 60_000)).unref();
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://mock");
    if (req.method === "GET" && url.pathname === "/") {
      const rows = [...records.values()].map(
        (r) => `<li><b>${escapeHtml(r.receiptNo)}</b> — ${escapeHtml(r.dossierCode)} (${escapeHtml(r.serviceCode)}, ${escapeHtml(r.commune)}): ${
          r.statuses.map((s) => escapeHtml(s.status)).join(" → ") || "mới tiếp nhận"
        }<form method="post" action="/records/${r.id}/status">${onestopStatuses
          .map((s) => `<button name="status" value="${s}">${s}</button>`)
          .join(" ")}</form></li>`,
      );
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(
        `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Một cửa điện tử (mô phỏng)</title><h1>Một cửa điện tử — mô phỏng</h1><ul>${rows.join("") || "<li>Chưa có hồ sơ</li>"}</ul>`,
      );
      return;
    }
    const supplementPath = /^\/api\/dossiers\/([0-9a-f-]{36})\/supplement$/.exec(url.pathname);
    if (req.method === "POST" && (url.pathname === "/api/dossiers" || supplementPath)) {
      if (req.headers.authorization !== `Bearer ${opts.apiKey}`) return send(res, 401, { error: "unauthorized" });
      const key = req.headers["idempotency-key"];
      if (typeof key !== "string" || key.length === 0 || key.length > 200) return send(res, 400, { error: "Idempotency-Key required" });
      const seen = answered.get(key);
      if (seen) return send(res, seen.status, seen.body);
      if (failNext > 0) {
        failNext -= 1;
        return send(res, 503, { error: "busy" });
      }
      const parsed = submission.safeParse(JSON.parse((await readBody(req)) || "null"));
      if (!parsed.success) return send(res, 400, { error: "invalid" });
      let record: MockRecord | undefined;
      if (supplementPath) {
        // A resubmission updates the record it names; one for another dossier is refused.
        record = records.get(supplementPath[1]!);
        if (!record || record.dossierCode !== parsed.data.dossierCode) return send(res, 404, { error: "not found" });
      } else {
        // Like a real One-Stop system, a new submission (a new key) is a new record, whatever its dossier code.
        const today = clock.today();
        record = {
          id: randomUUID(),
          ...parsed.data,
          receiptNo: `000.00.48.H17-${today.slice(2, 4)}${today.slice(5, 7)}${today.slice(8, 10)}-${String(500_000 + ++receiptSeq).padStart(6, "0")}`,
          submissions: 0,
          statuses: [],
        };
        records.set(record.id, record);
      }
      record.submissions += 1;
      const body = { id: record.id, receiptNo: record.receiptNo };
      answered.set(key, { status: supplementPath ? 200 : 201, body });
      return send(res, supplementPath ? 200 : 201, body);
    }
    const lookupPath = /^\/api\/dossiers\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (req.method === "GET" && lookupPath) {
      if (req.headers.authorization !== `Bearer ${opts.apiKey}`) return send(res, 401, { error: "unauthorized" });
      const record = records.get(lookupPath[1]!);
      if (!record) return send(res, 404, { error: "not found" });
      const last = record.statuses.at(-1);
      return send(res, 200, { id: record.id, receiptNo: record.receiptNo, latest: last ? { eventId: last.eventId, status: last.status, officer: "mot-cua", note: last.note } : null });
    }
    const statusPath = /^\/records\/([0-9a-f-]{36})\/status$/.exec(url.pathname);
    if (req.method === "POST" && statusPath) {
      const record = records.get(statusPath[1]!);
      if (!record) return send(res, 404, { error: "not found" });
      const raw = await readBody(req);
      const form = (req.headers["content-type"] ?? "").includes("json") ? JSON.parse(raw || "null") : Object.fromEntries(new URLSearchParams(raw));
      const parsed = statusForm.safeParse(form);
      if (!parsed.success) return send(res, 400, { error: "invalid" });
      const event = { eventId: randomUUID(), status: parsed.data.status, note: parsed.data.note, delivered: false };
      record.statuses.push(event);
      if (!parsed.data.lose) await deliver(record, event, parsed.data.note);
      if ((req.headers["content-type"] ?? "").includes("json")) return send(res, 200, { eventId: event.eventId, delivered: event.delivered });
      res.writeHead(303, { Location: "/" }).end();
      return;
    }
    if (req.method === "GET" && url.pathname === "/api/records") return send(res, 200, [...records.values()]);
    if (req.method === "POST" && url.pathname === "/api/fail-next") {
      failNext = z.coerce.number().int().min(0).max(100).catch(1).parse(url.searchParams.get("count"));
      return send(res, 200, { failNext });
    }
    send(res, 404, { error: "not found" });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 400, { error: "bad request" }));
  });
  return { server, records, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
