import type { StepReport } from '../lib/model/analysis';
import type { Finding } from '../lib/model/finding';
import { EvidenceDiff } from './EvidenceDiff';
import { SEVERITY_LABEL } from './view-models/format';
import { Icon } from './Icon';
import { LongText } from './LongText';
import { SpecLinks } from './SpecLinks';
import { checkById } from '../lib/checks/index';
import { catalogHref, specLinks } from './view-models/spec-link';

export interface FindingCardProps {
  finding: Finding;
  step: StepReport | null;
  /** The card belongs to the step selected in the timeline. */
  current?: boolean;
  onShowStep?(index: number): void;
}

function SpecRefs({ check, spec }: { check: string; spec: string }) {
  const links = specLinks(check, spec);
  return (
    <span class="ol-spec">
      <SpecLinks links={links} />
    </span>
  );
}

export function FindingCard({ finding, step, current, onShowStep }: FindingCardProps) {
  const where = finding.step === null ? 'whole flow' : step ? `step ${finding.step + 1} · ${step.kind}` : `step ${finding.step + 1}`;
  return (
    <article class={`ol-finding ol-sev-border-${finding.severity}${current ? ' ol-current' : ''}`} aria-label={`${SEVERITY_LABEL[finding.severity]}: ${finding.title}`}>
      <header class="ol-finding-head">
        <Icon name={finding.severity} class={`ol-sev-${finding.severity}`} title={SEVERITY_LABEL[finding.severity]} />
        <h3 class="ol-finding-title">{finding.title}</h3>
      </header>
      <div class="ol-finding-meta">
        <span class="ol-mono">{finding.check}</span>
        <span class="ol-dot">·</span>
        {finding.step !== null && onShowStep ? (
          <button type="button" class="ol-link-button" onClick={() => onShowStep(finding.step!)}>
            {where}
          </button>
        ) : (
          <span>{where}</span>
        )}
      </div>
      <p class="ol-finding-msg">
        <LongText text={finding.message} />
      </p>
      {finding.evidence.length ? (
        <table class="ol-evidence">
          <tbody>
            {finding.evidence.map((ev, i) => (
              <tr key={i}>
                <th scope="row">{ev.label}</th>
                <td>
                  {ev.expected !== undefined ? <EvidenceDiff expected={ev.expected} actual={ev.value} /> : <LongText text={ev.value} class="ol-mono" />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {finding.cause ? (
        <p class="ol-finding-cause">
          <strong>Likely cause: </strong>
          {finding.cause}
        </p>
      ) : null}
      <p class="ol-finding-fix">
        <strong>Fix: </strong>
        {finding.fix}
      </p>
      {finding.spec ? (
        <p class="ol-finding-spec">
          <strong>Spec: </strong>
          <SpecRefs check={finding.check} spec={finding.spec} />
        </p>
      ) : null}
      {checkById(finding.check) ? (
        <p class="ol-finding-about">
          <a href={catalogHref(finding.check)} target="_blank" rel="noreferrer noopener">
            About this check in the catalog
          </a>
        </p>
      ) : null}
    </article>
  );
}
