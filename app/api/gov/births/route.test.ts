import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import * as clock from "@/lib/clock";

// The route opens the process-wide database: point it at a fresh in-memory one before it is imported.
process.env.PGLITE_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DEMO_MODE = "true";
const { POST } = await import("./route");
const { getDb } = await import("@/lib/db/client");
const { seedDemoWorld, demoPersonas } = await import("@/lib/gov/demo-world");
const { seedDemoAgencyKeys } = await import("@/lib/gov/api-keys");

const today = clock.today();

function post(body: string, headers: Record<string, string> = {}) {
  return POST(
    new Request("http://localhost:3000/api/gov/births", {
      method: "POST",
      body,
      headers: { authorization: "Bearer demo-hospital-key", "content-type": "application/json", "accept-language": "en", ...headers },
    }),
  );
}

const notice = {
  certificateNo: "GCS-ROUTE-0001",
  hospital: "Bệnh viện Phụ sản – Nhi Đà Nẵng",
  birthDate: addDays(today, -1),
  sex: "male",
  motherId: demoPersonas.binh,
  fatherId: demoPersonas.an,
  weightGrams: 3100,
};

describe("POST /api/gov/births", () => {
  beforeAll(async () => {
    const db = await getDb();
    await seedDemoWorld(db, today);
    await seedDemoAgencyKeys(db);
  });

  it("asks for a hospital's key", async () => {
    const none = await post(JSON.stringify(notice), { authorization: "" });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await none.json()).toMatchObject({ error: "unauthorized" });
    expect((await post(JSON.stringify(notice), { authorization: "Bearer wrong-key-1234" })).status).toBe(401);
    const social = await post(JSON.stringify(notice), { authorization: "Bearer demo-social-key" });
    expect(social.status).toBe(403);
    expect(await social.json()).toMatchObject({ error: "forbidden" });
  });

  it("answers bad JSON and bad fields with 400 and the fields at fault", async () => {
    const broken = await post("{ certificateNo: ");
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      error: "invalid_body",
      message: "The request body is not valid.",
      fields: { body: "The body is not valid JSON." },
    });
    const bad = await post(JSON.stringify({ ...notice, sex: "x", weightGrams: "3100" }), { "accept-language": "vi-VN,vi;q=0.9" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-language")).toBe("vi");
    expect(await bad.json()).toEqual({
      error: "invalid_body",
      message: "Dữ liệu gửi lên không hợp lệ.",
      fields: { sex: "Giới tính phải là male hoặc female.", weightGrams: "Cân nặng phải là số nguyên từ 300 đến 7000 gam." },
    });
    expect((await post(JSON.stringify({ ...notice, hospital: "x".repeat(20_000) }))).status).toBe(413);
  });

  it("refuses an unknown parent with one 422, the same whichever id is missing", async () => {
    const answers = [];
    for (const ids of [{ motherId: "048199999999" }, { fatherId: "048099999999" }, { motherId: "048199999999", fatherId: "048099999999" }]) {
      const res = await post(JSON.stringify({ ...notice, ...ids }));
      answers.push({ status: res.status, body: await res.text() });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]!.status).toBe(422);
    expect(JSON.parse(answers[0]!.body)).toEqual({
      error: "unknown_parent",
      message: "A parent is not in the national population database.",
      fields: { parents: "The mother, or the father, or both, are not in the national population database." },
    });
  });

  it("answers a date in words with 400 naming the field, not 500", async () => {
    const res = await post(JSON.stringify({ ...notice, birthDate: "yesterday" }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_body", fields: { birthDate: "Not a valid date; use yyyy-MM-dd." } });
  });

  it("creates the dossier once: 201, then 200 with the same code, then 409 for other data", async () => {
    const first = await post(JSON.stringify(notice));
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toEqual({ dossierCode: expect.stringMatching(/^HS-\d{4}-\d{6}$/), status: "prepared" });
    const again = await post(JSON.stringify(notice));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(created);
    const other = await post(JSON.stringify({ ...notice, sex: "female" }));
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ error: "conflict" });
  });
});
