/**
 * Đà Nẵng's communes and wards the platform knows, once: every one has a one-stop centre that hands
 * over results "phi địa giới"; `pilot` marks the 16 where the proactive pilot ran (the seed's rollout).
 */
export const communes = [
  { name: "Phường Hải Châu", pilot: true },
  { name: "Phường Hòa Cường", pilot: true },
  { name: "Phường Thanh Khê", pilot: true },
  { name: "Phường An Khê", pilot: true },
  { name: "Phường Sơn Trà", pilot: true },
  { name: "Phường An Hải", pilot: true },
  { name: "Phường Ngũ Hành Sơn", pilot: true },
  { name: "Phường Hòa Khánh", pilot: true },
  { name: "Phường Liên Chiểu", pilot: true },
  { name: "Phường Hải Vân", pilot: true },
  { name: "Phường Cẩm Lệ", pilot: true },
  { name: "Phường Hòa Xuân", pilot: true },
  { name: "Phường Hội An", pilot: true },
  { name: "Phường Tam Kỳ", pilot: true },
  { name: "Xã Hòa Vang", pilot: true },
  { name: "Xã Hòa Tiến", pilot: false },
  { name: "Xã Bà Nà", pilot: true },
] as const;

export type CommuneName = (typeof communes)[number]["name"];

/** Every commune's one-stop centre, in the list's order (a tuple, so z.enum can take it). */
export const oneStopCentres = communes.map((c) => c.name) as [CommuneName, ...CommuneName[]];

/** The pilot's communes: where the seed switches the catalogue on. */
export const PILOT_COMMUNES: readonly CommuneName[] = communes.filter((c) => c.pilot).map((c) => c.name);
