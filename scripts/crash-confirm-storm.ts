/**
 * npm run test:crash — crash safety of confirm (issue 6): `next start` on PostgreSQL, a storm of
 * confirms (each sent several times with its idempotency key), `kill -9` mid-storm, restart, and then
 * every dossier must be either `prepared` with no submit event or `submitted` with exactly one — never
 * in between. Replaying the storm after the restart must then submit every dossier exactly once. The
 * audit trail is sealed and held against a signed checkpoint taken before the storm and after each
 * phase: no sealed row may be lost, and rows not sealed yet are counted.
 *
 * Options (env): CRASH_PEOPLE (default 150), CRASH_REPEATS (3), CRASH_KILL_AFTER (responses before the
 * kill, default a third of the storm), CRASH_PORT (3971), BUILD=1 to rebuild first.
 */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase } from "../lib/db/client";
import { chainHeads, sealAuditTrail } from "../lib/security/audit-trail";
import { signCheckpoint, type SignedCheckpoint } from "../lib/security/audit-checkpoint";
import { verifyWithCheckpoints } from "../lib/security/audit-verify";
import { dropPostgres, ensureBuild, freshPostgres, leakedLines, mintSessionCookie, seedPopulation, signInOverHttp, startServer } from "../lib/security/http-harness";

const PEOPLE = Number(process.env.CRASH_PEOPLE ?? 150);
const REPEATS = Number(process.env.CRASH_REPEATS ?? 3);
const PORT = Number(process.env.CRASH_PORT ?? 3971);
const DB_NAME = "chudong_crash";
const origin = `http://localhost:${PORT}`;

