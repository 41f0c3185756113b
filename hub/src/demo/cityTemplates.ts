import { CITY_DIVISION, CITY_NAME as C } from './cityMap.ts';
import { at, type InstitutionTemplate } from './templates.ts';

const { party, gov, mass, pi } = at('CITY', CITY_DIVISION);

/** City-level party organs, government organs and mass organisations (市直机关, 群团). */
export const CITY_ORGANS: readonly InstitutionTemplate[] = [
  party(`中共${C}委办公室`), party(`中共${C}纪律检查委员会`), party(`中共${C}委组织部`), party(`中共${C}委宣传部`),
  party(`中共${C}委统一战线工作部`), party(`中共${C}委政法委员会`, 'POLITICS_AND_LAW', 'lawOrgan'),
  party(`中共${C}委机构编制委员会办公室`), party(`中共${C}委网络安全和信息化委员会办公室`),
  party(`中共${C}直属机关工作委员会`), party(`中共${C}委老干部局`),
  gov(`${C}人民政府办公室`, 'GENERAL_AFFAIRS'), gov(`${C}发展和改革委员会`, 'GENERAL_AFFAIRS'), gov(`${C}教育局`, 'EDUCATION'),
  gov(`${C}科学技术局`, 'GENERAL_AFFAIRS'), gov(`${C}工业和信息化局`, 'GENERAL_AFFAIRS'),
  gov(`${C}公安局`, 'POLITICS_AND_LAW', 'police'), gov(`${C}民政局`, 'CIVIL_AFFAIRS'), gov(`${C}司法局`, 'POLITICS_AND_LAW', 'lawOrgan'),
  gov(`${C}财政局`, 'GENERAL_AFFAIRS'), gov(`${C}人力资源和社会保障局`, 'GENERAL_AFFAIRS'),
  gov(`${C}自然资源和规划局`, 'NATURAL_RESOURCES'), gov(`${C}生态环境局`, 'NATURAL_RESOURCES'),
  gov(`${C}住房和城乡建设局`, 'GENERAL_AFFAIRS'), gov(`${C}城市管理局`, 'GENERAL_AFFAIRS'), gov(`${C}交通运输局`, 'TRANSPORT'),
  gov(`${C}水利局`, 'AGRICULTURE'), gov(`${C}农业农村局`, 'AGRICULTURE'), gov(`${C}商务局`, 'GENERAL_AFFAIRS'),
  gov(`${C}文化广电和旅游局`, 'CULTURE_AND_TOURISM'), gov(`${C}卫生健康委员会`, 'HEALTH'),
  gov(`${C}退役军人事务局`, 'CIVIL_AFFAIRS'), gov(`${C}应急管理局`, 'GENERAL_AFFAIRS'), gov(`${C}审计局`, 'GENERAL_AFFAIRS'),
  gov(`${C}市场监督管理局`, 'MARKET_REGULATION'), gov(`${C}体育局`, 'CULTURE_AND_TOURISM'), gov(`${C}统计局`, 'GENERAL_AFFAIRS'),
  gov(`${C}医疗保障局`, 'HEALTH'), gov(`${C}林业局`, 'NATURAL_RESOURCES'), gov(`${C}信访局`, 'CIVIL_AFFAIRS'),
  gov(`${C}机关事务管理局`, 'GENERAL_AFFAIRS'), gov(`${C}中级人民法院`, 'POLITICS_AND_LAW', 'lawOrgan'),
  gov(`${C}人民检察院`, 'POLITICS_AND_LAW', 'lawOrgan'),
  mass(`${C}总工会`), mass(`共青团${C}委员会`), mass(`${C}妇女联合会`), mass(`${C}科学技术协会`),
  mass(`${C}文学艺术界联合会`), mass(`${C}残疾人联合会`), mass(`${C}工商业联合会`), mass(`${C}红十字会`),
];

const health = `${C}卫生健康委员会`;
const edu = `${C}教育局`;

