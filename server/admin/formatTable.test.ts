import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable } from './formatTable';

describe('formatTable', () => {
  it('counts Chinese characters as two columns', () => {
    expect(displayWidth('张三')).toBe(4);
    expect(displayWidth('经济界别、教育界别')).toBe(18);
    expect(displayWidth('zhangsan')).toBe(8);
  });

  it('aligns columns of mixed Chinese and Latin text', () => {
    expect(
      formatTable(
        ['username', 'name', 'groups'],
        [
          ['zhangsan', '张三', '经济界别'],
          ['li', '欧阳文静', ''],
        ],
      ),
    ).toEqual([
      'username  name      groups',
      '--------  --------  --------',
      'zhangsan  张三      经济界别',
      'li        欧阳文静',
    ]);
  });
});
