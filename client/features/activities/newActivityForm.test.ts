import { describe, expect, it } from 'vitest';
import type { GroupId } from '../../../shared';
import { checkNewActivity, type NewActivityValues } from './newActivityForm';

const VALUES: NewActivityValues = {
  kind: 'research',
  title: ' 中小企业调研 ',
  place: '工业园',
  startDate: '2026-12-08',
  startTime: '09:00',
  endDate: '2026-12-08',
  endTime: '11:30',
  groupId: 'g-economy' as GroupId,
};

describe('the new activity form', () => {
  it('builds the request with times on the committee’s clock (UTC+8)', () => {
    const checked = checkNewActivity(VALUES);
    expect(checked).toEqual({
      ok: true,
      request: {
        kind: 'research',
        title: '中小企业调研',
        place: '工业园',
        startsAt: Date.UTC(2026, 11, 8, 1, 0),
        endsAt: Date.UTC(2026, 11, 8, 3, 30),
        groupId: 'g-economy',
      },
    });
  });

  it('names each field the server would refuse: empty text, an end not after the start, no group', () => {
    const checked = checkNewActivity({ ...VALUES, title: ' ', endTime: '09:00', groupId: null, place: '' });
    expect(checked).toEqual({
      ok: false,
      problems: { title: 'required', place: 'required', end: 'not_after_start', groupId: 'required' },
    });
    expect(checkNewActivity({ ...VALUES, startTime: '' })).toMatchObject({
      ok: false,
      problems: { start: 'required' },
    });
  });
});
