import type { TFunction } from 'i18next';
import type { UserId } from '../../../shared';
import type { LastReturn, Person } from '../../../shared/api/schemas';
import { formatTime } from '../docs/formatTime';
import { nameOf } from '../docs/peopleNames';

/** How a document's last return reads: the reason, and who returned it when. */
export interface LastReturnWords {
  /** 「退回理由：请补充近三年的数据」 */
  readonly reason: string;
  /** 「王主席 12月4日 退回」 */
  readonly byline: string;
  /** Both on one line, for a document list: 「王主席 12月4日 退回：请补充近三年的数据」 */
  readonly line: string;
}

export function lastReturnWords(
  lastReturn: LastReturn,
  people: ReadonlyMap<UserId, Person>,
  options: { readonly now: number; readonly locale: string; readonly t: TFunction },
): LastReturnWords {
  const { t } = options;
  const name = nameOf(lastReturn.actorId, people, t);
  const time = formatTime(lastReturn.at, options.now, options.locale, t);
  return {
    reason: t('workflow.lastReturn.reason', { reason: lastReturn.reason }),
    byline: t('workflow.lastReturn.by', { name, time }),
    line: t('workflow.lastReturn.row', { name, time, reason: lastReturn.reason }),
  };
}
