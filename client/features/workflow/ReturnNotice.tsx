import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LastReturn, Person } from '../../../shared/api/schemas';
import { peopleById } from '../docs/peopleNames';
import { lastReturnWords } from './lastReturnWords';

/**
 * On a returned document's review bar: the reviewer's reason, who returned it and when, so that
 * the group edits as asked without looking for the notification.
 */
export function ReturnNotice(props: {
  readonly lastReturn: LastReturn;
  readonly people: readonly Person[];
}): ReactElement {
  const { t, i18n } = useTranslation();
  const people = useMemo(() => peopleById(props.people), [props.people]);
  const words = lastReturnWords(props.lastReturn, people, { now: Date.now(), locale: i18n.language, t });
  return (
    <div className="workflow-return" role="note">
      <span className="workflow-return-reason">{words.reason}</span>
      <span className="workflow-return-by">{words.byline}</span>
    </div>
  );
}
