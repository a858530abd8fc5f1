import { describe, expect, it } from "vitest";
import { getService } from "../services/catalogue";
import { renderTemplate } from "../services/render";
import { sampleSmsValues, suppressCounts } from "./dry-run";

const TODAY = "2026-11-23";
const ORIGIN = "https://dichvucong.danang.gov.vn";

describe("the dry run shows no one", () => {
  it("hides counts under 5 per commune and leaves them out of the total", () => {
    const rows = [
      { commune: "Phường Hải Châu", count: 12 },
      { commune: "Phường Thanh Khê", count: 4 },
      { commune: "Phường Sơn Trà", count: 1 },
      { commune: "Xã Bà Nà", count: 5 },
    ];
    expect(suppressCounts(rows, ["Phường Hải Châu", "Phường Thanh Khê", "Xã Bà Nà"])).toEqual({
      total: { count: 17, small: 1 },
      perCommune: [
        { commune: "Phường Hải Châu", count: 12, chosen: true },
        { commune: "Phường Thanh Khê", count: null, chosen: true },
        { commune: "Phường Sơn Trà", count: null, chosen: false },
        { commune: "Xã Bà Nà", count: 5, chosen: true },
      ],
    });
    // Adding a small commune to the choice changes no number shown: it cannot be worked out by difference.
    expect(suppressCounts(rows, ["Phường Hải Châu", "Phường Sơn Trà"]).total).toEqual({ count: 12, small: 1 });
    expect(suppressCounts(rows, ["Phường Hải Châu"]).total).toEqual({ count: 12, small: 0 });
  });

  it("renders the preview SMS from made-up values only", () => {
    const badge = getService("transport-badge-renewal");
    const values = sampleSmsValues(badge, TODAY, ORIGIN);
    expect(values).toMatchObject({ salutation: "anh", firstName: "An", subjectPlate: "43A-000.00", matchCode: "0000" });
    expect(renderTemplate(badge.sms, values)).toContain("43A-000.00");
    const school = getService("school-enrollment");
    expect(sampleSmsValues(school, TODAY, ORIGIN)).toMatchObject({ childFirstName: "Binh" });
    const pension = getService("social-pension");
    expect(sampleSmsValues(pension, TODAY, ORIGIN).salutation).toBe("Ong");
  });
});