/** City public institutions created first (the core of each system). */
export const CITY_INSTITUTIONS_CORE: readonly InstitutionTemplate[] = [
  pi(`${C}人民医院`, 'HEALTH', 'mainHospital', health, 'PARTIAL'), pi(`${C}中心医院`, 'HEALTH', 'hospital', health, 'PARTIAL'),
  pi(`${C}中医院`, 'HEALTH', 'hospital', health, 'PARTIAL'), pi(`${C}妇幼保健院`, 'HEALTH', 'hospital', health, 'PARTIAL'),
  pi(`${C}疾病预防控制中心`, 'HEALTH', 'publicHealth', health),
  pi(`${C}第一中学`, 'EDUCATION', 'highSchool', edu), pi(`${C}第二中学`, 'EDUCATION', 'highSchool', edu),
  pi(`${C}第三中学`, 'EDUCATION', 'highSchool', edu), pi(`${C}第四中学`, 'EDUCATION', 'highSchool', edu),
  pi(`${C}实验小学`, 'EDUCATION', 'primarySchool', edu), pi(`${C}职业技术学校`, 'EDUCATION', 'vocational', edu),
  pi(`${C}农业技术推广中心`, 'AGRICULTURE', 'agriTech', `${C}农业农村局`),
  pi(`${C}畜牧技术服务中心`, 'AGRICULTURE', 'agriTech', `${C}农业农村局`),
  pi(`${C}不动产登记中心`, 'NATURAL_RESOURCES', 'service', `${C}自然资源和规划局`),
  pi(`${C}土地储备中心`, 'NATURAL_RESOURCES', 'service', `${C}自然资源和规划局`, 'SELF_FUNDED'),
  pi(`${C}公路事业发展中心`, 'TRANSPORT', 'engineering', `${C}交通运输局`),
  pi(`${C}交通运输综合服务中心`, 'TRANSPORT', 'service', `${C}交通运输局`),
  pi(`${C}图书馆`, 'CULTURE_AND_TOURISM', 'culture', `${C}文化广电和旅游局`),
  pi(`${C}博物馆`, 'CULTURE_AND_TOURISM', 'culture', `${C}文化广电和旅游局`),
  pi(`${C}广播电视台`, 'CULTURE_AND_TOURISM', 'culture', `${C}文化广电和旅游局`, 'PARTIAL'),
  pi(`${C}食品药品检验检测中心`, 'MARKET_REGULATION', 'engineering', `${C}市场监督管理局`),
  pi(`${C}计量测试所`, 'MARKET_REGULATION', 'engineering', `${C}市场监督管理局`, 'PARTIAL'),
  pi(`${C}社会福利院`, 'CIVIL_AFFAIRS', 'service', `${C}民政局`), pi(`${C}救助管理站`, 'CIVIL_AFFAIRS', 'service', `${C}民政局`),
  pi(`中共${C}委党校`, 'PARTY_AFFAIRS', 'service', `中共${C}委组织部`), pi(`${C}档案馆`, 'PARTY_AFFAIRS', 'culture', `中共${C}委办公室`),
  pi(`${C}政务服务和大数据管理中心`, 'GENERAL_AFFAIRS', 'service', `${C}人民政府办公室`),
  pi(`${C}公证处`, 'POLITICS_AND_LAW', 'service', `${C}司法局`, 'SELF_FUNDED'),
  pi(`${C}法律援助中心`, 'POLITICS_AND_LAW', 'service', `${C}司法局`),
  pi(`${C}人才交流中心`, 'GENERAL_AFFAIRS', 'service', `${C}人力资源和社会保障局`, 'SELF_FUNDED'),
  pi(`${C}社会保险中心`, 'GENERAL_AFFAIRS', 'service', `${C}人力资源和社会保障局`),
];

/** City public institutions added once every district and its first towns exist. */
export const CITY_INSTITUTIONS_EXTRA: readonly InstitutionTemplate[] = [
  pi(`${C}第五中学`, 'EDUCATION', 'highSchool', edu), pi(`${C}第六中学`, 'EDUCATION', 'highSchool', edu),
  pi(`${C}第二实验小学`, 'EDUCATION', 'primarySchool', edu), pi(`${C}特殊教育学校`, 'EDUCATION', 'primarySchool', edu),
  pi(`${C}第二人民医院`, 'HEALTH', 'hospital', health, 'PARTIAL'), pi(`${C}急救中心`, 'HEALTH', 'publicHealth', health),
  pi(`${C}医疗保障服务中心`, 'HEALTH', 'service', `${C}医疗保障局`),
  pi(`${C}水利工程管理中心`, 'AGRICULTURE', 'engineering', `${C}水利局`, 'PARTIAL'),
  pi(`${C}林业技术推广站`, 'NATURAL_RESOURCES', 'agriTech', `${C}林业局`),
  pi(`${C}住房保障服务中心`, 'GENERAL_AFFAIRS', 'service', `${C}住房和城乡建设局`),
  pi(`${C}建设工程质量安全监督站`, 'GENERAL_AFFAIRS', 'engineering', `${C}住房和城乡建设局`, 'PARTIAL'),
  pi(`${C}群众艺术馆`, 'CULTURE_AND_TOURISM', 'culture', `${C}文化广电和旅游局`),
  pi(`${C}文物保护中心`, 'CULTURE_AND_TOURISM', 'culture', `${C}文化广电和旅游局`),
  pi(`${C}体育运动学校`, 'CULTURE_AND_TOURISM', 'vocational', `${C}体育局`),
  pi(`${C}殡仪馆`, 'CIVIL_AFFAIRS', 'service', `${C}民政局`, 'SELF_FUNDED'),
  pi(`${C}军队离休退休干部休养所`, 'CIVIL_AFFAIRS', 'service', `${C}退役军人事务局`),
  pi(`${C}特种设备检验所`, 'MARKET_REGULATION', 'engineering', `${C}市场监督管理局`, 'SELF_FUNDED'),
  pi(`中州日报社`, 'PARTY_AFFAIRS', 'culture', `中共${C}委宣传部`, 'SELF_FUNDED'),
  pi(`${C}应急救援保障中心`, 'GENERAL_AFFAIRS', 'service', `${C}应急管理局`),
  pi(`${C}价格监测中心`, 'GENERAL_AFFAIRS', 'service', `${C}发展和改革委员会`),
  pi(`${C}国库集中支付中心`, 'GENERAL_AFFAIRS', 'service', `${C}财政局`),
  pi(`${C}统计普查中心`, 'GENERAL_AFFAIRS', 'service', `${C}统计局`),
  pi(`${C}园林绿化中心`, 'GENERAL_AFFAIRS', 'service', `${C}城市管理局`),
  pi(`${C}第七中学`, 'EDUCATION', 'highSchool', edu), pi(`${C}第八中学`, 'EDUCATION', 'highSchool', edu),
];
