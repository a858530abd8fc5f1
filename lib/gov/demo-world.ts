import type { Db } from "../db/client";
import {
  officers,
  birthNotices,
  citizens,
  constructionIntents,
  dossierEvents,
  dossiers,
  enrollmentPeriods,
  familyRelations,
  licences,
  schools,
  socialProtectionList,
} from "../db/schema";
import { hashPasscode } from "../auth/passcode";
import { addDays } from "../dates";
import { addWorkingDays, subtractWorkingDays } from "../calendar/working-days";
import { getService } from "../services/catalogue";

export const DEMO_PASSCODE = "123456";

const HAI_CHAU = "Phường Hải Châu";
const DA_NANG = "Thành phố Đà Nẵng";

export const demoPersonas = {
  an: "048090000001",
  binh: "048190000002",
  cuc: "048185000003",
  dung: "048080000004",
  em: "048175000005",
  giang: "048095000006",
  hai: "048088000007",
  giangDaughter: "048320000008",
  // A young family in a rural commune: their births go to Xã Hòa Vang's civil-status desk, not Hải Châu's.
  long: "048091000041",
  mai: "048194000042",
  // A father with a basic phone who names and confirms by SMS reply (e2e/sms-reply.spec.ts), and his wife.
  khoa: "048089000021",
  lan: "048193000022",
} as const;

// Help at the ward (README): Lộc is assisted at the counter; Mai lets her son Nam act for her.
export const wardHelpPersonas = {
  loc: "048155000031",
  mai: "048162000032",
  nam: "048098000033",
} as const;

// Hoàng Thị Em's household in the population registry: her husband and their children (ids and ages).
const emHousehold: [id: string, fullName: string, age: number, sex: "male" | "female"][] = [
  ["048072000009", "Lê Văn Phúc", 52, "male"],
  ["048305000010", "Lê Thị Hoa", 21, "female"],
  ["048210000011", "Lê Văn Quý", 15, "male"],
];

/** A registry entry; those with a phone can sign in with the demo passcode. */
function personWith(passcodeHash: string) {
  return (
    id: string,
    fullName: string,
    birthDate: string,
    sex: "male" | "female",
    phone: string | null,
    more: Partial<typeof citizens.$inferInsert> = {},
  ): typeof citizens.$inferInsert => ({
    id,
    fullName,
    birthDate,
    sex,
    phone,
    passcodeHash: phone ? passcodeHash : null,
    addressLine: "12 Lê Duẩn",
    commune: HAI_CHAU,
    province: DA_NANG,
    hometown: `${HAI_CHAU}, ${DA_NANG}`,
    ...more,
  });
}

