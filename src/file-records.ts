/**
 * What a run took from a file, kept with the file's status, as git's index keeps one: a later run
 * that finds the same size, modification and change times and inode takes it again without
 * reading the file. Used for the ingest's sources (src/ingest/folder.ts) and the search index's
 * article pages (src/build/search-delta.ts).
 */
import type {Stats} from 'node:fs'

/** `[size, mtimeMs, ctimeMs, ino, taken]`: a file's status when it was read, and what was taken from it. */
export type FileRecord<T> = [size: number, mtimeMs: number, ctimeMs: number, ino: number, taken: T]

/**
 * Files changed within this many milliseconds before a run listed them are not recorded: a later
 * write in the same tick of a coarse clock would leave the same status, so such a file is read
 * again next time.
 */
const SETTLE_MS = 2000

/** Whether a file's status is the one `known` records, and that record can be trusted. `listed`: when the run listed the files. */
export function untouched<T>(stats: Stats, known: FileRecord<T> | undefined, listed: number): known is FileRecord<T> {
  return (
    known !== undefined &&
    !changedJustBefore(stats, listed) &&
    stats.size === known[0] &&
    stats.mtimeMs === known[1] &&
    stats.ctimeMs === known[2] &&
    stats.ino === known[3]
  )
}

/** Whether a file's last change is at least the settle time before `time`, so that its status can be recorded then. */
export function settledBy(stats: Stats, time: number): boolean {
  return !changedJustBefore(stats, time)
}

/** The record of a file just read, with what was taken from it; none for a file changed just before `listed`. */
export function recordOf<T>(stats: Stats, taken: T, listed: number): {record?: FileRecord<T>} {
  return changedJustBefore(stats, listed) ? {} : {record: [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino, taken]}
}

/**
 * The record again with the file's change time now, when nothing else of its status changed
 * (size, modification time, inode): for a change of the file's own doing, such as a hard link
 * made to it, which changes the change time alone. Undefined when anything else changed.
 */
export function withChangeTime<T>(stats: Stats | undefined, record: FileRecord<T>): FileRecord<T> | undefined {
  const same = stats !== undefined && stats.size === record[0] && stats.mtimeMs === record[1] && stats.ino === record[3]
  return same ? [record[0], record[1], stats.ctimeMs, record[3], record[4]] : undefined
}

const changedJustBefore = (stats: Stats, listed: number) => Math.max(stats.mtimeMs, stats.ctimeMs) > listed - SETTLE_MS
