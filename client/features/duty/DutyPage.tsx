import { type ReactElement, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MemberYearAnswer } from '../../../shared/api/duty';
import { parseUserId, type UserId } from '../../../shared/index';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { Page } from '../shell/Page';
import { BookRecords } from './BookRecords';
import { FactTimeline } from './FactTimeline';
import { RegistrationForm } from './RegistrationForm';
import { ReviewActions } from './ReviewActions';
import { ScoreBreakdown } from './ScoreBreakdown';
import { ScoreCard } from './ScoreCard';
import { useYearParam, YearPicker } from './YearPicker';

function YearBody({ answer, reload }: { readonly answer: MemberYearAnswer; readonly reload: () => void }) {
  const isOwn = answer.may.write;
  return (
    <div className="duty-layout">
      <div className="duty-column">
        <ScoreCard answer={answer} />
        <RegistrationForm key={`${answer.member.id}-${answer.year}`} answer={answer} onChanged={reload} />
        <ReviewActions answer={answer} onChanged={reload} />
      </div>
      <div className="duty-column">
        <ScoreBreakdown answer={answer} />
        <FactTimeline answer={answer} isOwn={isOwn} onChanged={reload} />
        <BookRecords answer={answer} />
      </div>
    </div>
  );
}

interface MemberYearViewProps {
  readonly userId: UserId | null;
}

/** One member's year: the caller's own (userId null, 我的履职) or another's as their convener or the office reads it. */
function MemberYearView({ userId }: MemberYearViewProps): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const isOnline = useOnline();
  const [year, setYear] = useYearParam();
  const data = useApiData(
    useCallback(
      () => (userId === null ? api.duty.myYear(year) : api.duty.memberYear(userId, year)),
      [api, userId, year],
    ),
  );
  const answer = data.status === 'ready' ? data.value : null;
  const title =
    userId === null || answer === null ? t('duty.title') : t('duty.memberTitle', { name: answer.member.name });
  return (
    <Page title={title} className="is-wide duty-page">
      <div className="page-head">
        <h1>{title}</h1>
        <YearPicker year={year} onChange={setYear} />
      </div>
      {userId === null ? (
        <p className="section-note">{t('duty.lead')}</p>
      ) : (
        <p className="section-note">
          <Link href={`/duty/committee?year=${year}`}>{t('duty.backToCommittee')}</Link>
          {answer === null || answer.member.groupNames.length === 0
            ? null
            : ` · ${t('duty.groups', { names: answer.member.groupNames.join(t('common.listSeparator')) })}`}
        </p>
      )}
      {isOnline ? null : <p className="notice is-warning">{t('duty.needsOnline')}</p>}
      <FormError message={data.status === 'failed' ? errorText(data.error, t) : null} />
      {data.status === 'loading' ? <p className="empty-note">{t('common.loading')}</p> : null}
      {answer === null ? null : <YearBody answer={answer} reload={data.reload} />}
    </Page>
  );
}

/** `/duty` (我的履职): the signed-in member's own year. */
export function MyDutyPage(): ReactElement {
  return <MemberYearView userId={null} />;
}

/** `/duty/members/:userId?year=`: a member's year in read mode, with what the reader may do on it. */
export function MemberDutyPage({ userIdText }: { readonly userIdText: string }): ReactElement {
  const { t } = useTranslation();
  const userId = parseUserId(userIdText);
  if (userId === null) {
    return (
      <Page title={t('notFound.message')}>
        <p className="page-notice">{t('notFound.message')}</p>
      </Page>
    );
  }
  return <MemberYearView key={userId} userId={userId} />;
}
