/**
 * The tagger's label set: IOB2 over three entity types.
 *
 * Labels are small integers inside the tagger (fast arrays) and strings at the
 * edges. The order below is part of the model file format: do not reorder.
 */

/** The three entity types the tagger recognises. */
export type EntityType = 'PER' | 'LOC' | 'ORG'

/** One IOB2 label. */
export type Label = 'O' | 'B-PER' | 'I-PER' | 'B-LOC' | 'I-LOC' | 'B-ORG' | 'I-ORG'

/** All entity types, in model order. */
export const entityTypes: readonly EntityType[] = ['PER', 'LOC', 'ORG']

/** All labels; the index of a label is its id in the model. */
export const labels: readonly Label[] = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG']

/** Number of labels. */
export const labelCount = labels.length

/** Id of a label string (its index in `labels`). */
export function labelId(label: Label): number {
  return labels.indexOf(label)
}

/**
 * Whether label `next` may follow label `previous` in IOB2.
 *
 * Takes label ids (`previous` = -1 for the start of a sentence); an `I-X` may
 * only continue a `B-X` or `I-X`, everything else may follow anything.
 */
export function isAllowedTransition(previous: number, next: number): boolean {
  const label = labels[next]
  if (label === undefined || !label.startsWith('I-')) return true
  if (previous < 0) return false
  const before = labels[previous]
  return before !== undefined && before !== 'O' && before.slice(2) === label.slice(2)
}

/**
 * Whether a whole label sequence is valid IOB2 (no `I-X` without a `B-X`/`I-X` before it).
 *
 * Takes label strings; returns true when every transition is allowed.
 */
export function isValidIob2(sequence: readonly string[]): boolean {
  let previous = -1
  for (const label of sequence) {
    const id = labels.indexOf(label as Label)
    if (id < 0) return false
    if (!isAllowedTransition(previous, id)) return false
    previous = id
  }
  return true
}
