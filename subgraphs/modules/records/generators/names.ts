import { Random } from './random';

export type Gender = 'MALE' | 'FEMALE';

/** Common surnames in tiers of rough frequency (percent of the population, national figures). */
const SURNAME_TIERS: readonly (readonly [string, number])[] = [
  ['王李张', 7], ['刘', 5.4], ['陈', 4.5], ['杨', 3.1], ['赵', 2.3], ['黄', 2.2], ['周吴', 1.7],
  ['徐孙胡朱高', 1.2], ['林何郭马罗', 0.9], ['梁宋郑谢韩唐冯于董', 0.55],
  ['程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎', 0.4],
  ['余潘杜戴夏田任姜范方石姚金郝孔白崔康毛秦史侯邵孟武乔贺常', 0.25],
];
const SURNAMES = SURNAME_TIERS.flatMap(([names, weight]) => [...names].map((name) => [name, weight] as const));

const GIVEN_NAME_CHARACTERS: Record<Gender, readonly string[]> = {
  MALE: [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊旭宁龙林峰建国志文海东亮成振利永胜春晓云'],
  FEMALE: [...'芳娜敏静丽艳娟霞燕玲婷雪慧颖琳洁欣悦璐晶红梅兰佳怡萍倩丹蕾秀英春晓云'],
};

/** Mongolian given names as written in Chinese characters, used on their own as a full name. */
const MONGOLIAN_NAMES: Record<Gender, readonly string[]> = {
  MALE: ['巴特尔', '额尔敦', '苏和', '朝鲁', '孟和', '宝音', '那顺', '阿拉坦', '巴图', '毕力格', '哈斯', '吉日嘎拉',
    '额尔德尼', '乌力吉', '特木尔', '布和', '那木斯来', '巴雅尔', '满都拉', '图门', '格日勒图', '斯琴巴特尔'],
  FEMALE: ['其其格', '乌日娜', '斯琴', '萨仁', '娜仁', '高娃', '塔娜', '托娅', '乌兰', '图雅', '萨日朗', '苏日娜',
    '格日勒', '乌云', '阿拉坦其其格', '斯琴高娃', '娜仁花', '额尔敦其其格', '琪琪格', '乌云格日勒'],
};

/** Many Mongols in Inner Mongolia carry Chinese-style names; most carry a Mongolian one. */
const MONGOLIAN_NAME_SHARE = 0.75;

export function surname(random: Random): string {
  return random.weighted(SURNAMES);
}

export function personName(random: Random, gender: Gender, ethnicity: string): string {
  if (ethnicity === '蒙古族' && random.chance(MONGOLIAN_NAME_SHARE)) return random.pick(MONGOLIAN_NAMES[gender]);
  const characters = GIVEN_NAME_CHARACTERS[gender];
  const given = random.chance(0.3) ? random.pick(characters) : random.pick(characters) + random.pick(characters);
  return surname(random) + given;
}
