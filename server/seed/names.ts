import type { Gender } from '../../common/enums';
import type { Random } from './random';

// Invented combinations of common characters: the demo county names no real person or place.
const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许沈曾彭吕苏卢蒋蔡丁魏叶余潘杜戴夏钟汪田任姜范方石姚谭和木杨李',
];
const GIVEN_MALE = [
  ...'伟强军平刚明辉永健世广志义兴良海山仁波宁福贵生龙元全国胜学祥才发武新利清飞彬富顺信杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮',
];
const GIVEN_FEMALE = [
  ...'秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷',
];
// Tibetan and Naxi given names, as common in a Diqing-like county, used whole.
const TIBETAN_MALE = [
  '扎西',
  '次仁',
  '格桑',
  '多吉',
  '尼玛',
  '平措',
  '顿珠',
  '洛桑',
  '农布',
  '丹增',
  '鲁茸',
  '此里',
];
const TIBETAN_FEMALE = [
  '卓玛',
  '央金',
  '拉姆',
  '德吉',
  '次姆',
  '白玛',
  '曲珍',
  '永宗',
  '达娃',
  '阿茸',
  '此称',
  '卓嘎',
];

export function personName(random: Random, gender: Gender, ethnicity: string): string {
  if (ethnicity === '藏族' && random.next() < 0.8) {
    const list = gender === 'male' ? TIBETAN_MALE : TIBETAN_FEMALE;
    return random.next() < 0.5 ? random.pick(list) : `${random.pick(list)}${random.pick(list)}`;
  }
  const given = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const first = random.pick(SURNAMES);
  return random.next() < 0.3
    ? `${first}${random.pick(given)}`
    : `${first}${random.pick(given)}${random.pick(given)}`;
}

export const ETHNICITIES = [
  ['汉族', 48],
  ['藏族', 27],
  ['纳西族', 10],
  ['彝族', 7],
  ['傈僳族', 5],
  ['白族', 3],
] as const;

// Invented place names for the townships and their villages.
export const TOWNSHIPS = [
  '松林镇',
  '清溪镇',
  '石门乡',
  '云台乡',
  '梅子坪乡',
  '白马镇',
  '金沙镇',
  '桃源乡',
  '龙潭镇',
  '青山乡',
];
const PLACE_A = [...'上下东西南北大小新老青红白黑金银石松柏梅竹桃李杏柳花草云雪月日山水'];
const PLACE_B = ['村', '坪', '湾', '塘', '沟', '岭', '坝', '庄', '寨', '口', '河', '林'];

export function placeName(random: Random): string {
  return `${random.pick(PLACE_A)}${random.pick(PLACE_A)}${random.pick(PLACE_B)}`;
}
