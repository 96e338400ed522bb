import type { Person } from '../../../shared/api/schemas';

/**
 * Whether a person matches what the secretariat typed in the search box: part of the name, of
 * the username, or the start of the name's pinyin initials (林国栋 → lgd), ignoring case and
 * spaces. `initials` is null while the pinyin dictionary loads.
 */
export function matchesPerson(person: Person, query: string, initials: string | null): boolean {
  const wanted = query.replace(/\s+/g, '').toLowerCase();
  if (wanted === '') {
    return true;
  }
  return (
    person.name.replace(/\s+/g, '').toLowerCase().includes(wanted) ||
    person.username.includes(wanted) ||
    initials?.startsWith(wanted) === true
  );
}
