import { readFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import QRCode from "qrcode";

/** What the printed result shows, already in the reader's language. */
export interface ResultDocument {
  republic: string;
  motto: string;
  title: string;
  agency: string;
  rows: { label: string; value: string }[];
  verifyLabel: string;
  verifyUrl: string;
}

// DejaVu Sans (Debian fonts-dejavu-core, Bitstream Vera licence, see assets/fonts) covers every Vietnamese letter.
const FONT_DIR = path.join(process.cwd(), "assets", "fonts");
let fonts: Promise<[Buffer, Buffer]> | undefined;
const loadFonts = () =>
  (fonts ??= Promise.all([readFile(path.join(FONT_DIR, "DejaVuSans.ttf")), readFile(path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))]));

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = rgb(0.12, 0.16, 0.22);

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The result as an A4 PDF rendered on the server, with the fonts subset into the file. */
export async function renderResultPdf(doc: ResultDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await loadFonts();
  const regular = await pdf.embedFont(regularBytes, { subset: true });
  const bold = await pdf.embedFont(boldBytes, { subset: true });
  pdf.setTitle(doc.title);
  pdf.setProducer("Chủ Động");
  const page = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;

  const centred = (p: PDFPage, text: string, font: PDFFont, size: number) => {
    for (const line of wrap(text, font, size, A4.width - 2 * MARGIN)) {
      p.drawText(line, { x: (A4.width - font.widthOfTextAtSize(line, size)) / 2, y, size, font, color: INK });
      y -= size * 1.4;
    }
  };

  centred(page, doc.republic.toUpperCase(), bold, 12);
  centred(page, doc.motto, bold, 12);
  y -= 28;
  centred(page, doc.title.toUpperCase(), bold, 16);
  centred(page, doc.agency, regular, 12);
  y -= 20;
  for (const row of doc.rows) {
    page.drawText(row.label, { x: MARGIN, y, size: 10, font: regular, color: rgb(0.35, 0.35, 0.35) });
    y -= 16;
    for (const line of wrap(row.value, bold, 13, A4.width - 2 * MARGIN)) {
      page.drawText(line, { x: MARGIN, y, size: 13, font: bold, color: INK });
      y -= 18;
    }
    y -= 8;
  }
  const qr = await pdf.embedPng(await QRCode.toBuffer(doc.verifyUrl, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 300 }));
  const side = 120;
  y -= side;
  page.drawImage(qr, { x: (A4.width - side) / 2, y, width: side, height: side });
  y -= 18;
  centred(page, `${doc.verifyLabel} ${doc.verifyUrl}`, regular, 9);
  return pdf.save();
}
