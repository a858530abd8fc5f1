/** 048090000001 → 0480•••••001: enough to recognise, not enough to reuse. */
export function maskPersonalId(id: string): string {
  return id.length === 12 ? `${id.slice(0, 4)}•••••${id.slice(9)}` : "•".repeat(id.length);
}

/** 0905000001 → 0905•••001 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 4)}•••${phone.slice(-3)}` : "•".repeat(phone.length);
}
