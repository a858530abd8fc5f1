import { verifyingKey, keyId } from "@/lib/security/audit-keys";

/** The key that signs audit checkpoints, for an outside auditor to verify them (public; no session). */
export async function GET() {
  const key = verifyingKey();
  return Response.json(
    { alg: "Ed25519", keyId: keyId(key), jwk: key.export({ format: "jwk" }), pem: key.export({ type: "spki", format: "pem" }) },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
}
