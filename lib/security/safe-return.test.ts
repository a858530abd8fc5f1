import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

process.env.APP_ORIGIN = "https://dichvu.danang.gov.vn";
const { safeReturnPath, safeReturnUrl } = await import("./safe-return");

describe("safeReturnPath: a path on APP_ORIGIN or the fallback", () => {
  it.each([
    ["/\t/evil.example", "tab (browsers strip it: //evil.example)"],
    ["/\n/evil.example", "newline"],
    ["/\r\n/evil.example", "CR LF"],
    ["/\u0000/evil.example", "NUL"],
    ["/\\evil.example", "backslash"],
    ["/\\/evil.example", "slash backslash"],
    ["//evil.example", "protocol-relative"],
    ["///evil.example", "triple slash"],
    ["/%09/evil.example", "encoded tab"],
    ["/%2F/evil.example", "encoded slash"],
    ["/%5Cevil.example", "encoded backslash"],
    ["/%2f%2fevil.example", "encoded double slash"],
    ["/%E0%A4%A", "malformed percent-encoding"],
    ["https://evil.example/", "absolute"],
    ["http://dichvu.danang.gov.vn/officer", "our host, other scheme"],
    ["https://dichvu.danang.gov.vn/officer", "absolute, even our own origin (a path only)"],
    ["javascript:alert(1)", "script URL"],
    ["evil.example", "no leading slash"],
    ["", "empty"],
    [`/${"a".repeat(3000)}`, "overlong"],
  ])("refuses %j (%s)", (value) => {
    expect(safeReturnPath(value, "/fallback")).toBe("/fallback");
  });

  it("refuses what is not a string", () => {
    for (const value of [undefined, null, 42, ["/officer"], new File([], "x")]) expect(safeReturnPath(value, "/f")).toBe("/f");
  });

  it("keeps an ordinary path with its query and fragment", () => {
    expect(safeReturnPath("/officer/dossiers/HS-2026-000001?done=1#top")).toBe("/officer/dossiers/HS-2026-000001?done=1#top");
    expect(safeReturnPath("/dossiers")).toBe("/dossiers");
    expect(safeReturnPath("/tìm?q=Đà Nẵng")).toBe("/t%C3%ACm?q=%C4%90%C3%A0%20N%E1%BA%B5ng");
  });

  it("normalises dot segments without leaving the origin", () => {
    expect(safeReturnPath("/a/../officer")).toBe("/officer");
    expect(safeReturnPath("/../../etc")).toBe("/etc");
  });
});

describe("safeReturnUrl (Auth.js's redirect callback)", () => {
  it("keeps our own absolute URLs and paths, and sends everything else home", () => {
    expect(safeReturnUrl("https://dichvu.danang.gov.vn/dossiers?x=1")).toBe("https://dichvu.danang.gov.vn/dossiers?x=1");
    expect(safeReturnUrl("/staff/home")).toBe("https://dichvu.danang.gov.vn/staff/home");
    expect(safeReturnUrl("https://evil.example/dossiers")).toBe("https://dichvu.danang.gov.vn/");
    expect(safeReturnUrl("/\t/evil.example")).toBe("https://dichvu.danang.gov.vn/");
    expect(safeReturnUrl("not a url")).toBe("https://dichvu.danang.gov.vn/");
  });
});

describe("every return target goes through the gate", () => {
  const ROOT = path.resolve(import.meta.dirname, "../..");
  const files = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) && !e.name.includes(".test.") ? [`${dir}/${e.name}`] : [],
    );

  it("each file that reads a callbackUrl or next target imports safeReturnPath", () => {
    const readers = [...files("app"), ...files("components"), ...files("lib")].filter((f) => {
      const src = readFileSync(path.join(ROOT, f), "utf8");
      return /get\("(?:callbackUrl|next)"\)|\bcallbackUrl\b.*searchParams|query\.object\(\{[^}]*callbackUrl/.test(src);
    });
    expect(readers.length).toBeGreaterThanOrEqual(5);
    for (const f of readers) expect(readFileSync(path.join(ROOT, f), "utf8"), f).toMatch(/safeReturnPath/);
  });
});