/** The demo world of SPEC §5, with every date relative to `today` (yyyy-MM-dd). */
export async function seedDemoWorld(db: Db, today: string): Promise<void> {
  const passcodeHash = await hashPasscode(DEMO_PASSCODE);
  const year = Number(today.slice(0, 4));
  const p = demoPersonas;
  const person = personWith(passcodeHash);

  await db.insert(citizens).values([
    person(p.an, "Nguyễn Văn An", "1990-04-12", "male", "0905000001", { hometown: "Phường Hội An, Thành phố Đà Nẵng" }),
    person(p.binh, "Trần Thị Bình", "1990-09-03", "female", "0905000002", { hometown: "Phường Tam Kỳ, Thành phố Đà Nẵng" }),
    person(p.cuc, "Lê Thị Cúc", "1985-02-20", "female", "0905000003", { addressLine: "45 Núi Thành" }),
    person(p.dung, "Phạm Văn Dũng", "1980-07-07", "male", "0905000004", { addressLine: "8 Tôn Đức Thắng", commune: "Phường Liên Chiểu" }),
    person(p.em, "Hoàng Thị Em", "1975-11-30", "female", "0905000005", { addressLine: "Thôn Phú Sơn", commune: "Xã Hòa Vang" }),
    person(p.giang, "Võ Minh Giang", "1995-01-15", "male", "0905000006", { addressLine: "27 Trần Phú" }),
    person(p.hai, "Đặng Văn Hải", "1988-05-09", "male", "0905000007", { addressLine: "102 Ông Ích Khiêm" }),
    // Six this year (grade 1), her birthday far from today: the health card at six, due a month before it,
    // must not come due in the weeks a test scans ahead (a fixed 8 March did from mid-January).
    person(p.giangDaughter, "Võ Ngọc Hân", `${year - 6}-${today.slice(5) <= "06-30" ? "12-31" : "01-01"}`, "female", null, { addressLine: "27 Trần Phú" }),
    ...emHousehold.map(([id, fullName, age, sex]) =>
      person(id, fullName, `${year - age}-06-01`, sex, null, { addressLine: "Thôn Phú Sơn", commune: "Xã Hòa Vang" }),
    ),
    person(p.long, "Trần Văn Long", "1991-08-19", "male", "0905000041", { addressLine: "Thôn La Châu", commune: "Xã Hòa Vang", hometown: "Xã Hòa Vang, Thành phố Đà Nẵng" }),
    person(p.mai, "Phan Thị Mai", "1994-03-02", "female", "0905000042", { addressLine: "Thôn La Châu", commune: "Xã Hòa Vang", hometown: "Phường Hội An, Thành phố Đà Nẵng" }),
    person(p.khoa, "Phan Văn Khoa", "1989-08-17", "male", "0905000021", { addressLine: "5 Hùng Vương", hometown: "Xã Điện Bàn, Thành phố Đà Nẵng" }),
    person(p.lan, "Lý Thị Lan", "1993-03-25", "female", "0905000022", { addressLine: "5 Hùng Vương" }),
  ]);
  await db.insert(familyRelations).values([
    { citizenId: p.an, relativeId: p.binh, relation: "spouse" },
    { citizenId: p.binh, relativeId: p.an, relation: "spouse" },
    { citizenId: p.giang, relativeId: p.giangDaughter, relation: "child" },
    { citizenId: p.giangDaughter, relativeId: p.giang, relation: "parent" },
    ...emHousehold.map(([id], i) => ({ citizenId: p.em, relativeId: id, relation: i === 0 ? ("spouse" as const) : ("child" as const) })),
    { citizenId: p.long, relativeId: p.mai, relation: "spouse" },
    { citizenId: p.mai, relativeId: p.long, relation: "spouse" },
    { citizenId: p.khoa, relativeId: p.lan, relation: "spouse" },
    { citizenId: p.lan, relativeId: p.khoa, relation: "spouse" },
  ]);
  await db.insert(birthNotices).values({
    certificateNo: `GCS-${year}-048-0012345`,
    hospital: "Bệnh viện Phụ sản – Nhi Đà Nẵng",
    birthDate: addDays(today, -3),
    sex: "male",
    motherId: p.binh,
    fatherId: p.an,
    weightGrams: 3200,
  });
  await db.insert(licences).values([
    {
      kind: "medical",
      number: "000318/ĐNA-CCHN",
      holderId: p.cuc,
      issuer: "Sở Y tế Đà Nẵng",
      scope: "Khám bệnh, chữa bệnh chuyên khoa Nhi",
      address: "Bệnh viện Phụ sản – Nhi Đà Nẵng, 402 Lê Văn Hiến, Phường Ngũ Hành Sơn, Thành phố Đà Nẵng",
      expiresOn: addDays(today, 25),
      details: { cmeHours: 136 },
    },
    {
      kind: "transport-badge",
      number: "PH-048-204517",
      holderId: p.dung,
      subject: "43B-123.45",
      issuer: "Sở Xây dựng Đà Nẵng",
      scope: "Xe taxi",
      expiresOn: addDays(today, 12),
      details: { vehicleInService: "yes" },
    },
    {
      kind: "transport-badge",
      number: "PH-048-204518",
      holderId: p.dung,
      subject: "43B-678.90",
      issuer: "Sở Xây dựng Đà Nẵng",
      scope: "Xe taxi",
      expiresOn: addDays(today, 200),
    },
    {
      kind: "tour-guide",
      number: "148190123",
      holderId: p.giang,
      issuer: "Sở Văn hóa, Thể thao và Du lịch Đà Nẵng",
      scope: "Quốc tế",
      address: "27 Trần Phú, Phường Hải Châu, Thành phố Đà Nẵng",
      expiresOn: addDays(today, 40),
      details: { cardType: "international" },
    },
    {
      kind: "veterinary",
      number: "048/CCHN-TY-0457",
      holderId: p.hai,
      issuer: "Chi cục Chăn nuôi và Thú y Đà Nẵng",
      scope: "Buôn bán thuốc thú y",
      address: "102 Ông Ích Khiêm, Phường Hải Châu, Thành phố Đà Nẵng",
      expiresOn: addDays(today, 50),
    },
  ]);
  await db.insert(socialProtectionList).values({
    listName: "poor-households",
    year,
    householdHeadId: p.em,
    category: "poor",
    members: 4,
    commune: "Xã Hòa Vang",
  });
  await db.insert(schools).values([
    { name: "Trường Tiểu học Phù Đổng", commune: HAI_CHAU, address: "24 Hoàng Văn Thụ, Phường Hải Châu" },
    { name: "Trường Tiểu học Lê Văn Tám", commune: HAI_CHAU, address: "81 Lê Lợi, Phường Hải Châu" },
    { name: "Trường Tiểu học Nguyễn Văn Trỗi", commune: HAI_CHAU, address: "163 Hoàng Diệu, Phường Hải Châu" },
  ]);
  await db.insert(enrollmentPeriods).values({ year, opensOn: addDays(today, -5), closesOn: addDays(today, 25) });
  await db.insert(officers).values(
    // Each demo officer leads its agency's centres: the SLA warning and reassignment are theirs.
    demoStaff.map(([username, fullName, agency, commune]) => ({ username, fullName, agency, commune, lead: agency !== "ioc", passwordHash: passcodeHash })),
  );
}

