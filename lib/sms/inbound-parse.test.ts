import { describe, expect, it } from "vitest";
import { MAX_REPLY_CHARS, parseReply, tidyReply } from "./inbound-parse";

describe("parsing a citizen's SMS reply", () => {
  it("reads the keywords whatever their case and marks, with the dossier's match code", () => {
    expect(parseReply("TEN 4821 Nguyễn Minh Khang")).toEqual({ kind: "name", match: "4821", name: "Nguyễn Minh Khang" });
    expect(parseReply("tên 4821 Nguyễn Minh Khang")).toEqual({ kind: "name", match: "4821", name: "Nguyễn Minh Khang" });
    expect(parseReply("Ten 4821 nguyễn minh khang")).toEqual({ kind: "name", match: "4821", name: "nguyễn minh khang" });
    expect(parseReply("xn 4821 123456")).toEqual({ kind: "confirm", match: "4821", code: "123456" });
    expect(parseReply("XN 4821")).toEqual({ kind: "confirm", match: "4821" });
    expect(parseReply("Xác nhận 4821")).toEqual({ kind: "unknown" });
    expect(parseReply("xacnhan 4821 123 456")).toEqual({ kind: "confirm", match: "4821", code: "123456" });
    expect(parseReply("Không 4821")).toEqual({ kind: "decline", match: "4821" });
    expect(parseReply("KHONG 4821")).toEqual({ kind: "decline", match: "4821" });
    expect(parseReply("hd")).toEqual({ kind: "help" });
    expect(parseReply("  HĐ  ")).toEqual({ kind: "help" });
  });

  it("tells apart an unknown keyword, a bad match code, a missing name and a malformed code", () => {
    expect(parseReply("Chào")).toEqual({ kind: "unknown" });
    expect(parseReply("")).toEqual({ kind: "unknown" });
    expect(parseReply("TEN Nguyễn Minh Khang")).toEqual({ kind: "malformed", problem: "match", keyword: "TEN" });
    expect(parseReply("XN 482")).toEqual({ kind: "malformed", problem: "match", keyword: "XN" });
    expect(parseReply("KHONG")).toEqual({ kind: "malformed", problem: "match", keyword: "KHONG" });
    expect(parseReply("TEN 4821")).toEqual({ kind: "malformed", problem: "name", match: "4821" });
    expect(parseReply("XN 4821 12345")).toEqual({ kind: "malformed", problem: "code", match: "4821" });
    expect(parseReply("XN 4821 12a456")).toEqual({ kind: "malformed", problem: "code", match: "4821" });
  });

  it("reads NFD like NFC, drops zero-width characters, folds full-width digits and odd spaces", () => {
    const nfd = "TEN 4821 Nguyễn Minh Khang".normalize("NFD");
    expect(parseReply(nfd)).toEqual({ kind: "name", match: "4821", name: "Nguyễn Minh Khang" });
    expect(parseReply("X\u200bN\u00a0４８２１ \ufeff１２３４５６")).toEqual({ kind: "confirm", match: "4821", code: "123456" });
    expect(parseReply("TEN\u20034821\nNguyễn\u200d Minh\tKhang")).toEqual({ kind: "name", match: "4821", name: "Nguyễn Minh Khang" });
    expect(tidyReply("Ｘｎ")).toBe("Xn");
  });

  it("refuses a text longer than three segments instead of trimming it", () => {
    expect(parseReply(`TEN 4821 ${"A ".repeat(MAX_REPLY_CHARS)}`)).toEqual({ kind: "tooLong" });
    expect(parseReply(`HD${" ".repeat(10_000)}`)).toEqual({ kind: "help" });
  });
});
