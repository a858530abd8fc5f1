import QRCode from "qrcode";

/** An SVG QR code, rendered on the server so the phone downloads no QR library. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}
