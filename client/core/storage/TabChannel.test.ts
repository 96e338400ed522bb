import { describe, expect, it, vi } from 'vitest';
import { TabChannel, type TabMessage } from './TabChannel';

describe('TabChannel', () => {
  it('tells the other tabs, checks what it hears, and is quiet once closed', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const here = new TabChannel(name);
    const there = new TabChannel(name);
    const heard: TabMessage[] = [];
    here.subscribe((message) => heard.push(message));
    there.post({ kind: 'stored', room: 'doc:1' });
    await vi.waitFor(() => expect(heard).toEqual([{ kind: 'stored', room: 'doc:1' }]));
    // A write that ends after sign-out closed the store posts into a closed channel: nothing happens.
    there.close();
    expect(() => there.post({ kind: 'stored', room: 'doc:2' })).not.toThrow();
    here.close();
  });
});
