import { diffParts, type DiffParts } from './view-models/diff-parts';
import { LongText } from './LongText';

/** Expected vs actual with the shared prefix and suffix dimmed and the differing middle marked. */
export function EvidenceDiff({ expected, actual }: { expected: string; actual: string }) {
  if (expected.length + actual.length > 20_000) {
    return (
      <div class="ol-diff">
        <div class="ol-diff-line"><span class="ol-diff-tag">expected</span><LongText text={expected} class="ol-mono" /></div>
        <div class="ol-diff-line"><span class="ol-diff-tag">actual</span><LongText text={actual} class="ol-mono" /></div>
      </div>
    );
  }
  const d = diffParts(expected, actual);
  return (
    <div class="ol-diff">
      <DiffLine side="expected" parts={d} />
      <DiffLine side="actual" parts={d} />
    </div>
  );
}

type Side = 'expected' | 'actual';
const MARK_CLASS: Record<Side, string> = { expected: 'ol-diff-exp', actual: 'ol-diff-act' };

/** One side: the shared prefix and suffix dimmed, its own middle marked (∅ where it has none). */
function DiffLine({ side, parts }: { side: Side; parts: DiffParts }) {
  const middle = parts[side];
  return (
    <div class="ol-diff-line">
      <span class="ol-diff-tag">{side}</span>
      <span class="ol-mono">
        <span class="ol-diff-same">{parts.prefix}</span>
        {middle ? <mark class={MARK_CLASS[side]}>{middle}</mark> : parts.equal ? null : <mark class="ol-diff-gap" title="nothing here">∅</mark>}
        <span class="ol-diff-same">{parts.suffix}</span>
      </span>
    </div>
  );
}
