// Splits work on many cells into syncs that stay under Excel on the web's 5 MB request and
// response limits, and halves a batch the host refused for its size.
import type { XlContext } from './xl-types';
import { errorCode } from './errors';

/** "Excel on the web limits requests and responses to 5 MB" (Excel JavaScript API performance). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What a batch may be estimated at: 4/5 of the limit, for a margin over the estimate. */
export const BATCH_BUDGET = Math.floor(PAYLOAD_LIMIT * 0.8);

/**
 * A request "combines the number of API calls, the number of objects, such as Range objects,
 * [and] the length of the value to set or get" (same page). Office.js sends every object path
 * and every action as a JSON record of about 100–150 bytes before its arguments; these round
 * that up, so that a per-cell `getRange(a).format.fill` costs three paths and its load an action.
 */
export const PATH_BYTES = 150;
export const ACTION_BYTES = 90;

/** The host refused the batch for its size before running any of it: smaller is safe to retry. */
export const SIZE_CODES = ['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded'];

/** Groups `items` in order so that each group's estimated cost stays within `budget`. */
export function chunkBy<T>(items: T[], cost: (t: T) => number, budget = BATCH_BUDGET): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let sum = 0;
  for (const it of items) {
    const c = cost(it);
    if (cur.length && sum + c > budget) {
      out.push(cur);
      cur = [];
      sum = 0;
    }
    cur.push(it);
    sum += c;
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Runs `queue` on each chunk and syncs; `queue` returns a reader called after its sync. A chunk
 * the host refuses for its size (nothing of it ran) is halved and retried. Only for batches whose
 * every action may run twice harmlessly or not at all: reads, or writes of fixed values.
 */
export async function inChunks<T, R>(
  ctx: XlContext,
  items: T[],
  cost: (t: T) => number,
  queue: (chunk: T[]) => () => R[],
  budget = BATCH_BUDGET,
): Promise<R[]> {
  const out: R[] = [];
  const pending = chunkBy(items, cost, budget);
  while (pending.length) {
    const chunk = pending.shift()!;
    const read = queue(chunk);
    try {
      await ctx.sync();
    } catch (e) {
      if (!SIZE_CODES.includes(errorCode(e)) || chunk.length < 2) throw e;
      const half = Math.ceil(chunk.length / 2);
      pending.unshift(chunk.slice(0, half), chunk.slice(half));
      continue;
    }
    out.push(...read());
  }
  return out;
}

/** The request cost of `paths` new object paths and `actions` actions carrying `args`. */
export function requestCost(paths: number, actions: number, args: unknown): number {
  return paths * PATH_BYTES + actions * ACTION_BYTES + utf8Length(JSON.stringify(args ?? null));
}

/** Bytes of `s` in UTF-8, as it travels: a Cyrillic letter is two. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7ff && (c < 0xd800 || c > 0xdfff)) n += 2;
    else if (c > 0x7f) n += 1;
  }
  return n;
}
