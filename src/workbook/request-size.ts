/**
 * Request sizes. Excel on the web refuses a request or a response over 5 MB
 * (`RequestPayloadSizeLimitExceeded`, `ResponsePayloadSizeLimitExceeded`;
 * docs/office.md#bulk-work-in-the-task-pane), and portable formulas are long: 10,000 rows × 6 formula cells are 17–22 MB of JSON. Every read and
 * write is therefore sized by its serialized bytes, not by its rows, and a refusal is retried in halves.
 */

/** What one request may carry: under Excel on the web's 5 MB, with room for the request's own wrapping. */
export const REQUEST_BUDGET_BYTES = 4_000_000;

/** The size Excel on the web refuses (the in-memory host and the fake Excel refuse it too). */
export const HOST_PAYLOAD_LIMIT_BYTES = 5_000_000;

/** Excel's error codes for a request or a response over its size limit. */
export const PAYLOAD_ERROR_CODES = [
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
] as const;

export type PayloadErrorCode = (typeof PAYLOAD_ERROR_CODES)[number];

/** What the in-memory host throws where Excel on the web would refuse a request: the same code. */
export class PayloadTooLargeError extends Error {
  constructor(
    readonly code: PayloadErrorCode,
    readonly bytes: number,
  ) {
    super(`${code}: ${bytes} bytes, over the ${HOST_PAYLOAD_LIMIT_BYTES}-byte limit`);
    this.name = "PayloadTooLargeError";
  }
}

/** Whether an error is a host's refusal of a request or response for its size (Office.js errors carry `code`). */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (PAYLOAD_ERROR_CODES as readonly string[]).includes(code);
}

const encoder = typeof TextEncoder === "undefined" ? undefined : new TextEncoder();

/** UTF-8 length of a string: the bytes it takes in a request. */
export function utf8Length(text: string): number {
  if (encoder) return encoder.encode(text).length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // A surrogate pair: 4 bytes for its 2 UTF-16 units (counted once each already).
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** The bytes a value takes as JSON in a request: a fair measure of what Office.js sends. */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value));
}

/**
 * Runs `send` over rows [start, start + count) in as few parts as the budget allows, each part's size
 * measured by `bytesOf` (split further while a part is over the budget), and retries a part the host
 * refuses for its size in halves, down to a single row (whose refusal is thrown).
 */
export async function sendSized(
  start: number,
  count: number,
  bytesOf: (start: number, count: number) => number,
  send: (start: number, count: number) => Promise<void>,
  budget: number = REQUEST_BUDGET_BYTES,
): Promise<void> {
  if (count <= 0) return;
  const bytes = bytesOf(start, count);
  if (bytes > budget && count > 1) {
    // Parts a little under the budget each (measured again: rows differ in length, and a request
    // wraps its cells in a few bytes of its own).
    const parts = Math.min(count, Math.ceil(bytes / (0.95 * budget)));
    const size = Math.ceil(count / parts);
    for (let s = start; s < start + count; s += size)
      await sendSized(s, Math.min(size, start + count - s), bytesOf, send, budget);
    return;
  }
  try {
    await send(start, count);
  } catch (e) {
    if (!isPayloadTooLarge(e) || count <= 1) throw e;
    const half = Math.ceil(count / 2);
    await sendSized(start, half, bytesOf, send, budget / 2);
    await sendSized(start + half, count - half, bytesOf, send, budget / 2);
  }
}
