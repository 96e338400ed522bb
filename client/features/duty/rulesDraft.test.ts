import { describe, expect, it } from 'vitest';
import { PRESET_100, PRESET_120 } from '../../../shared/domain/dutyPresets';
import { draftOf, isInvalid, rulesOfDraft } from './rulesDraft';

describe('the rules draft', () => {
  it('gives back the rules it was made from', () => {
    for (const preset of [PRESET_100, PRESET_120]) {
      expect(rulesOfDraft(draftOf(preset, 90))).toEqual({ ok: true, rules: preset, inactiveDays: 90 });
    }
  });

  it('reads an empty cap as no cap and a changed point as a number', () => {
    const draft = draftOf(PRESET_100, 90);
    const changed = { ...draft, items: { ...draft.items, attend_group: { points: '3.5', cap: '' } } };
    const checked = rulesOfDraft(changed);
    expect(checked.ok && checked.rules.items.attend_group).toEqual({ points: 3.5, cap: null });
  });

  it('refuses thresholds that rise from 优秀 down, marking the three inputs (Y5)', () => {
    const checked = rulesOfDraft({ ...draftOf(PRESET_100, 90), basic: '90' });
    expect(checked.ok).toBe(false);
    const invalid = checked.ok ? [] : checked.invalid;
    expect(isInvalid(invalid, 'levels.basic')).toBe(true);
    expect(isInvalid(invalid, 'levels.excellent')).toBe(true);
    expect(isInvalid(invalid, 'participationCap')).toBe(false);
  });

  it('refuses an empty number and inactive days out of 7-366', () => {
    const draft = draftOf(PRESET_100, 90);
    const checked = rulesOfDraft({
      ...draft,
      participationCap: '',
      inactiveDays: '3',
      items: { ...draft.items, absent: { points: 'x', cap: '' } },
    });
    expect(checked.ok ? [] : checked.invalid).toEqual(
      expect.arrayContaining(['participationCap', 'inactiveDays', 'items.absent.points']),
    );
  });
});
