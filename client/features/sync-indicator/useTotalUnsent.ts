import { useEffect, useState } from 'react';
import type { JianyanDb } from '../../core/storage/JianyanDb';
import { watchUnsentCount } from '../../core/storage/unsentCount';

/** The number of changes of all documents on this device that the server has not acknowledged. */
export function useTotalUnsent(db: JianyanDb): number {
  const [count, setCount] = useState(0);
  useEffect(() => watchUnsentCount(db, null, setCount), [db]);
  return count;
}
