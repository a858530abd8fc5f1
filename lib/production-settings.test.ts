import { describe, expect, it, vi } from "vitest";
import { DEMO_SECRETS } from "./env";
import { estimatedBits, productionProblems, refusalMessage } from "./production-settings";

const strong = {
  AUTH_SECRET: "q3X9v0mZt2Lr8cB1yN5wHd7Kp4Fs6Gj0Ua2Ee9Ti3Ro=",
  VNEID_CLIENT_SECRET: "f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff01",
  ENGINE_TOKEN: "Zr7+Qm2/Lx9pVb4Nc6Ht1Wk8Ys3Dg5Fj0Ae2Io7Uu4=",
  SMS_INBOUND_SECRET: "Hn4+Tq8/Vz1pWc6Mb3Kd9Xs2Ef7Gj5La0Ry4Uo8Ii2=",
};

describe("production settings", () => {
  it("names every unset, demo or weak secret under NODE_ENV=production outside demo mode", () => {
    expect(productionProblems({ NODE_ENV: "production" })).toEqual([
      { name: "AUTH_SECRET", problem: "unset" },
      { name: "VNEID_CLIENT_SECRET", problem: "unset" },
      { name: "ENGINE_TOKEN", problem: "unset" },
      { name: "SMS_INBOUND_SECRET", problem: "unset" },
    ]);
    expect(productionProblems({ NODE_ENV: "production", DEMO_MODE: "false", ...DEMO_SECRETS })).toEqual([
      { name: "AUTH_SECRET", problem: "demo" },
      { name: "VNEID_CLIENT_SECRET", problem: "demo" },
      { name: "ENGINE_TOKEN", problem: "demo" },
      { name: "SMS_INBOUND_SECRET", problem: "demo" },
    ]);
    const weak = {
      AUTH_SECRET: "0123456789abcdef0123456789abcdef",
      VNEID_CLIENT_SECRET: "x".repeat(80),
      ENGINE_TOKEN: "correct horse battery staple",
      SMS_INBOUND_SECRET: "sms-gateway-secret",
    };
    expect(productionProblems({ NODE_ENV: "production", ...weak }).map((p) => p.problem)).toEqual(["weak", "weak", "weak", "weak"]);
  });

  it("accepts 32 random bytes however they are written, and leaves development, tests and the demo alone", () => {
    expect(productionProblems({ NODE_ENV: "production", ...strong })).toEqual([]);
    expect(productionProblems({ NODE_ENV: "production", DEMO_MODE: "true" })).toEqual([]);
    expect(productionProblems({ NODE_ENV: "development" })).toEqual([]);
    expect(productionProblems({ NODE_ENV: "test" })).toEqual([]);
    expect(productionProblems({ NODE_ENV: "production", DEMO_MODE: "yes" })).toHaveLength(4);
  });

  it("estimates base64 and hex of 32 random bytes at 256 bits or more, 16 bytes and words below", () => {
    expect(estimatedBits(strong.AUTH_SECRET)).toBeGreaterThanOrEqual(256);
    expect(estimatedBits(strong.VNEID_CLIENT_SECRET)).toBeGreaterThanOrEqual(256);
    expect(estimatedBits("0123456789abcdef0123456789abcdef")).toBeLessThan(256);
    expect(estimatedBits("ab".repeat(100))).toBe(0);
  });

  it("says what is wrong with each and how to generate a value", () => {
    const message = refusalMessage(productionProblems({ NODE_ENV: "production", AUTH_SECRET: DEMO_SECRETS.AUTH_SECRET, ENGINE_TOKEN: "short-token-here" }));
    expect(message).toMatch(/AUTH_SECRET is the demo value/);
    expect(message).toMatch(/VNEID_CLIENT_SECRET is not set/);
    expect(message).toMatch(/ENGINE_TOKEN is too weak/);
    expect(message).toMatch(/SMS_INBOUND_SECRET is not set/);
    expect(message.match(/openssl rand -base64 32/g)).toHaveLength(4);
  });
});

describe("instrumentation: start-up", () => {
  it("exits 78 with the refusal under production with the demo defaults", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DEMO_MODE", undefined);
    for (const [k, v] of Object.entries(DEMO_SECRETS)) vi.stubEnv(k, v);
    const exit = vi.spyOn(process, "exit").mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { register } = await import("../instrumentation");
    await expect(register()).rejects.toThrow("exit 78");
    expect(exit).toHaveBeenCalledWith(78);
    expect(String(error.mock.calls[0]?.[0])).toMatch(/AUTH_SECRET[\s\S]*VNEID_CLIENT_SECRET[\s\S]*ENGINE_TOKEN/);
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
});
