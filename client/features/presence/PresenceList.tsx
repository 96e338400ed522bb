import { type ReactElement, useCallback, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';

interface Person {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
}

function readPeople(awareness: Awareness): Person[] {
  const people: Person[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user: unknown = state.user;
    if (typeof user === 'object' && user !== null) {
      const { name, color } = user as Record<string, unknown>;
      if (typeof name === 'string' && typeof color === 'string') {
        people.push({ clientId, name, color });
      }
    }
  }
  return people.sort((a, b) => a.clientId - b.clientId);
}

function samePeople(a: readonly Person[], b: readonly Person[]): boolean {
  return a.length === b.length && a.every((p, i) => p.clientId === b[i]?.clientId && p.name === b[i]?.name);
}

/** Avatars of everyone who has the document open, like the co-editor list of 腾讯文档. */
export function PresenceList({ awareness }: { readonly awareness: Awareness }): ReactElement | null {
  const { t } = useTranslation();
  const cache = useRef<Person[]>([]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  const getSnapshot = useCallback(() => {
    const next = readPeople(awareness);
    if (!samePeople(cache.current, next)) {
      cache.current = next;
    }
    return cache.current;
  }, [awareness]);
  const people = useSyncExternalStore(subscribe, getSnapshot);
  if (people.length === 0) {
    return null;
  }
  const names = people.map((p) => p.name).join('、');
  return (
    <ul className="presence" title={t('doc.editors', { names })} aria-label={t('doc.editors', { names })}>
      {people.slice(0, 5).map((person) => (
        <li key={person.clientId} className="avatar" style={{ backgroundColor: person.color }}>
          {Array.from(person.name)[0] ?? '?'}
        </li>
      ))}
      {people.length > 5 ? <li className="avatar is-more">+{people.length - 5}</li> : null}
    </ul>
  );
}
