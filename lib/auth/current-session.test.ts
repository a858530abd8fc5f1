import { beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";

const jar = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.value !== undefined && name === "authjs.session-token" ? { name, value: jar.value } : undefined) }),
}));

process.env.PGLITE_DIR = "memory://";
process.env.APP_ORIGIN = "http://localhost:3000";
delete process.env.DATABASE_URL;
const { currentSession } = await import("./current-session");
const { getDb } = await import("@/lib/db/client");
const { env } = await import("@/lib/env");
const { revokeSession } = await import("@/lib/security/session-revocation");

const now = () => Math.floor(Date.now() / 1000);
const SID = "9c2d6f7e-1b3a-4c5d-8e9f-0a1b2c3d4e5f";
const mint = (claims: Record<string, unknown>, maxAge = 900) =>
  encode({ token: { sub: "048090000001", role: "citizen", sid: SID, ...claims }, secret: env().AUTH_SECRET, salt: "authjs.session-token", maxAge });

describe("currentSession: the session every page, action and API reads", () => {
  beforeEach(() => (jar.value = undefined));

  it("reads a live session: the citizen's id and role, and when it lapses if left idle", async () => {
    const lastSeen = now() - 30;
    jar.value = await mint({ authTime: now() - 600, lastSeen, sid: "a7c1e0f2-3b4d-4e5f-8a9b-0c1d2e3f4a5b" });
    const session = await currentSession();
    expect(session?.user).toMatchObject({ id: "048090000001", role: "citizen" });
    expect(Date.parse(session!.expires)).toBeGreaterThan(Date.now());
  });

  it("refuses no cookie, a forged one, an idle one, one past 8 hours, and one whose JWT has expired", async () => {
    const cases = [
      undefined,
      "not-a-jwt",
      await mint({ authTime: now() - 3600, lastSeen: now() - 16 * 60 }),
      await mint({ authTime: now() - 8 * 3600 - 5, lastSeen: now() - 60 }),
      await mint({ authTime: now() - 60, lastSeen: now() - 30 }, -60),
    ];
    for (const value of cases) {
      jar.value = value;
      expect(await currentSession(), String(value)).toBeNull();
    }
  });

  it("refuses a signed-out session at once, though the same cookie was read a moment earlier", async () => {
    jar.value = await mint({ authTime: now() - 60, lastSeen: now() - 30 });
    expect(await currentSession()).not.toBeNull();
    await revokeSession(await getDb(), SID);
    expect(await currentSession()).toBeNull();
  });
});
