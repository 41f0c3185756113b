import { CITY_NAME, type District } from './cityMap.ts';
import { at, type InstitutionTemplate } from './templates.ts';

/** The core organs and institutions of one district (区), parents first. */
export function districtCore(d: District): InstitutionTemplate[] {
  const { party, gov, mass, pi } = at('DISTRICT', d.code);
  const D = d.name;
  return [
    party(`中共${D}委办公室`),
    party(`中共${D}委组织部`),
    party(`中共${D}纪律检查委员会`),
    party(`中共${D}委政法委员会`, 'POLITICS_AND_LAW', 'lawOrgan'),
    gov(`${D}人民政府办公室`, 'GENERAL_AFFAIRS'),
    gov(`${D}教育局`, 'EDUCATION'),
    gov(`${D}财政局`, 'GENERAL_AFFAIRS'),
    gov(`${D}卫生健康委员会`, 'HEALTH'),
    gov(`${D}农业农村局`, 'AGRICULTURE'),
    gov(`${D}市场监督管理局`, 'MARKET_REGULATION'),
    gov(`${CITY_NAME}公安局${D.slice(0, -1)}分局`, 'POLITICS_AND_LAW', 'police'),
    pi(`${D}人民医院`, 'HEALTH', 'hospital', `${D}卫生健康委员会`, 'PARTIAL'),
    pi(`${D}第一中学`, 'EDUCATION', 'highSchool', `${D}教育局`),
    pi(`${D}实验小学`, 'EDUCATION', 'primarySchool', `${D}教育局`),
    mass(`${D}总工会`),
  ];
}

/** Further district units, added round-robin over the districts. */
export function districtExtras(d: District): InstitutionTemplate[] {
  const { party, gov, mass, pi } = at('DISTRICT', d.code);
  const D = d.name;
  return [
    party(`中共${D}委宣传部`),
    gov(`${D}人力资源和社会保障局`, 'GENERAL_AFFAIRS'),
    gov(`${D}民政局`, 'CIVIL_AFFAIRS'),
    gov(`${D}司法局`, 'POLITICS_AND_LAW', 'lawOrgan'),
    gov(`${D}人民法院`, 'POLITICS_AND_LAW', 'lawOrgan'),
    gov(`${D}人民检察院`, 'POLITICS_AND_LAW', 'lawOrgan'),
    gov(`${D}住房和城乡建设局`, 'GENERAL_AFFAIRS'),
    gov(`${D}文化广电和旅游局`, 'CULTURE_AND_TOURISM'),
    mass(`共青团${D}委员会`),
    mass(`${D}妇女联合会`),
    pi(`${D}中医院`, 'HEALTH', 'hospital', `${D}卫生健康委员会`, 'PARTIAL'),
    pi(`${D}疾病预防控制中心`, 'HEALTH', 'publicHealth', `${D}卫生健康委员会`),
    pi(`${D}妇幼保健院`, 'HEALTH', 'hospital', `${D}卫生健康委员会`, 'PARTIAL'),
    pi(`${D}第二中学`, 'EDUCATION', 'highSchool', `${D}教育局`),
    pi(`${D}农业技术推广中心`, 'AGRICULTURE', 'agriTech', `${D}农业农村局`),
    pi(`${D}图书馆`, 'CULTURE_AND_TOURISM', 'culture', `${D}文化广电和旅游局`),
    pi(`${D}政务服务中心`, 'GENERAL_AFFAIRS', 'service', `${D}人民政府办公室`),
  ];
}

/** The organs and institutions of one town (镇) of a district. */
export function townCore(d: District, town: string): InstitutionTemplate[] {
  const { party, gov, pi } = at('TOWNSHIP', d.code);
  const townGov = `${d.name}${town}人民政府`;
  return [
    gov(townGov, 'GENERAL_AFFAIRS', 'townGov'),
    party(`中共${d.name}${town}委员会`, 'PARTY_AFFAIRS', 'townParty'),
    pi(`${town}卫生院`, 'HEALTH', 'healthCenter', `${d.name}卫生健康委员会`, 'PARTIAL'),
    pi(`${town}中心小学`, 'EDUCATION', 'primarySchool', `${d.name}教育局`),
    pi(`${town}农业服务中心`, 'AGRICULTURE', 'townService', townGov),
  ];
}

/** Smaller town service centres, added last. */
export function townExtras(d: District, town: string): InstitutionTemplate[] {
  const { pi } = at('TOWNSHIP', d.code);
  const townGov = `${d.name}${town}人民政府`;
  return [pi(`${town}文化服务中心`, 'CULTURE_AND_TOURISM', 'townService', townGov), pi(`${town}便民服务中心`, 'GENERAL_AFFAIRS', 'townService', townGov)];
}
