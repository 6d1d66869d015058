// A download's deadline and the verdict on its rate (web/deadline.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";
import { deadlineOf, judge, JUDGE_AFTER_MS, MIN_BYTES_PER_S } from "../../web/deadline.mjs";

test("the deadline is the grace for a stall plus the announced bytes at the slowest rate", () => {
  assert.equal(deadlineOf(0, 1_000_000, 10_000), 20_000);
  assert.equal(deadlineOf(500, 0, 3_000), 3_500); // no Content-Length: the grace alone
  assert.equal(deadlineOf(0, MIN_BYTES_PER_S * 30, 10_000), 40_000);
});

test("a rate that would finish after the deadline is given up once it has been seen long enough", () => {
  const slow = { started: 0, seen: 100_000, expected: 1_000_000, deadline: 20_000 };
  assert.deepEqual(judge({ ...slow, now: 4_000 }), { rate: 25, tooSlow: true }); // 40 s at this rate
  assert.equal(judge({ ...slow, now: JUDGE_AFTER_MS - 1 }).tooSlow, false); // too early to judge
});

test("a download on time, or of unknown size before its deadline, goes on", () => {
  assert.equal(judge({ started: 0, now: 4_000, seen: 600_000, expected: 1_000_000, deadline: 20_000 }).tooSlow, false);
  assert.equal(judge({ started: 0, now: 9_000, seen: 10, expected: 0, deadline: 10_000 }).tooSlow, false);
  assert.equal(judge({ started: 0, now: 10_001, seen: 10, expected: 0, deadline: 10_000 }).tooSlow, true);
});

test("a server that sends more than it announced is judged by the clock alone", () => {
  const verdict = judge({ started: 0, now: 5_000, seen: 2_000_000, expected: 1_000_000, deadline: 20_000 });
  assert.deepEqual(verdict, { rate: 400, tooSlow: false });
});
