/** A potential match: one tab per candidate, the two records side by side with the explanation, and the merge-choices notice. */
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import type { TaskCandidateView } from '../../../../server/contracts/stewardship';
import { TabList, tabPanelProps } from '../../ui/Tabs';
import { MatchCompare, type SurvivorChoice } from './MatchCompare';
import { MergeChoicesNotice } from './MergeChoicesNotice';
import { chosenAttributes } from './taskDecisionState';

export function PotentialMatchPanel(props: {
  subject: GoldenRecordView;
  candidates: ReadonlyArray<{ record: GoldenRecordView; view: TaskCandidateView }>;
  candidateIndex: number;
  onCandidate: (index: number) => void;
  choices: Record<string, SurvivorChoice>;
  /** Set when the steward may decide: choosing survivors and the merge-choices notice. */
  onChoose?: (choices: Record<string, SurvivorChoice>) => void;
  isKeepingChoices: boolean;
  onKeepingChoices: (isKeeping: boolean) => void;
}) {
  const { subject, candidates, candidateIndex } = props;
  const candidate = candidates[candidateIndex]?.record;
  const candidateView = candidates[candidateIndex]?.view;
  return (
    <>
      {candidates.length > 1 && (
        <TabList
          label="Candidates"
          idPrefix="candidates"
          tabs={candidates.map((_, index) => ({ id: String(index), label: `Candidate ${index + 1}` }))}
          selected={String(candidateIndex)}
          onSelect={(id) => props.onCandidate(Number(id))}
        />
      )}
      <div {...(candidates.length > 1 ? tabPanelProps('candidates', String(candidateIndex)) : {})}>
        {candidate === undefined ? (
          <p className="muted">The candidate records no longer exist (merged or retired since).</p>
        ) : (
          <MatchCompare
            subject={subject}
            candidate={candidate}
            explanation={candidateView?.explanation}
            explanationBasis={candidateView?.explanationBasis}
            decisionExplanation={candidateView?.decisionExplanation}
            score={candidateView?.score}
            band={candidateView?.band}
            choices={props.choices}
            onChoose={props.onChoose}
          />
        )}
      </div>
      {props.onChoose !== undefined && candidate !== undefined && (
        <MergeChoicesNotice chosen={chosenAttributes(props.choices)} isKeeping={props.isKeepingChoices} onChange={props.onKeepingChoices} />
      )}
    </>
  );
}
