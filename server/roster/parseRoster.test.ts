import { describe, expect, it } from 'vitest';
import { MAX_ROSTER_ACCOUNTS, parseRoster } from './parseRoster';

function csv(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

describe('parseRoster', () => {
  it('reads Chinese headers and roles, with groups split on any separator', () => {
    const result = parseRoster(
      csv(
        '姓名,用户名,角色,小组',
        '张三,ZhangSan,委员,"经济界别、教育界别"',
        '李四,lisi,召集人,经济界别；城关镇委员活动小组',
        '王五,wangwu,副主席,',
        '赵六,zhaoliu,秘书处,"教育界别, 经济界别 | 教育界别"',
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, username: 'zhangsan', name: '张三', role: 'member', groups: ['经济界别', '教育界别'] },
      { line: 3, username: 'lisi', name: '李四', role: 'convener', groups: ['经济界别', '城关镇委员活动小组'] },
      { line: 4, username: 'wangwu', name: '王五', role: 'chair', groups: [] },
      { line: 5, username: 'zhaoliu', name: '赵六', role: 'secretariat', groups: ['教育界别', '经济界别'] },
    ]);
  });

  it('reads English headers in any order, ignores extra columns and skips blank lines', () => {
    const result = parseRoster(
      [
        'Groups,Phone,Username,Role,Name',
        '',
        'Education,138,chen,member,陈七',
        ',,,,',
        'Economy;Education,,liu,Convener,刘八',
      ].join('\n'),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => [row.line, row.username, row.role, row.groups])).toEqual([
      [3, 'chen', 'member', ['Education']],
      [5, 'liu', 'convener', ['Economy', 'Education']],
    ]);
  });

  it('takes an empty role as a member', () => {
    expect(parseRoster(csv('姓名,用户名,角色,小组', '张三,zhangsan,,')).rows[0]?.role).toBe('member');
  });

  it('reports a missing column on the header line, naming it', () => {
    const result = parseRoster(csv('姓名,角色,小组', '张三,委员,经济界别'));
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([
      {
        line: 1,
        code: 'missing_columns',
        params: { columns: '用户名 (username)' },
        message: expect.stringContaining('用户名 (username)'),
      },
    ]);
  });

  it('reports an empty file and a file with a header only', () => {
    expect(parseRoster('').problems).toMatchObject([
      { line: 1, code: 'empty_file', message: expect.stringContaining('empty') },
    ]);
    expect(parseRoster(csv('姓名,用户名,角色,小组')).problems).toMatchObject([
      { line: 1, code: 'no_people', message: expect.stringContaining('no people') },
    ]);
  });

  it('reports every bad line with its physical line number, counting line breaks inside quotes', () => {
    const result = parseRoster(
      csv(
        'name,username,role,groups',
        '张三,zhangsan,member,"经济界别',
        '教育界别"',
        ',nameless,member,',
        '李四,李四,member,',
        '王五,wangwu,boss,',
        '赵六,zhangsan,member,',
        '',
        '陈七,chen,member,经济界别,教育界别',
        '刘八,liuba,member,经济界别',
      ),
    );
    expect(result.problems).toMatchObject([
      { line: 4, code: 'name_invalid', field: 'name', message: '姓名 (name) is empty' },
      {
        line: 5,
        code: 'username_invalid',
        field: 'username',
        params: { value: '李四' },
        message: expect.stringMatching(/用户名 \(username\) "李四" is not valid: use 2-32 lowercase/),
      },
      {
        line: 6,
        code: 'role_unknown',
        field: 'role',
        params: { value: 'boss' },
        message: expect.stringContaining('角色 (role) "boss" is unknown: use 秘书处'),
      },
      {
        line: 7,
        code: 'username_repeated',
        field: 'username',
        params: { value: 'zhangsan', line: 2 },
        message: '用户名 (username) "zhangsan" is already used on line 2',
      },
      { line: 9, code: 'extra_cells', params: { cells: 5, width: 4 } },
    ]);
    expect(result.rows.map((row) => row.line)).toEqual([2, 10]);
    expect(result.rows[0]?.groups).toEqual(['经济界别', '教育界别']);
  });

  it('reports every problem of one line, each with its code and field', () => {
    const result = parseRoster(csv('姓名,用户名,角色,小组', ',x,boss,'));
    expect(result.problems.map((problem) => [problem.line, problem.code, problem.field])).toEqual([
      [2, 'name_invalid', 'name'],
      [2, 'username_invalid', 'username'],
      [2, 'role_unknown', 'role'],
    ]);
  });

  it('takes a line without a username, to make one from the name', () => {
    const result = parseRoster(csv('姓名,用户名,角色,小组', '林国栋,,委员,', '陈静,,委员,'));
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => row.username)).toEqual([null, null]);
  });

  it('reports an unclosed quote on the line where the cell starts', () => {
    const result = parseRoster(
      csv('姓名,用户名,角色,小组', '张三,zhangsan,委员,', '李四,lisi,委员,"经济界别', '王五,wangwu,委员,'),
    );
    expect(result.problems).toMatchObject([
      { line: 3, code: 'csv_syntax', message: expect.stringContaining('never closed') },
    ]);
  });

  it('refuses more accounts than one import takes', () => {
    const lines = Array.from({ length: MAX_ROSTER_ACCOUNTS + 1 }, (_, index) => `委员${index},user${index},委员,`);
    const result = parseRoster(csv('姓名,用户名,角色,小组', ...lines));
    expect(result.problems).toMatchObject([
      { line: MAX_ROSTER_ACCOUNTS + 2, code: 'too_many_people', params: { max: MAX_ROSTER_ACCOUNTS } },
    ]);
  });
});
