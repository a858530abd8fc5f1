const MAX_ERROR_CHARS = 300;

/** An error text fit to store: gateways' texts may echo the recipient, and last_error must hold no phone numbers. */
export function safeErrorText(text: string): string {
  return text
    .replace(/\+?\d[\d .-]{6,}\d/g, "[number]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_ERROR_CHARS);
}
