import type { Db } from "../db/client";
import { citizens, deathNotices, familyRelations, licences, schools, socialProtectionList } from "../db/schema";
import { hashPasscode } from "../auth/passcode";
import { addDays } from "../dates";
import { DEMO_PASSCODE } from "./demo-world";

// Registry rows that make each of the 19 proposed services prepare dossiers in the demo (Kế hoạch
// 92/KH-UBND's growth to 27). Kept apart from seedDemoWorld so the pilot world's tests keep their counts.
// Citizen ids end 0000051–0000099.

const DA_NANG = "Thành phố Đà Nẵng";

/** The day someone of `age` on `today + days` was born. */
const bornTurning = (today: string, age: number, days: number) => {
  const birthday = addDays(today, days);
  return `${Number(birthday.slice(0, 4)) - age}${birthday.slice(4)}`;
};

export const growthPersonas = {
  bay: "048080000051",
  khoi: "048320000052",
  mai: "048185000053",
  thu: "048301000054",
  tung: "048209000055",
  luu: "048151000056",
  tho: "048036000057",
  han: "048315000058",
  ngoc: "048320000059",
  lai: "048082000060",
  sau: "048170000061",
  ho: "048075000062",
  ngu: "048092000063",
  tu: "048045000067",
  hanh: "048178000068",
  nam: "048148000069",
  nghia: "048066000070",
  cong: "048048000071",
  duc: "048312000072",
} as const;

