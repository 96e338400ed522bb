import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberYearAnswer } from '../../../shared/api/duty';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { nameOf, peopleById } from '../docs/peopleNames';
import { dateText } from '../handling/caseModel';
import { stateLines } from './bookModel';

/** The form's state (草稿 / 已提交 / 召集人已确认 / 办公室已确认) with who confirmed it and when. */
export function BookState({ book }: { readonly book: MemberYearAnswer['book'] }): ReactElement {
  const { t, i18n } = useTranslation();
  const people = peopleById(useWorkspace()?.people ?? []);
  return (
    <div className="duty-state">
      <span className={`duty-state-tag is-${book.state}`} data-testid="duty-state">
        {t(`duty.state.${book.state}`)}
      </span>
      {stateLines(book).map((line) => (
        <span key={line.key} className="duty-state-line">
          {t(`duty.state.${line.key}`, {
            name: line.by === null ? '' : nameOf(line.by, people, t),
            date: dateText(line.at, i18n.language),
          })}
        </span>
      ))}
    </div>
  );
}