ensureBuild(process.env.BUILD === "1");
const url = await freshPostgres(DB_NAME);
const failures: string[] = [];
const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const checkpoints: SignedCheckpoint[] = [];
/** Seals what is committed, holds the chains against every checkpoint so far, then signs a new one. */
async function auditCheck(db: Parameters<typeof sealAuditTrail>[0], phase: string): Promise<string> {
  await sealAuditTrail(db);
  const verdict = await verifyWithCheckpoints(db, checkpoints, publicKey);
  for (const c of verdict.chains) if (!c.ok) failures.push(`${phase}: audit chain ${c.table} broken at seal ${c.broken!.seal}: ${c.broken!.detail}`);
  checkpoints.push(signCheckpoint(await chainHeads(db), privateKey));
  const chains = verdict.chains.map((c) => `${c.table} ${c.head.rows} sealed, ${c.unsealed} unsealed`).join("; ");
  return `audit chains ${verdict.ok ? "intact" : "BROKEN"} against ${verdict.checkpoints} signed checkpoints (${chains})`;
}
try {
  const { dossiers } = await seedPopulation(url, { people: PEOPLE, licencesEach: 1, origin });
  console.log(`seeded ${dossiers.length} prepared dossiers for ${PEOPLE} synthetic citizens on PostgreSQL`);
  const seeded = await openDatabase({ url });
  console.log(`before the storm: ${await auditCheck(seeded.db, "before the storm")}`);
  await seeded.close();

  let server = await startServer({ port: PORT, databaseUrl: url });
  const logs = [...server.logs];
  // The first citizen signs in for real (it must work against this server); the rest get minted cookies.
  const cookies = new Map<string, string>();
  for (const [i, d] of dossiers.entries()) cookies.set(d.owner, i === 0 ? await signInOverHttp(origin, d.owner) : await mintSessionCookie(origin, d.owner));

  const requests = dossiers.map((d) => ({
    d,
    body: JSON.stringify({ kind: "confirm", version: d.version, idempotencyKey: randomUUID(), input: { delivery: "digital" }, consent: true }),
  }));
  const fire = (r: (typeof requests)[number]) =>
    fetch(`${origin}/api/v1/dossiers/${r.d.code}/actions`, {
      method: "POST",
      headers: { origin, cookie: cookies.get(r.d.owner)!, "content-type": "application/json" },
      body: r.body,
    })
      .then(async (res) => ({ status: res.status, body: await res.text().catch(() => "") }))
      .catch(() => ({ status: 0, body: "" }));

  // The storm: every confirm REPEATS times, shuffled, all in flight at once; kill -9 after a third answered.
  const storm = requests.flatMap((r) => Array.from({ length: REPEATS }, () => r)).sort(() => Math.random() - 0.5);
  const killAfter = Number(process.env.CRASH_KILL_AFTER ?? Math.floor(storm.length / 3));
  let answered = 0;
  let killed = false;
  const results = await Promise.all(
    storm.map((r) =>
      fire(r).then((res) => {
        answered++;
        if (!killed && answered >= killAfter) {
          killed = true;
          server.process.kill("SIGKILL");
        }
        return res;
      }),
    ),
  );
  logs.push(...server.logs);
  const okBeforeKill = results.filter((r) => r.status === 200).length;
  const cut = results.filter((r) => r.status === 0).length;
  const serverErrors = results.filter((r) => r.status >= 500).length;
  console.log(`storm: ${storm.length} requests, ${okBeforeKill} answered 200, ${cut} cut off by kill -9, ${serverErrors} answered 5xx`);
  if (!killed) failures.push("the server was not killed mid-storm (the storm ended first)");

  const check = async (phase: string, expectAllSubmitted: boolean) => {
    const database = await openDatabase({ url });
    const rows = (await database.db.execute(sql`
      SELECT d.code, d.status, d.version, d.submitted_at IS NOT NULL AS has_submitted_at,
             (SELECT count(*)::int FROM dossier_events e WHERE e.dossier_id = d.id AND e.to_status = 'submitted') AS submits,
             (SELECT count(*)::int FROM idempotency_keys k WHERE k.citizen_id = d.owner_id AND k.result IS NULL) AS open_keys
      FROM dossiers d WHERE d.service_code = 'medical-licence-renewal' AND d.owner_id LIKE '048070%'`)) as unknown as {
      rows: { code: string; status: string; version: number; has_submitted_at: boolean; submits: number; open_keys: number }[];
    };
    const counts = { prepared: 0, submitted: 0, broken: 0 };
    for (const r of rows.rows) {
      const prepared = r.status === "prepared" && r.submits === 0 && r.version === 1 && !r.has_submitted_at;
      const submitted = r.status === "submitted" && r.submits === 1 && r.version === 2 && r.has_submitted_at;
      if (prepared) counts.prepared++;
      else if (submitted) counts.submitted++;
      else {
        counts.broken++;
        failures.push(`${phase}: ${r.code} is ${r.status} v${r.version} with ${r.submits} submit events`);
      }
      if (r.open_keys > 0) failures.push(`${phase}: ${r.code} has an idempotency key claimed without a result`);
    }
    if (expectAllSubmitted && counts.prepared > 0) failures.push(`${phase}: ${counts.prepared} dossiers still prepared after the replay`);
    const audit = await auditCheck(database.db, phase);
    await database.close();
    console.log(`${phase}: ${counts.submitted} submitted (one event each), ${counts.prepared} prepared (none), ${counts.broken} in between; ${audit}`);
  };

  await check("after kill -9", false);

  // Restart on the same database and replay everything, as the PWA's queue would after a crash.
  server = await startServer({ port: PORT, databaseUrl: url });
  const replay = await Promise.all(requests.map(fire));
  logs.push(...server.logs);
  const statuses = replay.reduce<Record<number, number>>((acc, r) => ((acc[r.status] = (acc[r.status] ?? 0) + 1), acc), {});
  console.log(`replay after restart: ${JSON.stringify(statuses)}`);
  if (replay.some((r) => r.status !== 200)) failures.push(`replay: not every confirm answered 200 (${JSON.stringify(statuses)})`);
  await server.stop();
  await check("after restart and replay", true);

  const leaks = leakedLines(logs);
  if (leaks.length > 0) failures.push(`server logs carry personal ids or phone numbers: ${leaks.slice(0, 3).join(" | ")}`);
  else console.log(`server logs: ${logs.join("").split("\n").length} lines, no personal id or phone number`);
} finally {
  await dropPostgres(DB_NAME).catch(() => {});
}

if (failures.length > 0) {
  console.log(`CRASH TEST FAILED\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("CRASH TEST OK: every dossier is prepared with no submit event or submitted with exactly one");
process.exit(0);
