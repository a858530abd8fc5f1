/** The carrier's public tracking page for a postal tracking number (VNPost EMS numbers: EB123456789VN). */
export function trackingUrl(trackingNo: string): string | undefined {
  if (!/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(trackingNo)) return undefined;
  return `https://vnpost.vn/vi-vn/dinh-vi/buu-pham?key=${trackingNo}`;
}
