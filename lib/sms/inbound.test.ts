import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, like } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { seedDemoWorld } from "../gov/demo-world";
import { deepLinks, dossiers, smsInbound, smsOutbox } from "../db/schema";
import { scan } from "../engine/scan";
import type { ConversationContext } from "./conversation";
import { receiveSms } from "./inbound";

// The first answer fails the way a dropped database connection would; later ones run for real.
const failures = vi.hoisted(() => ({ left: 0 }));
vi.mock("./conversation", async (importOriginal) => {
  const real = await importOriginal<typeof import("./conversation")>();
  return {
    ...real,
    answerReply: async (...args: Parameters<typeof real.answerReply>) => {
      const answer = await real.answerReply(...args);
      if (failures.left > 0) {
        failures.left--;
        throw new Error("connection lost");
      }
      return answer;
    },
  };
});

const TODAY = "2026-11-23";
const CUC = "0905000003";
const ctx: ConversationContext = { origin: "https://dichvucong.danang.gov.vn", secret: "test-inbound-secret-0123456789", now: new Date("2026-11-23T03:00:00Z"), today: TODAY };

describe.each(await testDatabaseKinds())("a reply whose handling fails on $name", ({ open }) => {
  let t: TestDatabase;
  const licence = async () => (await t.db.select().from(dossiers).where(eq(dossiers.serviceCode, "medical-licence-renewal")))[0]!;

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
    await scan(t.db, { today: TODAY, origin: "http://localhost:3000" });
    await t.db.update(deepLinks).set({ matchCode: "5930" }).where(eq(deepLinks.dossierId, (await licence()).id));
  });
  afterAll(async () => t?.close());

  it("keeps nothing of it, so the gateway's retry of the same message is acted on and answered once", async () => {
    const summary = await receiveSms(t.db, { messageId: "gw-sum", from: CUC, text: "XN 5930" }, ctx);
    expect(summary).toBe("answered");
    const [sent] = await t.db.select().from(smsOutbox).where(like(smsOutbox.dedupeKey, "reply:%"));
    const code = /Ma xac nhan (\d{6})/.exec(sent!.body)![1];

    failures.left = 1;
    const confirm = { messageId: "gw-xn", from: CUC, text: `XN 5930 ${code}` };
    await expect(receiveSms(t.db, confirm, ctx)).rejects.toThrow("connection lost");
    expect((await licence()).status).toBe("prepared");
    expect(await t.db.$count(smsInbound, eq(smsInbound.gatewayMessageId, "gw-xn"))).toBe(0);

    expect(await receiveSms(t.db, confirm, ctx)).toBe("answered");
    expect((await licence()).status).toBe("submitted");
    expect(await receiveSms(t.db, confirm, ctx)).toBe("duplicate");
    expect(await t.db.$count(smsOutbox, like(smsOutbox.dedupeKey, "reply:%"))).toBe(2);
  });
});
