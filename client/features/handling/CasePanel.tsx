import { type ReactElement, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../../../shared/api/attachments';
import { type CaseAnswer, handlingTarget, type Unit } from '../../../shared/api/handling';
import type { DocRecord, Me, Person } from '../../../shared/api/schemas';
import { Action, can, type DocId, Role } from '../../../shared/index';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { errorText } from '../../ui/errorText';
import { useOnline } from '../../ui/hooks/useOnline';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { CaseLog } from './CaseLog';
import { CaseSummary } from './CaseSummary';
import { CaseThread } from './CaseThread';
import { OfficeCaseActions } from './OfficeCaseActions';
import { RatingForm } from './RatingForm';
import { UnitActions } from './UnitActions';

interface Loaded {
  readonly answer: CaseAnswer | null;
  readonly units: readonly Unit[];
  readonly attachments: readonly AttachmentInfo[];
}

/**
 * The 办理 tab of a decided proposal: its number, units, deadlines, answers and ratings, and what
 * the person may do next — the office hands it over, a unit answers, a proposer rates — with the
 * thread between units and proposers and the log (P16-P18, H1-H9). Online only: the case is the
 * server's.
 */
export function CasePanel(props: {
  readonly docId: DocId;
  readonly record: DocRecord;
  readonly me: Me;
  readonly people: readonly Person[];
}): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const isOnline = useOnline();
  const [changed, setChanged] = useState<CaseAnswer | null>(null);
  const loaded = useApiData<Loaded>(
    useCallback(async () => {
      const [answer, units, attachments] = await Promise.all([
        api.handling.getCase(props.docId).catch((err: unknown) => {
          if (hasErrorCode(err, ClientErrorCode.notFound)) {
            return null;
          }
          throw err;
        }),
        api.handling.listUnits(),
        api.attachments.list(props.docId),
      ]);
      setChanged(null);
      return { answer, units, attachments };
    }, [api, props.docId]),
  );
  if (loaded.status === 'loading') {
    return <p className="empty-note">{t('handling.loading')}</p>;
  }
  if (loaded.status === 'failed') {
    return <p className="empty-note">{isOnline ? errorText(loaded.error, t) : t('handling.offline')}</p>;
  }
  const answer = changed ?? loaded.value.answer;
  if (answer === null) {
    return <p className="empty-note">{t('handling.notDecided')}</p>;
  }
  const { units, attachments } = loaded.value;
  const target = handlingTarget(props.record);
  const { me } = props;
  // A new answer may name a letter uploaded just now: read the files again with it.
  const onChanged = (next: CaseAnswer): void => {
    setChanged(next);
    const named = next.case.assignments.flatMap((a) => a.answers.map((x) => x.attachmentId ?? null));
    if (named.some((id) => id !== null && !attachments.some((each) => each.id === id))) {
      loaded.reload();
    }
  };
  const isParty = can(me, Action.discussHandling, target);
  return (
    <div className="case-panel">
      <CaseSummary
        title={props.record.title}
        docId={props.docId}
        answer={answer}
        units={units}
        attachments={attachments}
        people={props.people}
      />
      {can(me, Action.manageHandling, target) ? (
        <OfficeCaseActions docId={props.docId} answer={answer} units={units} onChanged={onChanged} />
      ) : null}
      {me.role === Role.unit && me.unitId !== null && can(me, Action.handleProposal, target) ? (
        <UnitActions docId={props.docId} unitId={me.unitId} answer={answer} onChanged={onChanged} />
      ) : null}
      {answer.stage === 'answered' && can(me, Action.rateAnswer, target) ? (
        <RatingForm docId={props.docId} onChanged={onChanged} />
      ) : null}
      {isParty || me.role === Role.chair ? (
        <CaseThread
          docId={props.docId}
          answer={answer}
          units={units}
          people={props.people}
          canWrite={isParty}
          onChanged={onChanged}
        />
      ) : null}
      <CaseLog answer={answer} units={units} people={props.people} />
    </div>
  );
}
