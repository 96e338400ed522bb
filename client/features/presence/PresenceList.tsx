import { type ReactElement, useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import {
  type KnownPerson,
  knownPeopleOf,
  type PresenceUser,
  readPresenceUser,
  shownPresence,
} from '../../core/presence';
import { useWorkspace } from '../../ui/hooks/useWorkspace';

interface Person extends PresenceUser {
  readonly clientId: number;
}

/** Everyone with the document open, this device included, one entry per person (not per tab). */
function readPeople(awareness: Awareness, known: ReadonlyMap<string, KnownPerson>): Person[] {
  const byPerson = new Map<string, Person>();
  for (const [clientId, state] of awareness.getStates()) {
    const declared = readPresenceUser(state.user);
    if (declared === null) {
      continue;
    }
    const user = shownPresence(declared, known);
    const key = user.userId === '' ? `client:${clientId}` : user.userId;
    const seen = byPerson.get(key);
    if (seen === undefined || (user.isTyping && !seen.isTyping)) {
      byPerson.set(key, { ...user, clientId: seen?.clientId ?? clientId });
    }
  }
  return [...byPerson.values()].sort((a, b) => a.clientId - b.clientId);
}

function samePeople(a: readonly Person[], b: readonly Person[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return (
        q !== undefined &&
        p.clientId === q.clientId &&
        p.name === q.name &&
        p.role === q.role &&
        p.isTyping === q.isTyping
      );
    })
  );
}

/**
 * Avatars of everyone who has the document open, like the co-editor list of 腾讯文档: a ring marks
 * a reviewer (chair, convener, secretariat), and whoever is typing is named beside them.
 */
export function PresenceList({ awareness }: { readonly awareness: Awareness }): ReactElement | null {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  // Names and roles come from the workspace, not from what other clients declare about themselves.
  const known = useMemo(() => knownPeopleOf(workspace), [workspace]);
  const cache = useRef<Person[]>([]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  const getSnapshot = useCallback(() => {
    const next = readPeople(awareness, known);
    if (!samePeople(cache.current, next)) {
      cache.current = next;
    }
    return cache.current;
  }, [awareness, known]);
  const people = useSyncExternalStore(subscribe, getSnapshot);
  if (people.length === 0) {
    return null;
  }
  const label = (person: Person): string =>
    person.role === null || person.role === 'member'
      ? person.name
      : t('doc.personWithRole', { name: person.name, role: t(`role.${person.role}`) });
  const names = people.map(label).join('、');
  const typing = people.filter((person) => person.isTyping && awareness.getStates().get(person.clientId) !== undefined);
  const others = typing.filter((person) => person.clientId !== awareness.clientID);
  return (
    <div className="presence-bar">
      {others.length === 0 ? null : (
        <span className="presence-typing" aria-live="polite">
          {t('doc.someoneTyping', { names: others.map((person) => person.name).join('、') })}
        </span>
      )}
      <ul className="presence" title={t('doc.editors', { names })} aria-label={t('doc.editors', { names })}>
        {people.slice(0, 5).map((person) => (
          <li
            key={person.clientId}
            className={person.role === null || person.role === 'member' ? 'avatar' : 'avatar is-reviewer'}
            style={{ backgroundColor: person.color }}
            title={label(person)}
            data-role={person.role ?? undefined}
          >
            {Array.from(person.name)[0] ?? '?'}
            {person.isTyping ? <span className="avatar-typing" aria-hidden="true" /> : null}
          </li>
        ))}
        {people.length > 5 ? <li className="avatar is-more">+{people.length - 5}</li> : null}
      </ul>
    </div>
  );
}