/**
 * Help at the ward (README): Lộc, helped at the counter of Xã Hòa Vang by the one-stop officer
 * "motcua"; Mai, who lets her son Nam act for her. Seeded beside the SPEC §5 world (scripts/seed-demo.ts)
 * rather than inside it, so the figures other tests count on that world stay as they are.
 */
export async function seedWardHelpWorld(db: Db, today: string): Promise<void> {
  const passcodeHash = await hashPasscode(DEMO_PASSCODE);
  const p = wardHelpPersonas;
  const person = personWith(passcodeHash);
  await db.insert(citizens).values([
    person(p.loc, "Trương Văn Lộc", "1955-03-10", "male", "0905000031", { addressLine: "Thôn La Bông", commune: "Xã Hòa Vang" }),
    person(p.mai, "Phan Thị Mai", "1962-08-19", "female", "0905000032", { addressLine: "15 Hùng Vương" }),
    person(p.nam, "Phan Văn Nam", "1998-12-02", "male", "0905000033", { addressLine: "15 Hùng Vương" }),
  ]);
  await db.insert(familyRelations).values([
    { citizenId: p.mai, relativeId: p.nam, relation: "child" },
    { citizenId: p.nam, relativeId: p.mai, relation: "parent" },
  ]);
  await db.insert(licences).values([
    {
      kind: "veterinary",
      number: "048/CCHN-TY-0731",
      holderId: p.loc,
      issuer: "Chi cục Chăn nuôi và Thú y Đà Nẵng",
      scope: "Tiêm phòng, chữa bệnh cho động vật",
      address: "Thôn La Bông, Xã Hòa Vang, Thành phố Đà Nẵng",
      expiresOn: addDays(today, 45),
    },
    {
      kind: "veterinary",
      number: "048/CCHN-TY-0732",
      holderId: p.mai,
      issuer: "Chi cục Chăn nuôi và Thú y Đà Nẵng",
      scope: "Buôn bán thuốc thú y",
      address: "15 Hùng Vương, Phường Hải Châu, Thành phố Đà Nẵng",
      expiresOn: addDays(today, 40),
    },
    {
      kind: "medical",
      number: "000512/ĐNA-CCHN",
      holderId: p.mai,
      issuer: "Sở Y tế Đà Nẵng",
      scope: "Khám bệnh, chữa bệnh chuyên khoa Mắt",
      address: "Bệnh viện Mắt Đà Nẵng, 250 Nguyễn Chí Thanh, Phường Hải Châu, Thành phố Đà Nẵng",
      expiresOn: addDays(today, 30),
      details: { cmeHours: 140 },
    },
  ]);
  await db.insert(officers).values({ username: "motcua", fullName: "Lê Thị Hòa", agency: "motcua", commune: "Xã Hòa Vang", passwordHash: passcodeHash });
}

