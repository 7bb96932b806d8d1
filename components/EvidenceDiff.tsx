import { diffParts } from './diff-parts';
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
      <div class="ol-diff-line">
        <span class="ol-diff-tag">expected</span>
        <span class="ol-mono">
          <span class="ol-diff-same">{d.prefix}</span>
          {d.expected ? <mark class="ol-diff-exp">{d.expected}</mark> : d.equal ? null : <mark class="ol-diff-gap" title="nothing here">∅</mark>}
          <span class="ol-diff-same">{d.suffix}</span>
        </span>
      </div>
      <div class="ol-diff-line">
        <span class="ol-diff-tag">actual</span>
        <span class="ol-mono">
          <span class="ol-diff-same">{d.prefix}</span>
          {d.actual ? <mark class="ol-diff-act">{d.actual}</mark> : d.equal ? null : <mark class="ol-diff-gap" title="nothing here">∅</mark>}
          <span class="ol-diff-same">{d.suffix}</span>
        </span>
      </div>
    </div>
  );
}
