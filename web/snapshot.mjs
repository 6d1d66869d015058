// The build-time memory snapshot of the Python runtime (clusterlab already
// imported; tools/make_snapshot.mjs): its manifest, its download, and the copy
// kept for return visits.  Used by worker.mjs, bundled with it at build time.

import { DownloadError } from "./download.mjs";
import { statusDetail } from "./status_line.js";

// The snapshot file leaves out the heap's pages of zeros (about half of it):
// it holds the other bytes back to back, and the manifest's runs, [offset,
// length] pairs, say where each stretch goes in the heap.

// A function that puts the file's next bytes where they belong in `heap`, and
// says whether the heap is complete.  Bytes beyond the runs reject.
export function placer(heap, runs) {
  let run = 0;
  let within = 0;
  return (chunk) => {
    for (let from = 0; from < chunk.length; ) {
      if (run === runs.length) throw new Error(statusDetail("wrongSize"));
      const [offset, length] = runs[run];
      const n = Math.min(length - within, chunk.length - from);
      heap.set(chunk.subarray(from, from + n), offset + within);
      from += n;
      within += n;
      if (within === length) [run, within] = [run + 1, 0];
    }
    return run === runs.length;
  };
}

// After the first start, the unpacked snapshot is kept in the origin private
// file system, which a worker reads synchronously straight into place: a
// return visit neither downloads nor unpacks it.  The copy is named after the
// snapshot's SHA-256 (from the manifest), so it can only ever be read with the
// manifest it was written for.  One copy is kept.
const KEPT_PREFIX = "clusterlab-snapshot-";
const keptName = (manifest) => `${KEPT_PREFIX}${manifest.sha256}.bin`;
const shippedBytes = (runs) => runs.reduce((sum, [, length]) => sum + length, 0);

// The origin's file system can take a while to answer the first time, so it is
// asked for first thing; null where there is none (old browser, private mode).
export const keptFolder = () => navigator.storage?.getDirectory?.().catch(() => null) ?? Promise.resolve(null);

// Open the kept copy for reading, or resolve to null if there is none (or it
// is locked by another tab's write).
async function openKept(folder, manifest) {
  try {
    const file = await (await folder).getFileHandle(keptName(manifest));
    // read-only lets two tabs read at once; a browser without that option takes
    // an exclusive lock, and a second tab then downloads instead.
    return await file.createSyncAccessHandle({ mode: "read-only" });
  } catch {
    return null;
  }
}

// Fill `heap` from the kept copy (an open handle, or null), closing it; false
// if that fails.  A copy of the wrong size is deleted.
async function readKept(folder, manifest, handle, heap) {
  if (!handle) return false;
  let ok = false;
  try {
    if (handle.getSize() === shippedBytes(manifest.runs)) {
      let at = 0;
      ok = true;
      for (const [offset, length] of manifest.runs) {
        if (handle.read(heap.subarray(offset, offset + length), { at }) !== length) ok = false;
        at += length;
      }
    }
  } catch {
    ok = false;
  } finally {
    handle.close();
  }
  if (!ok) await forgetKept(folder, manifest);
  return ok;
}

const KEEP_SLICE = 4 << 20; // bytes written before giving way to a run