/**
 * Officer accounts of SPEC §5 (agency = the catalogue's agency code, or a dataset's owner for "Báo sai"
 * requests) and the city operations centre; a ward- or commune-level desk names its commune.
 */
const demoStaff: [username: string, fullName: string, agency: string, commune?: string][] = [
  ["hotich", "Trần Văn Hộ", "hotich", HAI_CHAU],
  ["yte", "Nguyễn Thị Yến", "yte"],
  ["dulich", "Lê Văn Du", "dulich"],
  ["thuy", "Phan Thị Thủy", "thuy"],
  ["vantai", "Võ Văn Tài", "vantai"],
  ["xahoi", "Huỳnh Thị Xuân", "xahoi"],
  ["giaoduc", "Đỗ Văn Giáo", "giaoduc"],
  ["xaydung", "Ngô Thị Dựng", "xaydung"],
  ["ioc", "Trung tâm IOC Đà Nẵng", "ioc"],
  ["hotich.hoavang", "Lê Thị Tịch", "hotich", "Xã Hòa Vang"],
  ["congan", "Nguyễn Văn Công", "congan"],
  ["benhvien", "Trần Thị Viện", "benhvien"],
  ["datdai", "Phạm Văn Đạt", "datdai"],
  // The Public Administration Service Centre approves the catalogue; the agencies of the 19 proposed services.
  ["trungtam", "Trung tâm Phục vụ hành chính công", "trungtam"],
  ["quansu", "Lê Quân Sự", "quansu"],
  ["bhxh", "Nguyễn Bảo Xã", "bhxh"],
  ["csgt", "Phạm Giao Thông", "csgt"],
  ["attp", "Võ Thực Phẩm", "attp"],
  ["xnc", "Đinh Xuất Cảnh", "xnc"],
  ["nongnghiep", "Hà Thủy Sản", "nongnghiep"],
];

/** Hòa Khánh's building-permit centre, a month behind: the SLA-at-risk warning of the IOC and its lead. */
export const BACKLOG_COMMUNE = "Phường Hòa Khánh";
export const ONESTOP_PERSONA = "048090000113";
const BACKLOG_SERVICE = "house-building-support";

/**
 * Dossiers submitted in the past at Hòa Khánh's centre (citizens …0000101–…0000112): ten still open with
 * due dates from yesterday to next week, two decided this week, so the centre decides 0.4 a day and
 * most of its queue will miss the SLA. History is written as rows carrying their own times, like the
 * KPI tests do; the intents were filed long ago, so the engine prepares nothing more from them.
 */
