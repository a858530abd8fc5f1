import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { renderResultPdf } from "./result-pdf";

describe("the result as a server-rendered PDF", () => {
  it("renders Vietnamese text into a one-page A4 PDF with the fonts embedded", async () => {
    const bytes = await renderResultPdf({
      republic: "Cộng hòa xã hội chủ nghĩa Việt Nam",
      motto: "Độc lập – Tự do – Hạnh phúc",
      title: "Giấy khai sinh, xác nhận đăng ký thường trú và thẻ BHYT của bé",
      agency: "Tư pháp – Hộ tịch, UBND phường Hải Châu",
      rows: [
        { label: "Người được cấp", value: "Nguyễn Minh Khang" },
        { label: "Số giấy khai sinh", value: "000123/2026/KS-HC" },
      ],
      verifyLabel: "Kiểm tra tại",
      verifyUrl: "http://localhost:3000/verify/abcdefghijkl",
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe("Giấy khai sinh, xác nhận đăng ký thường trú và thẻ BHYT của bé");
    // Subset TrueType fonts are embedded, so the file renders the same without system fonts.
    const objects = pdf.context.enumerateIndirectObjects().map(([, o]) => o.toString().slice(0, 400));
    expect(objects.filter((o) => o.includes("/FontFile2"))).toHaveLength(2);
    expect(bytes.length).toBeLessThan(200_000);
  });
});
