import {
  isPayloadTooLarge,
  jsonBytes,
  PayloadTooLargeError,
  sendSized,
  utf8Length,
} from "../../src/workbook/request-size";

describe("requests sized by their bytes", () => {
  test("a request's size is its JSON in UTF-8: an accented letter is two bytes, a euro sign three", () => {
    // ["é","€"] is 9 characters: 2 brackets, 4 quotes, 1 comma, é (2 bytes), € (3 bytes) = 12 bytes.
    expect(jsonBytes(["é", "€"])).toBe(12);
    expect(utf8Length("Payée")).toBe(6);
    expect(jsonBytes(undefined)).toBe(0);
  });

  test("rows over the budget go in parts a little under it, each measured", async () => {
    const sent: [number, number][] = [];
    // 100 rows of 10 bytes (1,000 bytes) with a budget of 300: 1,000 / (0.95 × 300) → 4 parts of 25 rows.
    await sendSized(
      0,
      100,
      (_s, c) => c * 10,
      async (s, c) => void sent.push([s, c]),
      300,
    );
    expect(sent).toEqual([
      [0, 25],
      [25, 25],
      [50, 25],
      [75, 25],
    ]);
  });

  test("a part the host refuses for its size is sent again in halves, down to what it takes", async () => {
    const sent: [number, number][] = [];
    // The host takes at most 10 rows a request, whatever the measure said.
    await sendSized(
      0,
      32,
      () => 0,
      async (s, c) => {
        if (c > 10) throw new PayloadTooLargeError("RequestPayloadSizeLimitExceeded", c);
        sent.push([s, c]);
      },
    );
    // 32 → 16 + 16 → 8 + 8 + 8 + 8.
    expect(sent).toEqual([
      [0, 8],
      [8, 8],
      [16, 8],
      [24, 8],
    ]);
  });

  test("a single row the host refuses, and any other error, is thrown", async () => {
    await expect(
      sendSized(
        0,
        1,
        () => 0,
        async () => {
          throw new PayloadTooLargeError("RequestPayloadSizeLimitExceeded", 6_000_000);
        },
      ),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    await expect(
      sendSized(
        0,
        4,
        () => 0,
        async () => {
          throw new Error("InvalidArgument");
        },
      ),
    ).rejects.toThrow("InvalidArgument");
    expect(isPayloadTooLarge({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
    expect(isPayloadTooLarge(new Error("RequestPayloadSizeLimitExceeded"))).toBe(false);
  });
});
