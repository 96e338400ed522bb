import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../shell/Page';

export interface AccessNoticeProps {
  readonly kind: 'none' | 'not_found' | 'forbidden_page';
  /** Who may open a forbidden page, when it is not only the secretariat. */
  readonly forbiddenBody?: string;
}

/**
 * A page that shows nothing of what was asked for: no access to a document (无权访问), a
 * document that does not exist (文档不存在), or a page for another role. Only the way back.
 */
export function AccessNotice({ kind, forbiddenBody }: AccessNoticeProps): ReactElement {
  const { t } = useTranslation();
  const title =
    kind === 'none'
      ? t('access.noneTitle')
      : kind === 'not_found'
        ? t('access.notFoundTitle')
        : t('access.pageForbidden');
  const body =
    kind === 'none'
      ? t('access.noneBody')
      : kind === 'not_found'
        ? t('access.notFoundBody')
        : (forbiddenBody ?? t('admin.forbidden'));
  return (
    <Page title={title}>
      <section className={`access-notice is-${kind}`} aria-labelledby="access-title">
        <div className="access-icon" aria-hidden="true">
          {kind === 'not_found' ? '?' : '!'}
        </div>
        <h1 id="access-title">{title}</h1>
        <p>{body}</p>
        <Link href="/" className="button is-primary">
          {t('access.backHome')}
        </Link>
      </section>
    </Page>
  );
}
