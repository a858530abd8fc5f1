import { describe, expect, it } from "vitest";
import { outcomeOf } from "./outcome";

describe("what an attempt's answer means for the queue", () => {
  it("retries whatever is not a definite answer: no network, a timeout, a server error, a throttle", () => {
    for (const s of ["network", "timeout", 500, 502, 503, 504, 408, 429] as const) expect(outcomeOf(s)).toBe("retry");
  });

  it("keeps the action and asks for sign-in when the session has expired, never drops it as refused", () => {
    expect(outcomeOf(401)).toBe("sign-in");
  });

  it("stops on our route's refusals, which carry a reason to show", () => {
    for (const s of [400, 403, 404, 409, 422]) expect(outcomeOf(s)).toBe("refused");
    expect(outcomeOf(200)).toBe("done");
  });
});
