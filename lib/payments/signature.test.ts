import { describe, expect, it } from "vitest";
import { canonicalQuery, hasValidSignature, signedQuery, singleValued } from "./signature";

const SECRET = "a-merchant-secret-of-at-least-thirty-two-bytes";

describe("gateway signatures (HMAC-SHA512)", () => {
  it("signs the sorted, form-encoded fields and leaves the signature out of what is signed", () => {
    expect(canonicalQuery({ vnp_b: "x y", vnp_a: "Lệ phí", vnp_SecureHash: "ignored", vnp_empty: "" })).toBe(
      "vnp_a=L%E1%BB%87+ph%C3%AD&vnp_b=x+y",
    );
    const params = singleValued(new URLSearchParams(signedQuery({ vnp_Amount: "65000000", vnp_TxnRef: "ABC" }, SECRET)))!;
    expect(params.vnp_SecureHash).toMatch(/^[0-9a-f]{128}$/);
    expect(hasValidSignature(params, SECRET)).toBe(true);
  });

  it("refuses a changed field, another key, a missing or malformed signature, and a repeated field", () => {
    const params = singleValued(new URLSearchParams(signedQuery({ vnp_Amount: "65000000", vnp_TxnRef: "ABC" }, SECRET)))!;
    expect(hasValidSignature({ ...params, vnp_Amount: "100" }, SECRET)).toBe(false);
    expect(hasValidSignature({ ...params, vnp_Extra: "1" }, SECRET)).toBe(false);
    expect(hasValidSignature(params, `${SECRET}x`)).toBe(false);
    expect(hasValidSignature({ ...params, vnp_SecureHash: "" }, SECRET)).toBe(false);
    expect(hasValidSignature({ ...params, vnp_SecureHash: "zz" }, SECRET)).toBe(false);
    expect(singleValued(new URLSearchParams("vnp_Amount=1&vnp_Amount=2"))).toBeUndefined();
  });
});
