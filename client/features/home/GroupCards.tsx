import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Role, type UserId } from '../../../shared';
import type { DocRecord, Group, Person } from '../../../shared/api/schemas';
import { namesOf } from '../docs/peopleNames';

export interface GroupCardsProps {
  readonly groups: readonly Group[];
  readonly docs: readonly DocRecord[];
  readonly people: ReadonlyMap<UserId, Person>;
}

/** One card per group: its name, conveners, how many members and documents. */
export function GroupCards({ groups, docs, people }: GroupCardsProps): ReactElement {
  const { t } = useTranslation();
  return (
    <ul className="group-cards">
      {groups.map((group) => {
        const count = docs.filter((doc) => doc.groupId === group.id && !doc.isArchived).length;
        const conveners = group.memberIds.filter((id) => people.get(id)?.role === Role.convener);
        return (
          <li key={group.id}>
            <Link href={`/g/${group.id}`} className="group-card">
              <span className="group-card-name">{group.name}</span>
              <span className="group-card-meta">
                {t('home.groupDocs', { count })} · {t('home.groupMembers', { count: group.memberIds.length })}
              </span>
              {conveners.length === 0 ? null : (
                <span className="group-card-meta">
                  {t('role.convener')}：{namesOf(conveners, people, t)}
                </span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
