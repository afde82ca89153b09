// base64.StdEncoding errors (offsets checked against Go's encoding/base64).
import { expect, it } from "vitest";
import { goBase64Error } from "./go-base64.ts";

it.each([
  ["", null],
  ["aGVsbG8=", null],
  ["YQ==", null],
  ["YWJ=", null],
  ["YQ==\n", null],
  ["YQ\n==", null],
  ["YW\r\nJj", null],
  ["aGVsbG8", 4],
  ["hunter2", 4],
  ["YWJj=", 4],
  ["YQ=", 3],
  ["YQ", 0],
  ["Y", 0],
  ["YQ==YQ==", 4],
  ["=", 0],
  ["====", 0],
  ["YW=j", 2],
  ["YWJjZA=", 7],
  ["é", 0],
  ["a b", 1],
  ["aGVsbG8gd29ybGQ!", 15],
])("%j", (s, offset) => {
  expect(goBase64Error(s)).toBe(offset === null ? null : `illegal base64 data at input byte ${offset}`);
});
