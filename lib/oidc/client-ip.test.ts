import { createServer, Server, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientIp, installClientAddressHook, resolveClientAddress, stampClientAddress } from "./client-ip";

describe("resolveClientAddress: forwarded headers only from trusted hops", () => {
  it("is the socket's peer with no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", 0)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4, 5.6.7.8", 0)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", undefined, 0)).toBe("203.0.113.9");
  });

  it("walks back one entry per trusted proxy, and no further than the header goes", () => {
    expect(resolveClientAddress("10.0.0.2", "spoofed, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", "spoofed, 198.51.100.7, 10.0.0.1", 2)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", ["198.51.100.7", "10.0.0.1"], 2)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", "", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7", 5)).toBe("198.51.100.7");
  });
});

describe("clientIp: believes only the server hook's stamp", () => {
  it("reads the stamped address, and not a header the client wrote itself", () => {
    const req = { headers: { "x-forwarded-for": "6.6.6.6", [CLIENT_ADDRESS_HEADER]: "forged 7.7.7.7" }, socket: { remoteAddress: "203.0.113.9" } };
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: "forged 7.7.7.7" }))).toBe("unknown");
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1" }))).toBe("unknown");
    stampClientAddress(req as unknown as IncomingMessage, 0);
    expect(clientIp(new Headers(req.headers as Record<string, string>))).toBe("203.0.113.9");
  });

  describe("on a real HTTP server", () => {
    let server: Server;
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it("stamps each request from its socket before any handler runs", async () => {
      installClientAddressHook(Server, 0);
      const seen: string[] = [];
      server = createServer((req, res) => {
        seen.push(clientIp(new Headers(req.headers as Record<string, string>)));
        res.end();
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      const { port } = server.address() as AddressInfo;
      for (const forged of ["198.51.100.1", "198.51.100.2, 198.51.100.3"]) {
        await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": forged, [CLIENT_ADDRESS_HEADER]: "x 198.51.100.4" } });
      }
      expect(seen).toEqual(["127.0.0.1", "127.0.0.1"]);
    });
  });
});
