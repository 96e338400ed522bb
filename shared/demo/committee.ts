import { Role } from '../index';

/**
 * The demo committee of a fictional county: twelve activity groups, eight by sector (界别) and
 * four by region, and the people in them. Every name is made up.
 */

export const DemoGroup = {
  economy: '经济界别',
  education: '教育界别',
  health: '医药卫生界别',
  agriculture: '农业和农村界别',
  science: '科技界别',
  culture: '文化艺术界别',
  welfare: '社会福利和社会保障界别',
  commerce: '工商联界别',
  chengguan: '城关镇委员活动小组',
  east: '东部片区委员活动小组',
  west: '西部片区委员活动小组',
  hekou: '河口镇委员活动小组',
} as const;
export type DemoGroup = (typeof DemoGroup)[keyof typeof DemoGroup];

export const DEMO_GROUPS: readonly DemoGroup[] = Object.values(DemoGroup);

export interface DemoPerson {
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly groups: readonly DemoGroup[];
}

const G = DemoGroup;

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { username: 'zhoumin', name: '周敏', role: Role.secretariat, groups: [] },
  { username: 'linguodong', name: '林国栋', role: Role.chair, groups: [] },

  // Conveners: each convenes the groups they belong to; two convene a sector and a region.
  { username: 'chenzhiqiang', name: '陈志强', role: Role.convener, groups: [G.economy, G.commerce] },
  { username: 'wanglihua', name: '王丽华', role: Role.convener, groups: [G.education] },
  { username: 'liujianguo', name: '刘建国', role: Role.convener, groups: [G.health] },
  { username: 'zhangxiuying', name: '张秀英', role: Role.convener, groups: [G.agriculture, G.west] },
  { username: 'limingyuan', name: '李明远', role: Role.convener, groups: [G.science] },
  { username: 'yangxiaomei', name: '杨晓梅', role: Role.convener, groups: [G.culture] },
  { username: 'zhaodesheng', name: '赵德胜', role: Role.convener, groups: [G.welfare, G.hekou] },
  { username: 'huangyulan', name: '黄玉兰', role: Role.convener, groups: [G.chengguan] },
  { username: 'wuhaitao', name: '吴海涛', role: Role.convener, groups: [G.east] },

  { username: 'sunjianhua', name: '孙建华', role: Role.member, groups: [G.economy, G.east] },
  { username: 'mayuqin', name: '马玉琴', role: Role.member, groups: [G.economy] },
  { username: 'zhuwenbin', name: '朱文斌', role: Role.member, groups: [G.economy, G.commerce] },
  { username: 'hujingwen', name: '胡静雯', role: Role.member, groups: [G.education, G.chengguan] },
  { username: 'guoxiaodong', name: '郭晓东', role: Role.member, groups: [G.education, G.hekou] },
  { username: 'hechunyan', name: '何春燕', role: Role.member, groups: [G.education] },
  { username: 'gaofeng', name: '高峰', role: Role.member, groups: [G.health, G.chengguan] },
  { username: 'luoshuzhen', name: '罗淑珍', role: Role.member, groups: [G.health] },
  { username: 'zhengweidong', name: '郑卫东', role: Role.member, groups: [G.health, G.west] },
  { username: 'liangshuping', name: '梁淑萍', role: Role.member, groups: [G.agriculture] },
  { username: 'xiehongjun', name: '谢红军', role: Role.member, groups: [G.agriculture, G.hekou] },
  { username: 'songjiayi', name: '宋佳怡', role: Role.member, groups: [G.agriculture, G.commerce] },
  { username: 'tangzhiyuan', name: '唐志远', role: Role.member, groups: [G.science] },
  { username: 'hanxue', name: '韩雪', role: Role.member, groups: [G.science, G.east] },
  { username: 'fengzhenyu', name: '冯振宇', role: Role.member, groups: [G.science] },
  { username: 'dengyali', name: '邓雅丽', role: Role.member, groups: [G.culture, G.chengguan] },
  { username: 'caomingxuan', name: '曹明轩', role: Role.member, groups: [G.culture] },
  { username: 'pengshulan', name: '彭淑兰', role: Role.member, groups: [G.culture, G.west] },
  { username: 'zenglixin', name: '曾立新', role: Role.member, groups: [G.welfare] },
  { username: 'xiaoguifang', name: '肖桂芳', role: Role.member, groups: [G.welfare, G.chengguan] },
  { username: 'tianzhongshan', name: '田忠山', role: Role.member, groups: [G.welfare, G.west] },
  { username: 'dongbin', name: '董斌', role: Role.member, groups: [G.commerce] },
  { username: 'yuanfang', name: '袁芳', role: Role.member, groups: [G.commerce, G.east] },
  { username: 'panguoqiang', name: '潘国强', role: Role.member, groups: [G.east] },
  { username: 'jiangyanling', name: '蒋艳玲', role: Role.member, groups: [G.west] },
  { username: 'weixiaojun', name: '魏晓军', role: Role.member, groups: [G.hekou] },
  { username: 'xuehaiyan', name: '薛海燕', role: Role.member, groups: [G.hekou, G.agriculture] },
  { username: 'lvxiaoping', name: '吕小平', role: Role.member, groups: [G.chengguan] },
  { username: 'dingwenjie', name: '丁文杰', role: Role.member, groups: [G.economy] },
  { username: 'renhuimin', name: '任慧敏', role: Role.member, groups: [G.health, G.hekou] },
];