export async function seedDemoBacklog(db: Db, today: string): Promise<void> {
  // Trịnh Văn Mười, a taxi driver of Hòa Khánh whose badge renewal the engine prepares: the e2e journey
  // that files a dossier with the mock One-Stop service and hears its statuses back is his alone.
  const passcodeHash = await hashPasscode(DEMO_PASSCODE);
  await db.insert(citizens).values({
    id: ONESTOP_PERSONA,
    fullName: "Trịnh Văn Mười",
    birthDate: "1983-08-10",
    sex: "male",
    phone: "0905000113",
    passcodeHash,
    addressLine: "5 Âu Cơ",
    commune: BACKLOG_COMMUNE,
    province: DA_NANG,
  });
  await db.insert(licences).values({
    kind: "transport-badge",
    number: "PH-048-300113",
    holderId: ONESTOP_PERSONA,
    subject: "43A-113.13",
    issuer: "Sở Xây dựng Đà Nẵng",
    scope: "Xe taxi",
    expiresOn: addDays(today, 10),
    details: { vehicleInService: "yes" },
  });
  const service = getService(BACKLOG_SERVICE);
  const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00+07:00`);
  const plan: { due: number; status: "received" | "approved"; decidedAgo?: number }[] = [
    ...[-1, -1, 1, 1, 2, 2, 3, 4, 5, 6].map((due) => ({ due, status: "received" as const })),
    { due: 3, status: "approved", decidedAgo: 1 },
    { due: 1, status: "approved", decidedAgo: 3 },
  ];
  const people = plan.map((_, i) => `04809${String(101 + i).padStart(7, "0")}`);
  await db.insert(citizens).values(
    people.map((id, i) => ({
      id,
      fullName: `Công dân Hòa Khánh ${i + 1}`,
      birthDate: "1980-01-01",
      sex: i % 2 === 0 ? ("male" as const) : ("female" as const),
      addressLine: `${10 + i} Âu Cơ`,
      commune: BACKLOG_COMMUNE,
      province: DA_NANG,
    })),
  );
  for (const [i, step] of plan.entries()) {
    const due = shiftWorkingDays(today, step.due);
    const submittedOn = subtractWorkingDays(due, service.slaWorkingDays);
    // Filed more than the trigger's window ago, so the engine's next scan prepares nothing more from it.
    const filedOn = addDays(today, -45);
    const preparedOn = addDays(filedOn, 1);
    const parcel = `HK-${String(i + 1).padStart(3, "0")}`;
    await db.insert(constructionIntents).values({ ownerId: people[i]!, parcel, address: `${10 + i} Âu Cơ, ${BACKLOG_COMMUNE}`, filedOn });
    const decidedOn = step.decidedAgo === undefined ? undefined : addDays(today, -step.decidedAgo);
    const [dossier] = await db
      .insert(dossiers)
      .values({
        serviceCode: BACKLOG_SERVICE,
        ownerId: people[i]!,
        subjectKey: `demo-backlog:${parcel}`,
        triggerPeriod: preparedOn,
        status: step.status,
        version: 3,
        reason: { parcel },
        prefilled: { holderName: `Công dân Hòa Khánh ${i + 1}`, parcel, address: `${10 + i} Âu Cơ, ${BACKLOG_COMMUNE}` },
        citizenData: { delivery: "centre" },
        confirmDeadline: submittedOn,
        slaDueDate: due,
        submittedAt: at(submittedOn),
        submittedBy: people[i]!,
        receiptNo: `000.00.48.H17-DEMO-${String(i + 1).padStart(4, "0")}`,
        ...(decidedOn && { result: { permitDossierNo: `DEMO-${i + 1}/GPXD` }, resultAt: at(decidedOn, 15) }),
      })
      .returning({ id: dossiers.id });
    const steps: [string, Date, "engine" | "citizen" | "officer"][] = [
      ["prepared", at(preparedOn, 6), "engine"],
      ["submitted", at(submittedOn), "citizen"],
      ["received", at(submittedOn, 14), "officer"],
      ...(decidedOn ? [["approved", at(decidedOn, 15), "officer"] as [string, Date, "officer"]] : []),
    ];
    await db.insert(dossierEvents).values(
      steps.map(([status, when, actor], k) => ({
        dossierId: dossier!.id,
        kind: "status" as const,
        fromStatus: k === 0 ? null : steps[k - 1]![0],
        toStatus: status,
        actorKind: actor,
        actorId: actor === "citizen" ? people[i]! : actor === "officer" ? "xaydung" : null,
        at: when,
      })),
    );
  }
}

/** `n` working days after `day` (before it when negative). */
function shiftWorkingDays(day: string, n: number): string {
  return n >= 0 ? addWorkingDays(day, n) : subtractWorkingDays(day, -n);
}
