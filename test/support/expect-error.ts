import type { ApiResult } from './api';

/** The operation failed with exactly one error, of `code`, whose message matches. */
export function expectError(result: ApiResult, code: string, message: RegExp): void {
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(result.errors?.[0]?.message).toMatch(message);
}
