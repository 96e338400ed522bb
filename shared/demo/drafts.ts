import { DocKind } from '../index';
import { DemoGroup } from './committee';

/** A demo draft: who wrote it in which group, and the paragraphs under each template heading. */
export interface DemoDraft {
  readonly kind: DocKind;
  readonly group: DemoGroup;
  readonly title: string;
  /** Username of the member who started the draft. */
  readonly createdBy: string;
  /** Usernames of the others who wrote in it; on a proposal they are its co-signers (联名人). */
  readonly coAuthors: readonly string[];
  /**
   * Paragraphs under each heading of the kind's template. A proposal's 提案人 and 联名人 are
   * filled in from the people above, so they are not written here.
   */
  readonly sections: Readonly<Record<string, readonly string[]>>;
  /**
   * Where the draft stands in review, so the demo shows a timeline: submitted by its creator, and
   * for `returned` sent back by `reviewer` (a username) with `reason`. Absent: a plain draft.
   */
  readonly review?: DemoReview;
}

export type DemoReview =
  | { readonly status: 'in_review' }
  | { readonly status: 'returned'; readonly reviewer: string; readonly reason: string };

/** Demo texts: realistic in tone and subject, about a fictional county; every figure is made up. */
export const DEMO_DRAFTS: readonly DemoDraft[] = [
  {
    kind: DocKind.proposal,
    group: DemoGroup.welfare,
    title: '关于完善农村互助养老服务体系的提案',
    createdBy: 'zhaodesheng',
    coAuthors: ['zenglixin', 'tianzhongshan'],
    review: { status: 'in_review' },
    sections: {
      案由: ['建议完善农村互助养老服务体系，破解农村留守老人“养老难”问题。'],
      情况分析: [
        '我县60周岁以上户籍老年人口约9.8万人，占总人口的23.6%，其中农村老年人占七成以上。随着青壮年劳动力外出务工，农村空巢、独居老人逐年增多。',
        '近年来，各乡镇陆续建成农村幸福院42所，但部分幸福院建成后缺少运营经费和服务人员，日常仅能提供场地，助餐、探访等服务难以持续。',
        '农村老年人对就近就便的照料需求强烈，而县级养老机构床位离家较远、费用偏高，入住意愿普遍不强。',
      ],
      具体建议: [
        '一是建立稳定的运营保障机制。将农村幸福院运营补贴纳入县级财政预算，按服务人次给予补助，鼓励村集体经济收益按比例用于互助养老。',
        '二是培育互助服务队伍。以低龄健康老人、留守妇女为主体组建志愿服务队，推行“时间银行”积分制度，服务时长可兑换生活用品或日后服务。',
        '三是推动医养结合向村级延伸。由乡镇卫生院与幸福院签订服务协议，定期开展健康体检、慢病随访，为失能老人提供上门服务。',
      ],
    },
  },
  {
    kind: DocKind.proposal,
    group: DemoGroup.health,
    title: '关于加强县级医院医疗人才队伍建设的提案',
    createdBy: 'liujianguo',
    coAuthors: ['gaofeng', 'luoshuzhen', 'renhuimin'],
    review: {
      status: 'returned',
      reviewer: 'linguodong',
      reason: '请补充近三年人才流失的具体岗位分布，并测算人才公寓所需资金及来源。',
    },
    sections: {
      案由: ['建议多措并举引进和稳定县级医院医疗人才，提升县域医疗服务能力。'],
      情况分析: [
        '县人民医院和县中医院现有卫生技术人员1260人，每千人口执业（助理）医师数低于全市平均水平，儿科、麻醉、重症医学等专业人员尤为紧缺。',
        '近三年县级医院共招聘医学类本科毕业生86人，已有21人离职，主要原因是薪酬待遇偏低、职称晋升通道窄、子女入学等后顾之忧较多。',
      ],
      具体建议: [
        '一是落实“两个允许”要求，提高县级医院绩效工资总量，向临床一线和紧缺专业倾斜。',
        '二是深化与市级三甲医院的紧密型医联体合作，推行专家驻点带教和骨干医生进修制度，五年内培养学科带头人20名。',
        '三是出台人才安居政策，为引进的紧缺专业人才提供人才公寓，并协调解决配偶就业和子女入学问题。',
      ],
    },
  },
  {
    kind: DocKind.proposal,
    group: DemoGroup.education,
    title: '关于加强农村中小学校车安全管理的提案',
    createdBy: 'wanglihua',
    coAuthors: ['guoxiaodong', 'hujingwen'],
    sections: {
      案由: ['建议健全农村校车运营和监管机制，切实保障农村学生上下学交通安全。'],
      情况分析: [
        '农村学校布局调整后，不少学生上学路程超过5公里。全县现有标准校车58辆，仅能覆盖约四成有乘车需求的学生，其余学生多乘坐家长接送的摩托车、三轮车或无资质的营运车辆。',
        '部分山区道路狭窄、弯多坡陡，缺少护栏和警示标志，雨雪天气通行风险较大。校车驾驶员年龄偏大、流动性强，安全培训不够经常。',
      ],
      具体建议: [
        '一是由县政府统筹交通、教育、财政等部门，按照“政府主导、企业运营、家长适当分担”的方式，逐步扩大标准校车覆盖面。',
        '二是对校车通行线路开展安全隐患排查，优先完善护栏、减速带和警示标志，雨雪天气实行错峰通行和临时停运预警。',
        '三是为所有校车安装卫星定位和车内视频监控，接入县交通运输局监管平台，每学期组织驾驶员和照管员集中培训。',
      ],
    },
  },
  {
    kind: DocKind.proposal,
    group: DemoGroup.agriculture,
    title: '关于推动农产品电子商务高质量发展的提案',
    createdBy: 'zhangxiuying',
    coAuthors: ['songjiayi', 'xiehongjun', 'liangshuping'],
    sections: {
      案由: ['建议补齐农村电商物流、品牌和人才短板，带动特色农产品上行和农民增收。'],
      情况分析: [
        '我县茶叶、高山蔬菜和土蜂蜜品质优良，但多以初级产品销售，线上销售额仅占农产品销售总额的12%左右。',
        '村级快递服务站点覆盖不全，冷链仓储设施不足，生鲜产品损耗率高；农户普遍缺少包装设计、直播运营等技能，品牌认知度不高。',
      ],
      具体建议: [
        '一是整合邮政、快递和供销网点，建设县乡村三级物流共同配送体系，在主要产区建设产地冷藏保鲜设施。',
        '二是打造县域农产品公用品牌，统一质量标准和包装标识，建立从田间到餐桌的质量追溯体系。',
        '三是开展农村电商人才培训，依托返乡创业青年培育一批本土主播和网店带头人，对带动农户增收成效明显的给予奖励。',
      ],
    },
  },
  {
    kind: DocKind.researchReport,
    group: DemoGroup.west,
    title: '关于西部片区农村留守老人生活状况的调研报告',
    createdBy: 'zhangxiuying',
    coAuthors: ['tianzhongshan', 'jiangyanling', 'zhengweidong'],
    sections: {
      调研背景: [
        '为了解西部片区农村留守老人的生活和照料情况，委员活动小组于今年五月至六月深入三个乡镇、十二个行政村开展调研，走访老人家庭86户，召开座谈会4场。',
        '调研采取入户访谈、问卷调查和部门座谈相结合的方式，共发放问卷300份，收回有效问卷276份。',
      ],
      基本情况: [
        '受访老人平均年龄71.4岁，独居或仅与配偶同住的占62%。老人的主要收入来源为子女给付和城乡居民基本养老金。',
        '片区内建成村级幸福院9所，正常开展助餐服务的有4所。乡镇卫生院家庭医生签约覆盖率较高，但上门服务频次偏低。',
      ],
      存在问题: [
        '一是照料服务供给不足。失能、半失能老人主要依靠配偶照料，专业护理服务几乎空白。',
        '二是精神慰藉缺失。超过半数受访老人表示子女一年回家不超过两次，日常缺少交流对象。',
        '三是安全隐患较多。部分老人居住的老旧房屋存在用电、用火隐患，发生意外时难以及时求助。',
      ],
      对策建议: [
        '一是推广“村级幸福院＋邻里互助”模式，把助餐、探访和应急呼叫作为基本服务项目，保障运营经费。',
        '二是建立留守老人关爱台账，落实村干部、网格员定期探访制度，为高龄独居老人配备一键呼叫设备。',
        '三是结合农村危房改造和用电安全整治，优先为留守老人家庭排查整改隐患。',
      ],
    },
  },
  {
    kind: DocKind.researchReport,
    group: DemoGroup.economy,
    title: '关于县域中小企业融资难问题的调研报告',
    createdBy: 'chenzhiqiang',
    coAuthors: ['sunjianhua', 'mayuqin', 'dingwenjie'],
    sections: {
      调研背景: [
        '中小企业是县域经济的重要支撑。为掌握当前企业融资情况，经济界别委员活动小组走访了县内32家中小企业和6家金融机构。',
      ],
      基本情况: [
        '受访企业中，有融资需求的占78%，实际获得银行贷款的占47%。获得的贷款以一年期以内的流动资金贷款为主，中长期贷款较少。',
        '县政府性融资担保公司注册资本2亿元，去年新增担保业务3.1亿元，担保放大倍数仍有提升空间。',
      ],
      存在问题: [
        '一是抵押物不足。多数企业厂房建在租赁土地上，缺少银行认可的抵押物。',
        '二是融资成本偏高。加上担保费、评估费等，部分企业综合融资成本超过8%。',
        '三是银企信息不对称。企业财务制度不健全，银行难以准确评估经营状况。',
      ],
      对策建议: [
        '一是扩大政府性融资担保规模，降低担保费率，建立担保代偿风险补偿机制。',
        '二是推广知识产权、应收账款、订单等动产质押融资，拓宽抵质押物范围。',
        '三是建设县级企业信用信息平台，归集纳税、用电、社保等数据，推动“信易贷”。',
      ],
    },
  },
  {
    kind: DocKind.researchReport,
    group: DemoGroup.culture,
    title: '关于乡村非物质文化遗产保护传承情况的调研报告',
    createdBy: 'yangxiaomei',
    coAuthors: ['caomingxuan', 'dengyali', 'pengshulan'],
    sections: {
      调研背景: [
        '我县现有省级非物质文化遗产代表性项目5项、市级17项，多数分布在农村。文化艺术界别委员活动小组对其中12个项目的保护传承情况进行了调研。',
      ],
      基本情况: [
        '近年来县里建成非遗传习所6个，每年举办非遗展演活动，竹编、花鼓戏等项目走进了中小学课堂。',
        '现有县级以上代表性传承人43名，平均年龄66岁，其中70岁以上的有17名。',
      ],
      存在问题: [
        '一是传承人老龄化严重，一些项目面临“人走艺绝”的风险。',
        '二是保护经费不足，部分项目缺少系统的影像和文字记录。',
        '三是与旅游、文创产业结合不够，非遗产品市场化程度低。',
      ],
      对策建议: [
        '一是对高龄传承人开展抢救性记录，建设县级非遗数字档案库。',
        '二是提高传承人补助标准，支持传承人招收学徒，对学徒给予生活补贴。',
        '三是将非遗项目融入乡村旅游线路，开发具有地方特色的文创产品。',
      ],
    },
  },
  {
    kind: DocKind.socialInfo,
    group: DemoGroup.chengguan,
    title: '关于城关镇老旧小区加装电梯推进难的情况反映',
    createdBy: 'huangyulan',
    coAuthors: ['lvxiaoping', 'xiaoguifang'],
    sections: {
      反映的问题: [
        '城关镇2000年以前建成的老旧小区有37个，多为六层以下无电梯住宅，居住老年人比例高。群众加装电梯意愿强烈，但目前仅完成4部。',
      ],
      原因分析: [
        '一是低层住户担心采光、噪音和房屋价值受影响，业主意见难以统一。',
        '二是审批涉及住建、规划、市场监管等多个部门，流程较长，群众不清楚如何办理。',
        '三是加装费用每部约50万元，资金筹措和后期维护费用分摊缺少可操作的办法。',
      ],
      意见建议: [
        '一是出台加装电梯操作指引和费用分摊参考标准，由社区和物业牵头做好协商工作。',
        '二是实行联合审批和“一窗受理”，压缩办理时间。',
        '三是对完成加装的项目给予财政补贴，允许提取住房公积金用于加装电梯。',
      ],
    },
  },
  {
    kind: DocKind.socialInfo,
    group: DemoGroup.health,
    title: '关于乡镇卫生院基层医生流失问题的反映',
    createdBy: 'gaofeng',
    coAuthors: ['liujianguo'],
    sections: {
      反映的问题: [
        '近年来，部分乡镇卫生院医生流失较为严重，一些卫生院只能由一两名全科医生承担全镇门诊、公共卫生和家庭医生签约服务。',
      ],
      原因分析: [
        '乡镇卫生院收入水平与县城相比差距明显，工作条件和生活配套较差，年轻医生难以安心扎根。',
        '基层医生职称评审名额有限，外出进修机会少，职业发展空间受限。',
      ],
      意见建议: [
        '一是落实乡镇工作补贴，提高偏远乡镇卫生院人员待遇。',
        '二是推行“县管乡用”，由县级医院统一招聘、派驻乡镇，服务年限计入职称评审条件。',
      ],
    },
  },
  {
    kind: DocKind.socialInfo,
    group: DemoGroup.east,
    title: '关于居民小区电动自行车充电安全隐患的反映',
    createdBy: 'wuhaitao',
    coAuthors: ['hanxue', 'panguoqiang'],
    sections: {
      反映的问题: [
        '东部片区部分居民小区电动自行车保有量大，但集中充电设施不足，“飞线充电”、楼道停放和入户充电现象较为普遍，存在较大火灾隐患。',
      ],
      原因分析: [
        '一是老旧小区建设时未预留充电场地，新建充电桩选址难。',
        '二是部分居民安全意识淡薄，认为入户充电方便，对火灾危害认识不足。',
        '三是物业管理缺位，对违规停放充电缺乏有效劝阻手段。',
      ],
      意见建议: [
        '一是将充电设施建设纳入老旧小区改造内容，利用小区边角空地建设集中充电车棚。',
        '二是由社区、物业和消防部门联合开展宣传和排查，对楼道违规停放充电行为及时劝阻。',
        '三是引导企业投资建设智能充电桩，实行低价充电，提高居民使用积极性。',
      ],
    },
  },
  {
    kind: DocKind.socialInfo,
    group: DemoGroup.hekou,
    title: '关于河口镇农村饮水工程管护不到位的反映',
    createdBy: 'zhaodesheng',
    coAuthors: ['weixiaojun', 'xuehaiyan'],
    sections: {
      反映的问题: [
        '河口镇部分村建成的集中供水工程使用多年后，管网老化、跑冒滴漏问题突出，一些村民反映夏季用水高峰期经常停水。',
      ],
      原因分析: [
        '工程建成后管护责任主体不明确，村集体缺少专业维修人员和维修资金。',
        '水费收缴率低，收取的水费难以覆盖日常运行和维护成本。',
      ],
      意见建议: [
        '一是明确县、镇、村三级管护责任，推行农村供水工程专业化、市场化管护。',
        '二是建立合理的水价机制和维修养护基金，对困难群众给予水费补助。',
        '三是加强水质检测，定期向村民公开检测结果。',
      ],
    },
  },
];
