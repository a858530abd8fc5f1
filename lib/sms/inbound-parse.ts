import { unaccentVi } from "./salutation";

/** What a citizen's SMS asks for. Keywords are case- and accent-insensitive; the name keeps its marks. */
export type InboundCommand =
  | { kind: "help" }
  | { kind: "name"; match: string; name: string }
  | { kind: "confirm"; match: string; code?: string }
  | { kind: "decline"; match: string }
  | { kind: "malformed"; problem: "match"; keyword: "TEN" | "XN" | "KHONG" }
  | { kind: "malformed"; problem: "name" | "code"; match: string }
  | { kind: "tooLong" }
  | { kind: "unknown" };

/** The longest reply we read: three concatenated segments. Anything longer is refused, not trimmed. */
export const MAX_REPLY_CHARS = 480;

// Zero-width and invisible formatting characters phones and keyboards slip in.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
const KEYWORDS: Record<string, "TEN" | "XN" | "KHONG" | "HD"> = {
  TEN: "TEN",
  XN: "XN",
  XACNHAN: "XN",
  KHONG: "KHONG",
  KO: "KHONG",
  HD: "HD",
  HUONGDAN: "HD",
};

/**
 * One tidy form of any text: compatibility forms folded (full-width digits and letters, no-break spaces),
 * invisible characters dropped, marks composed (NFD and NFC read alike), spaces collapsed.
 */
export function tidyReply(text: string): string {
  return text.normalize("NFKC").replace(INVISIBLE, "").normalize("NFC").replace(/\s+/g, " ").trim();
}

export function parseReply(raw: string): InboundCommand {
  const text = tidyReply(raw);
  if (text.length > MAX_REPLY_CHARS) return { kind: "tooLong" };
  const [first = "", second, ...rest] = text.split(" ");
  const keyword = KEYWORDS[unaccentVi(first).toUpperCase().replace(/[.:,;!]+$/, "")];
  if (!keyword) return { kind: "unknown" };
  if (keyword === "HD") return { kind: "help" };
  if (!second || !/^\d{4}$/.test(second)) return { kind: "malformed", problem: "match", keyword };
  const match = second;
  switch (keyword) {
    case "TEN": {
      const name = rest.join(" ");
      return name ? { kind: "name", match, name } : { kind: "malformed", problem: "name", match };
    }
    case "XN": {
      if (rest.length === 0) return { kind: "confirm", match };
      const code = rest.join("");
      return /^\d{6}$/.test(code) ? { kind: "confirm", match, code } : { kind: "malformed", problem: "code", match };
    }
    case "KHONG":
      return { kind: "decline", match };
  }
}