export async function seedGrowthWorld(db: Db, today: string): Promise<void> {
  const passcodeHash = await hashPasscode(DEMO_PASSCODE);
  const year = Number(today.slice(0, 4));
  const g = growthPersonas;
  const person = (
    id: string,
    fullName: string,
    birthDate: string,
    sex: "male" | "female",
    phone: string | null,
    commune = "Phường Hải Châu",
    addressLine = "15 Bạch Đằng",
  ): typeof citizens.$inferInsert => ({
    id,
    fullName,
    birthDate,
    sex,
    phone,
    passcodeHash: phone ? passcodeHash : null,
    addressLine,
    commune,
    province: DA_NANG,
    hometown: `${commune}, ${DA_NANG}`,
  });
  await db.insert(citizens).values([
    // Reserved for the proposal journey (e2e/service-proposal.spec.ts): turns 80 in ten days.
    person(g.bay, "Trương Văn Bảy", bornTurning(today, 80, 10), "male", "0905000051", "Phường Hải Châu", "9 Hùng Vương"),
    person(g.mai, "Phan Thị Mai", "1985-03-14", "female", "0905000053"),
    person(g.khoi, "Phan Minh Khôi", bornTurning(today, 14, 10), "male", null),
    person(g.han, "Phan Gia Hân", `${year - 11}-01-15`, "female", null),
    person(g.ngoc, "Phan Bảo Ngọc", bornTurning(today, 6, 12), "female", null),
    // Turns 14 in five months: on his mother's household page, not prepared yet.
    person(g.duc, "Phan Minh Đức", bornTurning(today, 14, 150), "male", null),
    person(g.thu, "Lý Thị Thu", bornTurning(today, 25, 8), "female", "0905000054", "Phường Thanh Khê", "40 Hà Huy Tập"),
    // Turns 17 in the year of the next April registration (prepared from March, late until 30 May), on a
    // summer birthday: the rule follows the calendar year, not the birthday.
    person(g.tung, "Hồ Văn Tùng", `${(today.slice(5) <= "05-30" ? year : year + 1) - 17}-08-20`, "male", "0905000055", "Phường Sơn Trà", "3 Ngô Quyền"),
    person(g.luu, "Nguyễn Thị Lựu", bornTurning(today, 75, 15), "female", "0905000056", "Phường Thanh Khê", "12 Điện Biên Phủ"),
    person(g.tho, "Trần Văn Thọ", bornTurning(today, 90, 20), "male", "0905000057"),
    person(g.lai, "Đoàn Văn Lái", "1982-08-20", "male", "0905000060", "Phường Sơn Trà", "77 Ngô Quyền"),
    person(g.sau, "Lê Thị Sáu", "1970-10-02", "female", "0905000061", "Phường Hải Châu", "5 Hàn Thuyên"),
    person(g.ho, "Võ Văn Hộ", "1975-05-05", "male", "0905000062", "Phường Hòa Cường", "21 Núi Thành"),
    person(g.ngu, "Lâm Văn Ngư", "1992-12-12", "male", "0905000063", "Phường Sơn Trà", "Âu thuyền Thọ Quang"),
    person(g.tu, "Nguyễn Văn Tư", "1945-02-11", "male", null),
    person(g.hanh, "Nguyễn Thị Hạnh", "1978-07-07", "female", "0905000068"),
    person(g.nam, "Lê Thị Năm", "1941-04-04", "female", null),
    person(g.nghia, "Đỗ Văn Nghĩa", "1966-09-09", "male", "0905000070", "Xã Hòa Vang", "Thôn La Bông"),
    person(g.cong, "Huỳnh Văn Công", "1948-01-19", "male", "0905000071"),
  ]);
  await db.insert(familyRelations).values(
    [g.khoi, g.han, g.ngoc, g.duc].flatMap((child) => [
      { citizenId: g.mai, relativeId: child, relation: "child" as const },
      { citizenId: child, relativeId: g.mai, relation: "parent" as const },
    ]),
  );
  const licence = (kind: string, number: string, holderId: string, issuer: string, expiresIn: number, more: Partial<typeof licences.$inferInsert> = {}) => ({
    kind,
    number,
    holderId,
    issuer,
    expiresOn: addDays(today, expiresIn),
    ...more,
  });
  await db.insert(licences).values([
    licence("driving", "480123456789", g.lai, "Công an thành phố Đà Nẵng", 45, { scope: "B" }),
    licence("passport", "P01234567", g.lai, "Cục Quản lý xuất nhập cảnh", 120),
    licence("food-safety", "ATTP-048-0091", g.sau, "Ban Quản lý An toàn thực phẩm Đà Nẵng", 100, { address: "5 Hàn Thuyên, Phường Hải Châu" }),
    licence("health-insurance", "HGD-048-0062", g.ho, "Bảo hiểm xã hội thành phố Đà Nẵng", 20),
    licence("building-permit", "GPXD-048-2026-0062", g.ho, "UBND phường Hòa Cường", 20, { address: "21 Núi Thành, Phường Hòa Cường" }),
    licence("temporary-residence", "TT-048-0063", g.ngu, "Công an phường Sơn Trà", 10, { address: "Âu thuyền Thọ Quang, Phường Sơn Trà" }),
    licence("fishing", "GPKT-048-0063", g.ngu, "Sở Nông nghiệp và Môi trường Đà Nẵng", 20, { subject: "ĐNa-90123-TS" }),
  ]);
  await db.insert(deathNotices).values([
    { certificateNo: `BTV-${year}-048-0067`, deceasedId: g.tu, declarantId: g.hanh, diedOn: addDays(today, -3), place: "Bệnh viện Đà Nẵng", pensioner: "yes", pensionNo: "4801234567" },
    { certificateNo: `BTV-${year}-048-0069`, deceasedId: g.nam, declarantId: g.hanh, diedOn: addDays(today, -5), place: "Tại nhà, 15 Bạch Đằng", socialAllowance: "yes" },
  ]);
  await db.insert(socialProtectionList).values([
    { listName: "disability", year, householdHeadId: g.nghia, category: "severe", members: 1, commune: "Xã Hòa Vang" },
    { listName: "merit-people", year, householdHeadId: g.cong, category: "", members: 1, commune: "Phường Hải Châu" },
  ]);
  await db.insert(schools).values([
    { name: "Trường THCS Nguyễn Huệ", commune: "Phường Hải Châu", address: "42 Lê Lợi, Phường Hải Châu", level: "lower-secondary" },
    { name: "Trường THCS Trưng Vương", commune: "Phường Hải Châu", address: "2 Quang Trung, Phường Hải Châu", level: "lower-secondary" },
  ]);
}
