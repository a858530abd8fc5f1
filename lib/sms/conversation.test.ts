import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { demoPersonas, seedDemoWorld } from "../gov/demo-world";
import { correctionRequests, deepLinks, dossierEvents, dossiers, smsChallenges, smsInbound, smsOutbox } from "../db/schema";
import { scan } from "../engine/scan";
import { performCitizenAction } from "../dossiers/citizen-actions";
import { getService } from "../services/catalogue";
import { installStoredVersions } from "../services/overlay";
import { answerReply, renderAnswer, type ConversationContext } from "./conversation";
import { receiveSms } from "./inbound";
import { isGsm7 } from "./gsm7";
import { SMS_SUMMARY_MAX_LENGTH } from "./templates";

const TODAY = "2026-11-23";
const NOW = new Date("2026-11-23T03:00:00Z");
const AN = "0905000001";
const BINH = "0905000002";
const CUC = "0905000003";
const DUNG = "0905000004";
const HAI = "0905000007";
const STRANGER = "0909999999";
const MATCH = { "birth-registration": "4821", "medical-licence-renewal": "5930", "transport-badge-renewal": "7714", "veterinary-cert-renewal": "6042" } as const;

describe.each(await testDatabaseKinds())("answering SMS replies on $name", ({ open }) => {
  let t: TestDatabase;
  const ctx = (minutes = 0): ConversationContext => ({
    origin: "https://dichvucong.danang.gov.vn",
    secret: "test-inbound-secret-0123456789",
    now: new Date(NOW.getTime() + minutes * 60_000),
    today: TODAY,
  });
  const reply = async (phone: string, text: string, minutes = 0) => {
    const answer = await answerReply(t.db, phone, text, ctx(minutes));
    return answer && { key: answer.key, text: renderAnswer(answer) };
  };
  const dossierOf = async (service: keyof typeof MATCH) => (await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, service)))[0]!;
  const eventsOf = async (id: string) => t.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, id)).orderBy(dossierEvents.id);
  const submissions = async (id: string) =>
    (await eventsOf(id)).filter((e) => e.kind === "status" && e.toStatus === "submitted");
  const otpIn = (text: string) => /Ma xac nhan (\d{6})/.exec(text)?.[1];

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: "http://localhost:3000" });
    // Fixed match codes (the engine draws them at random) so each dossier is named exactly.
    for (const [service, match] of Object.entries(MATCH)) {
      const d = await dossierOf(service as keyof typeof MATCH);
      await t.db.update(deepLinks).set({ matchCode: match }).where(eq(deepLinks.dossierId, d.id));
    }
  });
  afterAll(async () => t?.close());

  it("answers a number that is no party with the same neutral words, and nonsense from it not at all; nothing changes", async () => {
    const before = await dossierOf("birth-registration");
    const events = (await eventsOf(before.id)).length;
    const neutral = await reply(STRANGER, "TEN 4821 Nguyễn Minh Khang");
    expect(neutral?.key).toBe("noDossier");
    // Cúc is a party to her own dossier only: An's match code finds nothing for her, in the same words.
    expect(await reply(CUC, "TEN 4821 Nguyễn Minh Khang")).toEqual(neutral);
    expect(await reply(CUC, "XN 4821")).toEqual(neutral);
    expect(await reply(CUC, "KHONG 4821")).toEqual(neutral);
    expect(neutral!.text).not.toMatch(/4821|HS-|http/);
    for (const text of ["hello", "HD", "TEN", "x".repeat(2000)]) expect(await reply(STRANGER, text), text).toBeNull();
    expect(await dossierOf("birth-registration")).toEqual(before);
    expect(await eventsOf(before.id)).toHaveLength(events);
    expect(await t.db.select().from(smsChallenges)).toEqual([]);
  });

  it("answers a party's bad input clearly and changes nothing", async () => {
    const before = await dossierOf("birth-registration");
    const events = (await eventsOf(before.id)).length;
    expect((await reply(AN, "Xin chao"))?.key).toBe("unknown");
    expect((await reply(AN, "HD"))?.key).toBe("help");
    expect((await reply(AN, "TEN 1234 Nguyễn Minh Khang"))?.key).toBe("noDossier");
    expect((await reply(AN, "TEN Nguyễn Minh Khang"))?.key).toBe("noDossier");
    expect((await reply(AN, "TEN 4821"))?.key).toBe("nameMissing");
    expect((await reply(AN, "TEN 4821 Khang123 Nguyễn"))?.key).toBe("nameInvalid");
    expect((await reply(AN, "XN 4821 12345"))?.key).toBe("codeMalformed");
    // A birth cannot be declined: by SMS no more than on the web.
    expect((await reply(AN, "KHONG 4821"))?.key).toBe("notDeclinable");
    expect((await reply(AN, `TEN 4821 ${"Nguyễn ".repeat(100)}`))?.key).toBe("tooLong");
    // No name yet: the summary cannot be sent, the parent is asked for it.
    expect((await reply(AN, "XN 4821"))?.key).toBe("nameMissing");
    expect((await reply(AN, "XN 4821 123456"))?.key).toBe("codeDead");
    expect(await dossierOf("birth-registration")).toEqual(before);
    expect(await eventsOf(before.id)).toHaveLength(events);
  });

  it("does not guess marks into a name without them: it asks for them, saves nothing, and records the step", async () => {
    const before = await dossierOf("birth-registration");
    const answer = await reply(AN, "TEN 4821 Nguyen Minh Khang");
    expect(answer?.key).toBe("nameNoAccents");
    expect(answer!.text).toContain("https://dichvucong.danang.gov.vn/s/");
    expect((await dossierOf("birth-registration")).citizenData).toEqual(before.citizenData);
    expect((await eventsOf(before.id)).at(-1)).toMatchObject({ kind: "sms", actorId: demoPersonas.an, data: { channel: "SMS", step: "nameNoAccents" } });
  });

  it("names the baby (any case, NFD, a zero-width space) and answers with the whole summary and a code in two GSM-7 segments", async () => {
    const answer = await reply(AN, "ten 4821 nguyễn minh\u200b khang".normalize("NFD"));
    expect(answer?.key).toBe("summary");
    expect(answer!.text).toContain("NGUYEN MINH KHANG; Theo que quan cua cha; Ngay sinh: 20/11/2026; Gioi tinh: Nam");
    expect(answer!.text).toContain("Ho ten me: Tran Thi Binh; Ho ten cha: Nguyen Van An");
    expect(answer!.text).toMatch(/Ma xac nhan \d{6} \(10 phut\)\. Soan XN 4821 \d{6} de dong y va nop/);
    expect(isGsm7(answer!.text)).toBe(true);
    expect(answer!.text.length).toBeGreaterThan(160);
    expect(answer!.text.length).toBeLessThanOrEqual(SMS_SUMMARY_MAX_LENGTH);
    const birth = await dossierOf("birth-registration");
    expect(birth.citizenData.childName).toBe("Nguyễn Minh Khang");
    expect(birth.status).toBe("prepared");
    const events = await eventsOf(birth.id);
    expect(events.at(-2)).toMatchObject({ kind: "amended", actorId: demoPersonas.an, data: { channel: "SMS", changed: { childName: { from: null, to: "Nguyễn Minh Khang" } } } });
    expect(events.at(-1)).toMatchObject({ kind: "sms", data: { channel: "SMS", step: "codeSent" } });
    // Only a keyed hash of the code is stored.
    const [challenge] = await t.db.select().from(smsChallenges).where(eq(smsChallenges.dossierId, birth.id));
    expect(challenge!.codeHash).not.toContain(otpIn(answer!.text)!);
  });

  it("counts wrong codes: 3 tries, then not even the right code; the dossier stays unsent", async () => {
    const summary = await reply(AN, "XN 4821");
    const code = otpIn(summary!.text)!;
    const wrong = code === "000000" ? "000001" : "000000";
    expect(await reply(AN, `XN 4821 ${wrong}`)).toMatchObject({ key: "codeWrong", text: expect.stringContaining("con 2 lan") });
    expect(await reply(AN, `XN 4821 ${wrong}`)).toMatchObject({ key: "codeWrong", text: expect.stringContaining("con 1 lan") });
    expect((await reply(AN, `XN 4821 ${wrong}`))?.key).toBe("codeDead");
    expect((await reply(AN, `XN 4821 ${code}`))?.key).toBe("codeDead");
    const birth = await dossierOf("birth-registration");
    expect(birth.status).toBe("prepared");
    expect((await eventsOf(birth.id)).filter((e) => e.kind === "sms" && e.data?.step === "codeWrong")).toHaveLength(3);
  });

  it("lets a code expire after 10 minutes", async () => {
    const code = otpIn((await reply(AN, "XN 4821"))!.text)!;
    expect((await reply(AN, `XN 4821 ${code}`, 10))?.key).toBe("codeDead");
    expect((await dossierOf("birth-registration")).status).toBe("prepared");
  });

  it("confirms through the web's own confirm with channel SMS, once: a repeated XN submits nothing more", async () => {
    const code = otpIn((await reply(AN, "XN 4821 "))!.text)!;
    const confirmed = await reply(AN, `XN 4821 ${code.slice(0, 3)} ${code.slice(3)}`, 1);
    expect(confirmed?.key).toBe("confirmed");
    const birth = await dossierOf("birth-registration");
    expect(birth.status).toBe("submitted");
    expect(birth.submittedBy).toBe(demoPersonas.an);
    expect(birth.citizenData).toMatchObject({ childName: "Nguyễn Minh Khang", hometown: "father", delivery: "post" });
    const [submitted] = await submissions(birth.id);
    expect(submitted).toMatchObject({ actorKind: "citizen", actorId: demoPersonas.an, data: { channel: "SMS" } });
    // The other parent is told, as after a web confirm.
    const toBinh = await t.db.select().from(smsOutbox).where(and(eq(smsOutbox.phone, BINH), like(smsOutbox.dedupeKey, "event:%")));
    expect(toBinh.map((m) => m.body).join()).toContain("ten be la Nguyen Minh Khang");
    expect((await reply(AN, `XN 4821 ${code}`, 2))?.key).toBe("alreadySubmitted");
    expect((await reply(AN, "XN 4821", 2))?.key).toBe("alreadySubmitted");
    expect((await reply(AN, "TEN 4821 Nguyễn Minh Khôi", 2))?.key).toBe("alreadySubmitted");
    expect(await submissions(birth.id)).toHaveLength(1);
    expect((await dossierOf("birth-registration")).citizenData.childName).toBe("Nguyễn Minh Khang");
  });

  it("confirms a renewal with XN then the code; a web confirm at the same moment makes exactly one submission", async () => {
    const before = await dossierOf("medical-licence-renewal");
    expect((await reply(CUC, "TEN 5930 Lê Thị Cúc"))?.key).toBe("notNameable");
    const summary = await reply(CUC, "xn 5930");
    expect(summary?.key).toBe("summary");
    expect(summary!.text).toContain("Gia han giay phep hanh nghe y");
    const code = otpIn(summary!.text)!;
    const [web, sms] = await Promise.all([
      performCitizenAction(t.db, demoPersonas.cuc, "confirm", { dossierCode: before.code, version: before.version, idempotencyKey: randomUUID(), input: {}, consent: true }),
      reply(CUC, `XN 5930 ${code}`),
    ]);
    expect(await submissions(before.id)).toHaveLength(1);
    expect([web.ok, sms?.key === "confirmed"].filter(Boolean)).toHaveLength(1);
    expect((await dossierOf("medical-licence-renewal")).status).toBe("submitted");
  });

  it("declines where the service allows it, recorded as SMS, and refuses where it does not", async () => {
    const badge = await dossierOf("transport-badge-renewal");
    expect((await reply(DUNG, "Không 7714"))?.key).toBe("declined");
    expect((await dossierOf("transport-badge-renewal")).status).toBe("declined");
    expect((await eventsOf(badge.id)).at(-1)).toMatchObject({ kind: "status", toStatus: "declined", data: { channel: "SMS" } });
    expect((await reply(DUNG, "KHONG 7714"))?.key).toBe("notAwaiting");
    expect((await reply(BINH, "KHONG 4821"))?.key).toBe("alreadySubmitted");
  });

  it("acts once per gateway message id, and stops answering a phone past its limit", async () => {
    const sms = (messageId: string, from: string, text: string) => receiveSms(t.db, { messageId, from, text }, ctx(30));
    expect(await sms("gw-1", AN, "HD")).toBe("answered");
    expect(await sms("gw-1", AN, "HD")).toBe("duplicate");
    const [received] = await t.db.select().from(smsInbound).where(eq(smsInbound.gatewayMessageId, "gw-1"));
    expect(received!.receivedAt).toEqual(ctx(30).now);
    expect(await t.db.select().from(smsOutbox).where(like(smsOutbox.dedupeKey, "reply:%"))).toHaveLength(1);
    const outcomes = [];
    for (let i = 0; i < 11; i++) outcomes.push(await sms(`gw-s-${i}`, STRANGER, "XN 4821"));
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill("answered"));
    expect(outcomes[10]).toBe("rate_limited");
    expect((await t.db.select().from(smsInbound).where(eq(smsInbound.phone, STRANGER))).every((m) => m.dossierId === null)).toBe(true);
  });
  it("reads the dossier by the service version it was prepared under, not a newer one approved since", async () => {
    const vet = getService("veterinary-cert-renewal", 1);
    const naming = getService("birth-registration").citizenFields.find((f) => f.kind === "personName")!;
    installStoredVersions([{ code: vet.code, version: 2, definition: { ...vet, citizenFields: [naming, ...vet.citizenFields] } }]);
    try {
      expect((await reply(HAI, "TEN 6042 Đặng Văn Hải"))?.key).toBe("notNameable");
      expect((await dossierOf("veterinary-cert-renewal")).citizenData).not.toHaveProperty(naming.key);
    } finally {
      installStoredVersions([]);
    }
  });

  it("while a Báo sai holds the dossier, sends no code it would refuse, and refuses one sent before the report", async () => {
    const vet = await dossierOf("veterinary-cert-renewal");
    const code = otpIn((await reply(HAI, "XN 6042"))!.text)!;
    const [report] = await t.db
      .insert(correctionRequests)
      .values({ dossierId: vet.id, citizenId: demoPersonas.hai, fieldKey: "holderName", dataset: "population", agency: "cong-an", effect: "wait", reason: "Sai ten" })
      .returning();
    expect((await reply(HAI, "XN 6042"))?.key).toBe("notAwaiting");
    expect((await reply(HAI, `XN 6042 ${code}`))?.key).toBe("notAwaiting");
    expect((await dossierOf("veterinary-cert-renewal")).status).toBe("prepared");
    await t.db.delete(correctionRequests).where(eq(correctionRequests.id, report!.id));
  });
});
