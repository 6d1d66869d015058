// The arithmetic of a download's deadline (web/download.mjs), apart from any
// timer or network so that Node's test runner can check it (tests/js/).
//
//   deadlineOf(0, 1_000_000, 10_000)      -> 20_000  (10 s of grace + 1 MB at 100 kB/s)
//   judge({started: 0, now: 4000, seen: 100_000, expected: 1_000_000, deadline: 20_000})
//                                         -> {rate: 25, tooSlow: true}  (40 s at this rate)

export const MIN_BYTES_PER_S = 100_000; // the slowest network a start waits for
export const JUDGE_AFTER_MS = 3_000; // a rate seen over less than this is not judged

// When a download that started at `started` (ms) and announced `expected`
// bytes (0: it did not say) must have ended: `stallMs` of grace plus the time
// its bytes take at MIN_BYTES_PER_S.
export function deadlineOf(started, expected, stallMs) {
  return started + stallMs + (1000 * expected) / MIN_BYTES_PER_S;
}

// After `seen` bytes of `expected` have arrived by `now`: the rate so far (kB/s,
// as bytes per ms) and whether the download is to be given up, because the
// deadline has passed or, once JUDGE_AFTER_MS have gone by, because the rate
// so far would finish after it.
export function judge({ started, now, seen, expected, deadline }) {
  const elapsed = now - started;
  const projected = expected && seen > 0 && seen < expected ? started + (elapsed * expected) / seen : now;
  const rate = Math.round(seen / Math.max(elapsed, 1));
  return { rate, tooSlow: now > deadline || (elapsed > JUDGE_AFTER_MS && projected > deadline) };
}
