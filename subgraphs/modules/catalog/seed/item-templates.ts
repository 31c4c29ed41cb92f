import { ItemDataType, NotOpenGrounds, OpenType, ShareMode, ShareType } from '../enums';
import { ItemDraft } from '../drafts';

/** Shorthand for the demo catalog: an item and its share attributes. */
type Template = Omit<ItemDraft, 'description' | 'shareMode' | 'maskedDeliveryOnly'> & Partial<Pick<ItemDraft, 'description' | 'shareMode' | 'maskedDeliveryOnly'>>;

const item = (t: Template): ItemDraft => ({ description: '', shareMode: ShareMode.INTERFACE, maskedDeliveryOnly: false, ...t });

const PERSONAL_INFO_LAW = '《中华人民共和国个人信息保护法》第二十八条、第三十四条';
const UNFAIR_COMPETITION_LAW = '《中华人民共和国反不正当竞争法》第九条';

/** Not opened to the public (004 art. 27 (1)): personal information unless said otherwise. */
const notOpen = (grounds = NotOpenGrounds.PERSONAL_PRIVACY, openLegalBasis = PERSONAL_INFO_LAW) => ({ openType: OpenType.NOT_OPEN, openGrounds: grounds, openLegalBasis });
const businessInformation = () => notOpen(NotOpenGrounds.TRADE_SECRET, UNFAIR_COMPETITION_LAW);

/** Shared with every agency, not opened to the public. */
const open = (code: string, name: string, dataType = ItemDataType.STRING, maskRule: string | null = null, notOpened = notOpen()) =>
  item({ code, name, dataType, shareType: ShareType.UNCONDITIONAL, maskRule, ...notOpened });

const publicOpen = (code: string, name: string, dataType = ItemDataType.STRING) =>
  item({ code, name, dataType, shareType: ShareType.UNCONDITIONAL, openType: OpenType.UNCONDITIONAL_OPEN });

const conditional = (code: string, name: string, conditions: string, legalBasis: string, reason: string, maskRule: string | null = null, dataType = ItemDataType.STRING) =>
  item({ code, name, dataType, shareType: ShareType.CONDITIONAL, shareConditions: conditions, legalBasis, shareReason: reason, maskRule, ...notOpen(NotOpenGrounds.PERSONAL_PRIVACY, legalBasis) });

const notShared = (code: string, name: string, legalBasis: string, reason: string, maskRule: string | null = null) =>
  item({ code, name, dataType: ItemDataType.STRING, shareType: ShareType.NOT_SHARED, legalBasis, shareReason: reason, maskRule, ...notOpen(NotOpenGrounds.PERSONAL_PRIVACY, legalBasis) });

const HOUSEHOLD_REG = '《中华人民共和国户口登记条例》；《内蒙古自治区公共数据管理办法（试行）》第二十一条';
const MARRIAGE_REG = '《婚姻登记条例》第二条';
const HEALTH_LAW = '《中华人民共和国基本医疗卫生与健康促进法》第九十二条';

/** 人口基础信息: household registration (natural person basic database, 004 art. 18). */
export const PERSON_ITEMS: ItemDraft[] = [
  open('name', '姓名', ItemDataType.STRING, 'NAME'),
  open('id_number', '公民身份号码', ItemDataType.STRING, 'ID_NUMBER'),
  open('gender', '性别'),
  open('birth_date', '出生日期', ItemDataType.DATE, 'DATE_YEAR_ONLY'),
  conditional('household_address', '户籍地址', '用于本部门法定职责范围内的户籍核查或公共服务办理', HOUSEHOLD_REG, '涉及个人住址等敏感个人信息', 'ADDRESS'),
  conditional('marital_status', '婚姻状况', '用于社会救助、住房保障等需核实家庭关系的业务', MARRIAGE_REG, '婚姻状况属个人隐私'),
  conditional('phone', '联系电话', '用于办理中的政务服务事项回访', PERSONAL_INFO_LAW, '个人联系方式', 'PHONE'),
  notShared('ethnicity', '民族', PERSONAL_INFO_LAW, '民族信息属敏感个人信息，仅提供核验'),
  notShared('health_status', '健康状况', HEALTH_LAW, '健康信息属敏感个人信息，仅提供核验'),
];

