import { describe, expect, it } from "vitest";
import { ABSOLUTE_TIMEOUT_SECONDS, continueSession, IDLE_TIMEOUT_SECONDS, needsTouch, sessionVerdict, startSession } from "./session-policy";

const T0 = 1_800_000_000; // a fixed clock: seconds
const never = async () => false;

describe("session lifetime (the jwt callback's rule, on a fake clock)", () => {
  it("starts every sign-in with a new session id, even over an existing token", () => {
    const a = startSession({ sub: "048090000001" }, T0);
    const b = startSession({ ...a }, T0 + 5);
    expect(a.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.sid).not.toBe(a.sid);
    expect(b).toMatchObject({ authTime: T0 + 5, lastSeen: T0 + 5 });
  });

  it("keeps a session alive while it is used, and records the activity", async () => {
    let token = startSession({ sub: "048090000001" }, T0);
    for (let t = T0 + 600; t < T0 + 3 * 3600; t += 600) {
      const next = await continueSession(token, t, never);
      expect(next, `at +${t - T0}s`).not.toBeNull();
      expect(next!.lastSeen).toBe(t);
      token = next!;
    }
  });

  it("ends it after 15 minutes without activity", async () => {
    const token = startSession({ sub: "048090000001" }, T0);
    expect(await continueSession(token, T0 + IDLE_TIMEOUT_SECONDS, never)).not.toBeNull();
    expect(await continueSession(token, T0 + IDLE_TIMEOUT_SECONDS + 1, never)).toBeNull();
    expect(sessionVerdict(token, T0 + IDLE_TIMEOUT_SECONDS + 1)).toEqual({ ok: false, reason: "idle" });
  });

  it("ends it 8 hours after sign-in however active it is", async () => {
    let token = startSession({ sub: "048090000001" }, T0);
    let t = T0;
    while (t + 300 <= T0 + ABSOLUTE_TIMEOUT_SECONDS) {
      t += 300;
      token = (await continueSession(token, t, never))!;
      expect(token).not.toBeNull();
    }
    expect(await continueSession(token, T0 + ABSOLUTE_TIMEOUT_SECONDS + 1, never)).toBeNull();
    expect(sessionVerdict(token, T0 + ABSOLUTE_TIMEOUT_SECONDS + 1)).toEqual({ ok: false, reason: "absolute" });
  });

  it("refuses a revoked session id, and asks only about this one", async () => {
    const token = startSession({ sub: "048090000001" }, T0);
    const asked: string[] = [];
    const revoked = async (sid: string) => (asked.push(sid), sid === token.sid);
    expect(await continueSession(token, T0 + 1, revoked)).toBeNull();
    expect(asked).toEqual([token.sid]);
  });

  it("refuses tokens without our claims (older cookies) and tokens from the future", async () => {
    expect(await continueSession({ sub: "048090000001" }, T0, never)).toBeNull();
    expect(await continueSession({ sid: "short", authTime: T0, lastSeen: T0 }, T0, never)).toBeNull();
    expect(await continueSession({ sid: "3b1f0c2e-6a4e-4d0e-9d7b-1a2b3c4d5e6f", authTime: "x", lastSeen: T0 }, T0, never)).toBeNull();
    const forged = { sid: "3b1f0c2e-6a4e-4d0e-9d7b-1a2b3c4d5e6f", authTime: T0 + 3600, lastSeen: T0 + 3600 };
    expect(sessionVerdict(forged, T0)).toEqual({ ok: false, reason: "future" });
  });

  it("asks the proxy to refresh the cookie at most once a minute, and never for a dead session", () => {
    const token = startSession({}, T0);
    expect(needsTouch(token, T0 + 30)).toBe(false);
    expect(needsTouch(token, T0 + 60)).toBe(true);
    expect(needsTouch(token, T0 + IDLE_TIMEOUT_SECONDS + 1)).toBe(false);
  });
});
