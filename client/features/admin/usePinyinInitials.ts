import { useEffect, useState } from 'react';

/** Initials of each name (林国栋 → lgd), lowercase. */
export type InitialsOf = (name: string) => string | null;

const NONE: InitialsOf = () => null;

/**
 * The pinyin initials of names, for searching people by them. The pinyin dictionary is large, so
 * it is loaded only on the page that searches, once; until then (or offline without it) every
 * name has none and the search goes by name and username only.
 */
export function usePinyinInitials(): InitialsOf {
  const [initialsOf, setInitialsOf] = useState<InitialsOf>(() => NONE);
  useEffect(() => {
    let isCurrent = true;
    import('pinyin-pro').then(
      ({ pinyin }) => {
        if (!isCurrent) {
          return;
        }
        const cache = new Map<string, string>();
        setInitialsOf(() => (name: string) => {
          let initials = cache.get(name);
          if (initials === undefined) {
            initials = pinyin(name.replace(/\s+/g, ''), { pattern: 'first', toneType: 'none', type: 'array' })
              .join('')
              .toLowerCase();
            cache.set(name, initials);
          }
          return initials;
        });
      },
      () => {
        // Not loaded (offline before it was cached): the search keeps to names and usernames.
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return initialsOf;
}