/** 法人基础信息 (legal person basic database). */
export const LEGAL_PERSON_ITEMS: ItemDraft[] = [
  publicOpen('uscc', '统一社会信用代码'),
  publicOpen('name', '名称'),
  publicOpen('status', '登记状态'),
  publicOpen('established_on', '成立日期', ItemDataType.DATE),
  open('industry', '行业', ItemDataType.STRING, null, businessInformation()),
  open('address', '住所', ItemDataType.STRING, null, businessInformation()),
  open('registered_capital', '注册资本（万元）', ItemDataType.DECIMAL, null, businessInformation()),
  open('legal_representative', '法定代表人', ItemDataType.STRING, 'NAME'),
  conditional('legal_representative_id', '法定代表人身份证号', '用于市场主体监管、执法办案中的身份核实', PERSONAL_INFO_LAW, '涉及法定代表人个人身份信息', 'ID_NUMBER'),
];

/** 社会信用信息 (social credit basic database). */
export const CREDIT_ITEMS: ItemDraft[] = [
  publicOpen('subject_uscc', '信用主体代码'),
  open('rating', '信用等级', ItemDataType.STRING, null, businessInformation()),
  conditional('dishonest', '失信被执行人标记', '用于联合惩戒、招投标资格审查', '《最高人民法院关于公布失信被执行人名单信息的若干规定》', '须依法定用途使用', null, ItemDataType.BOOLEAN),
  open('record_date', '记录日期', ItemDataType.DATE, null, businessInformation()),
  open('source_agency', '信息来源单位', ItemDataType.STRING, null, businessInformation()),
];

/** 电子证照 (electronic certificates). */
export const CERTIFICATE_ITEMS: ItemDraft[] = [
  open('certificate_no', '证照编号'),
  open('certificate_type', '证照类型'),
  conditional('holder_id', '持证主体代码', '用于政务服务事项办理中的证照核验', '《国务院关于在线政务服务的若干规定》第十条', '涉及持证人身份信息', 'ID_NUMBER'),
  open('issuing_authority', '发证机关'),
  open('issued_on', '发证日期', ItemDataType.DATE),
  open('expires_on', '有效期至', ItemDataType.DATE),
];

/** 自然资源和空间地理 (natural resources and spatial geography). */
export const LAND_ITEMS: ItemDraft[] = [
  publicOpen('parcel_code', '宗地代码'),
  publicOpen('land_use', '土地用途'),
  item({ code: 'area_mu', name: '面积（亩）', dataType: ItemDataType.DECIMAL, shareType: ShareType.UNCONDITIONAL, openType: OpenType.CONDITIONAL_OPEN, openConditions: '用于科研和国土空间规划研究，不得转售或用于商业营销' }),
  conditional('rights_holder', '权利人', '用于不动产登记、征地补偿等法定业务', '《不动产登记暂行条例》第二十七条', '权利人信息依法查询', 'NAME'),
  open('division_code', '所在行政区划', ItemDataType.STRING, null, businessInformation()),
];

/** 最低生活保障 (a county-level social assistance roll). */
export const ASSISTANCE_ITEMS: ItemDraft[] = [
  open('name', '姓名', ItemDataType.STRING, 'NAME'),
  open('id_number', '公民身份号码', ItemDataType.STRING, 'ID_NUMBER'),
  conditional('household_size', '家庭人口数', '用于社会救助对象核查', '《社会救助暂行办法》第十一条', '涉及困难家庭隐私', null, ItemDataType.INTEGER),
  conditional('monthly_allowance', '月保障金额（元）', '用于社会救助资金监管', '《社会救助暂行办法》第十三条', '涉及困难家庭隐私', null, ItemDataType.DECIMAL),
  notShared('hardship_reason', '致贫原因', PERSONAL_INFO_LAW, '涉及疾病、残疾等敏感信息'),
];
