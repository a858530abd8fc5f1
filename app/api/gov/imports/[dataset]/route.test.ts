import { beforeAll, describe, expect, it } from "vitest";
import * as clock from "@/lib/clock";

// The route opens the process-wide database: point it at a fresh in-memory one before it is imported.
process.env.PGLITE_DIR = "memory://";
delete process.env.DATABASE_URL;
process.env.DEMO_MODE = "true";
const { POST } = await import("./route");
const { getDb } = await import("@/lib/db/client");
const { seedDemoWorld, demoPersonas } = await import("@/lib/gov/demo-world");
const { seedDemoAgencyKeys } = await import("@/lib/gov/api-keys");

const year = clock.today().slice(0, 4);
const list = `household_head_id,category,members,commune,year\n${demoPersonas.giang},cận nghèo,4,Phường Hải Châu,${year}\n048099999999,nghèo,2,Xã Hòa Vang,${year}\n`;

function post(dataset: string, body: BodyInit | null, headers: Record<string, string> = {}) {
  return POST(
    new Request(`http://localhost:3000/api/gov/imports/${dataset}`, {
      method: "POST",
      body,
      // An empty value leaves the header out (a form body then sets its own content type).
      headers: Object.entries({ authorization: "Bearer demo-social-key", "content-type": "text/csv", "accept-language": "en", ...headers }).filter(
        ([, v]) => v !== "",
      ),
    }),
    { params: Promise.resolve({ dataset }) },
  );
}

describe("POST /api/gov/imports/{dataset}", () => {
  beforeAll(async () => {
    const db = await getDb();
    await seedDemoWorld(db, clock.today());
    await seedDemoAgencyKeys(db);
  });

  it("checks the key, the dataset and the agency's right to it", async () => {
    expect((await post("poor-households", list, { authorization: "Bearer nope-nope-nope" })).status).toBe(401);
    const unknown = await post("tax-debts", list);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: "unknown_dataset" });
    const hospital = await post("poor-households", list, { authorization: "Bearer demo-hospital-key" });
    expect(hospital.status).toBe(403);
  });

  it("refuses what is not a usable CSV", async () => {
    expect((await post("poor-households", list, { "content-type": "application/json" })).status).toBe(415);
    expect((await post("poor-households", list, { "content-length": String(51 * 1024 * 1024) })).status).toBe(413);
    const empty = await post("poor-households", "");
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: "empty_file" });
    const columns = await post("poor-households", "household_head_id,members\n048175000005,4\n");
    expect(columns.status).toBe(400);
    expect(await columns.json()).toEqual({
      error: "missing_columns",
      message: "The header lacks the columns: category, commune, year.",
    });
  });

  it("imports a list, reports rejected lines, and prepares the new household's dossier", async () => {
    const res = await post("poor-households", list);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      dataset: "poor-households",
      accepted: 1,
      unchanged: 0,
      rejected: 1,
      errors: [{ line: 3, reason: "household_head_id: Not in the national population database." }],
      engine: { prepared: { "poor-household-support": 2 }, sms: 2 },
    });
  });

  it("takes the same file as a form upload, and changes nothing the second time", async () => {
    const form = new FormData();
    form.set("file", new File([list], "ho-ngheo.csv", { type: "text/csv" }));
    const res = await post("poor-households", form, { "content-type": "" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 0, unchanged: 1, rejected: 1, engine: { prepared: { "poor-household-support": 0 } } });
  });

  it("takes each licence registry from its own agency", async () => {
    const csv = `number,holder_id,expires_on,issuer\n148190999,${demoPersonas.giang},31/12/2030,Sở Văn hóa, Thể thao và Du lịch Đà Nẵng\n`;
    expect((await post("tour-guide-cards", csv)).status).toBe(403);
    const res = await post("tour-guide-cards", csv, { authorization: "Bearer demo-tourism-key" });
    expect(await res.json()).toMatchObject({ rejected: 1, errors: [{ line: 2, reason: "The line has 5 columns; the header has 4." }] });
    const quoted = csv.replace("Sở Văn hóa, Thể thao và Du lịch Đà Nẵng", '"Sở Văn hóa, Thể thao và Du lịch Đà Nẵng"');
    expect(await (await post("tour-guide-cards", quoted, { authorization: "Bearer demo-tourism-key" })).json()).toMatchObject({ accepted: 1 });
  });
});
