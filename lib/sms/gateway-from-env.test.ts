import { describe, expect, it } from "vitest";
import { gatewayFor, parseSmsConfig } from "./gateway-from-env";

describe("SMS gateway settings", () => {
  it("uses the simulator by default in demo mode", () => {
    const config = parseSmsConfig({}, true);
    expect(config).toEqual({ SMS_GATEWAY: "simulator" });
    expect(gatewayFor(config).name).toBe("simulator");
  });

  it("makes a production deployment choose its gateway", () => {
    expect(() => parseSmsConfig({}, false)).toThrow(/SMS_GATEWAY/);
  });

  it("builds the HTTP gateway from its URL and token", () => {
    const config = parseSmsConfig({ SMS_GATEWAY: "http", SMS_HTTP_URL: "https://sms.example.vn/v1/messages", SMS_HTTP_TOKEN: "secret-token" }, false);
    expect(config).toMatchObject({ SMS_GATEWAY: "http", SMS_HTTP_TIMEOUT_MS: 10_000 });
    expect(gatewayFor(config).name).toBe("http");
  });

  it("rejects an HTTP gateway without a usable URL or token, without echoing the values", () => {
    const problem = (source: Record<string, string>) => {
      try {
        parseSmsConfig(source, true);
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problem({ SMS_GATEWAY: "http", SMS_HTTP_URL: "https://sms.example.vn" })).toMatch(/at SMS_HTTP_TOKEN/);
    expect(problem({ SMS_GATEWAY: "http", SMS_HTTP_URL: "ftp://sms.example.vn", SMS_HTTP_TOKEN: "hunter2-secret" })).toMatch(/at SMS_HTTP_URL/);
    expect(problem({ SMS_GATEWAY: "carrier-pigeon", SMS_HTTP_TOKEN: "hunter2-secret" })).toMatch(/at SMS_GATEWAY/);
    expect(problem({ SMS_GATEWAY: "http", SMS_HTTP_URL: "ftp://sms.example.vn", SMS_HTTP_TOKEN: "hunter2-secret" })).not.toContain("hunter2");
  });
});
