import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { testDatabaseKinds, type TestDatabase } from "../db/test-databases";
import { birthNotices, dossiers, smsOutbox } from "../db/schema";
import { demoPersonas, seedDemoWorld } from "./demo-world";
import { receiveBirthNotice } from "./births";

const TODAY = "2026-11-23";
const ORIGIN = "https://chudong.example.vn";

const notice = {
  certificateNo: "GCS-2026-048-0099001",
  hospital: "Bệnh viện Đà Nẵng",
  birthDate: "2026-11-21",
  sex: "female",
  motherId: demoPersonas.cuc,
  fatherId: demoPersonas.dung,
  weightGrams: 2950,
};

describe.each(await testDatabaseKinds())("hospital birth notices on $name", ({ open }) => {
  let t: TestDatabase;
  const receive = (body: unknown, locale: "vi" | "en" = "en") => receiveBirthNotice(t.db, body, { today: TODAY, origin: ORIGIN, locale });

  beforeAll(async () => {
    t = await open();
    await seedDemoWorld(t.db, TODAY);
  });
  afterAll(async () => t?.close());

  it("names each wrong field, in the caller's language", async () => {
    const outcome = await receive({
      certificateNo: "GCS 1",
      birthDate: "2026-11-24",
      sex: "boy",
      motherId: "04819000000",
      fatherId: 48090000001,
      weightGrams: 120.5,
      babyName: "Khang",
    });
    expect(outcome).toEqual({
      kind: "invalid",
      fields: {
        certificateNo: "A certificate number holds only letters, digits and - / .",
        hospital: "Required.",
        birthDate: "The birth date cannot be in the future.",
        sex: "Sex must be male or female.",
        motherId: "A personal id number has exactly 12 digits.",
        fatherId: "A personal id number has exactly 12 digits.",
        weightGrams: "Weight must be a whole number of grams from 300 to 7000.",
        babyName: "This field is not supported.",
      },
    });
    const vi = await receive({ ...notice, birthDate: "2026-09-24" }, "vi");
    expect(vi).toEqual({ kind: "invalid", fields: { birthDate: "Ngày sinh đã quá 60 ngày, ngoài thời hạn đăng ký khai sinh." } });
    expect(await receive([notice])).toMatchObject({ kind: "invalid", fields: { body: "Wrong type." } });
    expect(await receive({ ...notice, fatherId: notice.motherId })).toMatchObject({ fields: { fatherId: "The father's id is the mother's id." } });
    expect(await receive({ ...notice, birthDate: "2026-02-30" })).toMatchObject({ fields: { birthDate: "Not a valid date; use yyyy-MM-dd." } });
    expect(await receive({ ...notice, hospital: "Bệnh viện\u0000" })).toMatchObject({ fields: { hospital: "Not valid." } });
    // zod 4 runs a refine after its failed regex: this threw (500) before the date checks aborted.
    for (const birthDate of ["yesterday", "", "2026-1-1", "21/11/2026", "2026-11-21T00:00:00Z"]) {
      expect(await receive({ ...notice, birthDate })).toEqual({ kind: "invalid", fields: { birthDate: "Not a valid date; use yyyy-MM-dd." } });
    }
    expect(await t.db.$count(birthNotices)).toBe(1);
  });

  it("refuses an unknown parent without telling which of the two ids the population database holds", async () => {
    const unknownFather = await receive({ ...notice, fatherId: "048099999999" });
    const unknownMother = await receive({ ...notice, motherId: "048099999998" });
    const neither = await receive({ ...notice, motherId: "048099999998", fatherId: "048099999999" });
    const expected = { kind: "unknownParent", fields: { parents: "The mother, or the father, or both, are not in the national population database." } };
    expect(unknownFather).toEqual(expected);
    expect(unknownMother).toEqual(expected);
    expect(neither).toEqual(expected);
    expect(await receive({ ...notice, motherId: "048099999998", fatherId: null })).toEqual(expected);
    expect(await t.db.$count(birthNotices)).toBe(1);
  });

  it("prepares the dossier for the father and texts each parent once", async () => {
    const first = await receive(notice);
    expect(first).toMatchObject({ kind: "accepted", created: true, status: "prepared" });
    if (first.kind !== "accepted") throw new Error("not accepted");
    const [dossier] = await t.db.select().from(dossiers).where(eq(dossiers.code, first.dossierCode!));
    expect(dossier).toMatchObject({ serviceCode: "birth-registration", ownerId: demoPersonas.dung, subjectKey: `birth:${notice.certificateNo}` });
    const texts = await t.db.select().from(smsOutbox).where(eq(smsOutbox.dossierId, dossier!.id));
    expect(texts.map((s) => s.phone).sort()).toEqual(["0905000003", "0905000004"]);
  });

  it("answers a repeated notice with the same dossier and no second SMS", async () => {
    const again = await receive({ ...notice, fatherId: notice.fatherId, weightGrams: 2950 });
    const [dossier] = await t.db.select().from(dossiers).where(eq(dossiers.subjectKey, `birth:${notice.certificateNo}`));
    expect(again).toEqual({ kind: "accepted", created: false, dossierCode: dossier!.code, status: "prepared" });
    expect(await t.db.$count(dossiers, eq(dossiers.subjectKey, `birth:${notice.certificateNo}`))).toBe(1);
    expect(await t.db.$count(smsOutbox, eq(smsOutbox.dossierId, dossier!.id))).toBe(2);
  });

  it("refuses the same certificate number with other data, changing nothing", async () => {
    const outcome = await receive({ ...notice, weightGrams: 3000 });
    expect(outcome).toEqual({ kind: "conflict", certificateNo: notice.certificateNo });
    const [stored] = await t.db.select().from(birthNotices).where(eq(birthNotices.certificateNo, notice.certificateNo));
    expect(stored?.weightGrams).toBe(2950);
  });

  it("gives the dossier to the mother when no father is named", async () => {
    const outcome = await receive({ certificateNo: "GCS-2026-048-0099002", hospital: "Bệnh viện Đà Nẵng", birthDate: TODAY, sex: "male", motherId: demoPersonas.em, fatherId: null });
    expect(outcome).toMatchObject({ kind: "accepted", created: true });
    const [dossier] = await t.db.select().from(dossiers).where(eq(dossiers.subjectKey, "birth:GCS-2026-048-0099002"));
    expect(dossier?.ownerId).toBe(demoPersonas.em);
  });
});
