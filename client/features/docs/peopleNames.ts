import type { TFunction } from 'i18next';
import type { UserId } from '../../../shared';
import type { Person } from '../../../shared/api/schemas';

/** Names shown in a list before "等 N 人". */
const MAX_NAMES = 3;

/** A lookup of people by id, from the workspace. */
export function peopleById(people: readonly Person[]): ReadonlyMap<UserId, Person> {
  return new Map(people.map((person) => [person.id, person]));
}

/** The name of one person; "未知成员" for someone this device does not know (left the committee). */
export function nameOf(id: UserId | null, people: ReadonlyMap<UserId, Person>, t: TFunction): string {
  return id === null ? t('common.unknownPerson') : (people.get(id)?.name ?? t('common.unknownPerson'));
}

/** "张委员、李委员、王委员 等 5 人". */
export function namesOf(ids: readonly UserId[], people: ReadonlyMap<UserId, Person>, t: TFunction): string {
  const names = ids.slice(0, MAX_NAMES).map((id) => nameOf(id, people, t));
  const text = names.join(t('common.listSeparator'));
  return ids.length > MAX_NAMES ? `${text} ${t('common.more', { count: ids.length })}` : text;
}
