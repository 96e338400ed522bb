import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocStatus } from '../../../shared';

export interface DocStatusTagProps {
  readonly status: DocStatus;
  readonly isArchived?: boolean;
}

/** 草稿 / 审阅中 / 已退回 / 已通过 / 已立案, each in its own colour; 已归档 beside it. */
export function DocStatusTag({ status, isArchived }: DocStatusTagProps): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      <span className={`status-tag is-${status}`}>{t(`status.${status}`)}</span>
      {isArchived === true ? <span className="status-tag is-archived">{t('docs.archived')}</span> : null}
    </>
  );
}
