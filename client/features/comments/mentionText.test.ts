import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../shared';
import { insertMention, matchCandidates, mentionAt, mentionsIn, splitMentions } from './mentionText';

const LI = '00000000-0000-4000-8000-000000000001' as UserId;
const WANG = '00000000-0000-4000-8000-000000000002' as UserId;
const CANDIDATES = [
  { id: LI, name: '李委员', username: 'li' },
  { id: WANG, name: '王主席', username: 'wang' },
];

describe('mentions in a comment', () => {
  it('finds the name being typed after "@", also straight after Chinese text, but not in an e-mail', () => {
    expect(mentionAt('请@李', 3)).toEqual({ start: 1, query: '李' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('请@李 核实', 6)).toBeNull();
    expect(mentionAt('mail li@example.org', 19)).toBeNull();
    expect(mentionAt('没有提及', 4)).toBeNull();
  });

  it('matches members by name or username', () => {
    expect(matchCandidates(CANDIDATES, '主席').map((each) => each.id)).toEqual([WANG]);
    expect(matchCandidates(CANDIDATES, 'LI').map((each) => each.id)).toEqual([LI]);
    expect(matchCandidates(CANDIDATES, '')).toHaveLength(2);
  });

  it('inserts the picked name and keeps only mentions still in the text', () => {
    const typed = '请@李核实';
    const result = insertMention(typed, { start: 1, query: '李' }, 3, '李委员');
    expect(result).toEqual({ text: '请@李委员 核实', caret: 6 });
    const picked = new Map([
      [LI, '李委员'],
      [WANG, '王主席'],
    ]);
    expect(mentionsIn(result.text, picked)).toEqual([LI]);
  });

  it('splits a comment into text and mentions for display', () => {
    expect(splitMentions('请@李委员 和@王主席核实', ['李委员', '王主席'])).toEqual([
      { kind: 'text', text: '请' },
      { kind: 'mention', text: '@李委员' },
      { kind: 'text', text: ' 和' },
      { kind: 'mention', text: '@王主席' },
      { kind: 'text', text: '核实' },
    ]);
    expect(splitMentions('无提及', [])).toEqual([{ kind: 'text', text: '无提及' }]);
  });
});
