import { type Random, weightedPicker } from './random.ts';

/** Common surnames, most frequent first (a Henan-plausible order); weights fall off with rank. */
const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const pickSurname = weightedPicker(SURNAMES.map((s, i) => [s, 7.5 / (1 + i * 0.35)] as const));

const MALE = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国志海峰亮新永文东振玉成春庆红光晓锋晨博亚豪利兵卫'];
const FEMALE = [...'芳娜敏静丽艳娟霞玲燕婷雪慧颖琳晶洁红梅莉萍倩佳欣悦璐瑶楠丹月琪萌蕾冰秀英华玉兰凤珍荣爱彤璇怡菲梦雅瑞'];
const SHARED = [...'文晓新子佳思一嘉志明春永'];

export type Gender = 'MALE' | 'FEMALE';

/** A plausible Chinese name: a weighted surname and a given name of one or two characters. */
export function randomName(rng: Random, gender: Gender): string {
  const own = gender === 'MALE' ? MALE : FEMALE;
  const surname = pickSurname(rng);
  if (rng.chance(0.3)) return surname + rng.pick(own);
  const first = rng.chance(0.3) ? rng.pick(SHARED) : rng.pick(own);
  let second = rng.pick(own);
  if (second === first && rng.chance(0.7)) second = rng.pick(own);
  return surname + first + second;
}
