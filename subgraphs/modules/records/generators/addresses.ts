import { Place } from './places';
import { Random } from './random';

const STREETS = ['新华大街', '中山路', '海拉尔东路', '锡林郭勒北路', '昭乌达路', '兴安南路', '呼伦南路', '大学西街',
  '乌兰察布西路', '满都海路', '成吉思汗大街', '鄂尔多斯大街', '阿尔丁大街', '钢铁大街', '民族南路', '团结路',
  '迎宾路', '胜利路', '光明路', '建设路', '育才路', '文化街', '北垣街', '新城西街'];

/** Pastoral areas are organised in 苏木 and 嘎查, farming areas in 镇/乡 and 村. */
const PASTORAL_TOWNSHIPS = ['巴彦乌拉苏木', '宝力格苏木', '查干诺尔苏木', '额尔敦苏木', '白音锡勒苏木'];
const PASTORAL_VILLAGES = ['巴彦嘎查', '乌兰嘎查', '宝日嘎查', '查干嘎查', '哈日嘎查', '额很嘎查'];
const FARMING_TOWNSHIPS = ['白音镇', '新华镇', '太平镇', '哈拉沟乡', '乌兰镇', '胜利乡', '和平镇', '兴隆镇'];
const FARMING_VILLAGES = ['前进村', '东风村', '红旗村', '新民村', '太平村', '永丰村', '三合村', '五一村'];

/** <full division path><street or 苏木/镇 + 嘎查/村><number>号, e.g. 内蒙古自治区呼和浩特市新城区海拉尔东路12号. */
export function streetAddress(random: Random, place: Place): string {
  if (!place.rural) return `${place.path}${random.pick(STREETS)}${random.int(1, 300)}号`;
  const locality = random.chance(0.4)
    ? random.pick(PASTORAL_TOWNSHIPS) + random.pick(PASTORAL_VILLAGES)
    : random.pick(FARMING_TOWNSHIPS) + random.pick(FARMING_VILLAGES);
  return `${place.path}${locality}${random.int(1, 200)}号`;
}