// Keep the unpacked snapshot for the next visit.  Resolves to null once kept,
// or to why it could not be (no private file system, say, or no room left),
// in words that read in the status line; a failed write leaves nothing behind.
export async function keepForNextVisit(folder, manifest, heap) {
  const dir = await folder;
  if (!dir) return statusDetail("noStorage");
  // Written under a name of its own and renamed once complete, so a tab closed
  // while writing never leaves a truncated copy behind, and two tabs never
  // write the same file.
  const temporary = `${KEPT_PREFIX}${crypto.randomUUID()}.part`;
  try {
    for await (const name of dir.keys()) {
      if (name.startsWith(KEPT_PREFIX)) await dir.removeEntry(name).catch(() => {}); // another tab's write is locked
    }
    const part = await dir.getFileHandle(temporary, { create: true });
    const handle = await part.createSyncAccessHandle();
    try {
      // In slices, giving way between them: a cell run asked for meanwhile (often the
      // reader's first, right at "ready") starts at once instead of after the whole write.
      let at = 0;
      let gaveWayAt = 0;
      for (const [offset, length] of manifest.runs) {
        for (let start = offset; start < offset + length; start += KEEP_SLICE) {
          at += handle.write(heap.subarray(start, Math.min(start + KEEP_SLICE, offset + length)), { at });
          if (at - gaveWayAt >= KEEP_SLICE) {
            gaveWayAt = at;
            await new Promise((resolve) => setTimeout(resolve));
          }
        }
      }
      handle.flush();
    } finally {
      handle.close();
    }
    await part.move(keptName(manifest));
    return null;
  } catch (error) {
    await dir.removeEntry(temporary).catch(() => {}); // best effort: the next visit downloads
    return error?.name === "QuotaExceededError" ? statusDetail("storageFull") : String(error?.message || error);
  }
}

export async function forgetKept(folder, manifest) {
  try {
    await (await folder).removeEntry(keptName(manifest));
  } catch {
    /* nothing kept */
  }
}

// The snapshot's manifest says which Pyodide and clusterlab it was made from,
// the heap's size and where the file's bytes go.  A missing or mismatched one
// rejects (boot() also compares the Pyodide version), before Pyodide starts.
export async function readManifest(cfg) {
  const response = await fetch(cfg.snapshot.manifest);
  if (!response.ok) throw new Error(statusDetail("manifestMissing", { status: response.status }));
  const manifest = await response.json();
  if (manifest.archive !== cfg.version) throw new Error(statusDetail("otherVersion"));
  const { bytes, runs } = manifest;
  let end = 0;
  const valid =
    Number.isSafeInteger(bytes) &&
    bytes > 0 &&
    Array.isArray(runs) &&
    runs.every(([offset, length]) => {
      const ok = Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset >= end && length > 0;
      end = offset + length;
      return ok;
    }) &&
    end <= bytes &&
    /^[0-9a-f]{64}$/.test(manifest.sha256);
  if (!valid) throw new Error(statusDetail("badManifest"));
  return manifest;
}

// The snapshot's unpacked bytes, chunk by chunk, calling onProgress(percent)
// in steps of 10 as the download goes.
async function* unpack(url, signal, onProgress) {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(statusDetail("snapshotMissing", { status: response.status }));
  const total = Number(response.headers.get("Content-Length")) || 0;
  let seen = 0;
  let shown = -1;
  const counted = new TransformStream({
    transform(chunk, controller) {
      seen += chunk.length;
      const step = total ? Math.min(10, Math.floor((10 * seen) / total)) : -1;
      if (step > shown) onProgress(10 * (shown = step));
      controller.enqueue(chunk);
    },
  });
  // DecompressionStream checks gzip's CRC, so a damaged download fails while reading.
  const reader = response.body.pipeThrough(counted).pipeThrough(new DecompressionStream("gzip")).getReader();
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (error instanceof DownloadError) throw error; // stalled, too slow or cut off
      throw new Error(statusDetail("notGzip"));
    }
    if (chunk.done) return;
    yield chunk.value;
  }
}

// Fill `heap`, a zeroed buffer of the manifest's size, with the build-time
// memory snapshot (clusterlab already imported): from the kept copy, or
// downloaded and unpacked as it streams in.  Damage rejects with a reason that
// reads after "the snapshot was not used:".  Resolves to true if the bytes
// were the kept copy.
export async function fillSnapshot(cfg, folder, manifest, heap, { signal, onProgress }) {
  if (await readKept(folder, manifest, await openKept(folder, manifest), heap)) return true;
  const place = placer(heap, manifest.runs);
  let complete = false;
  for await (const chunk of unpack(cfg.snapshot.file, signal, onProgress)) complete = place(chunk);
  if (!complete) throw new Error(statusDetail("wrongSize"));
  return false;
}
