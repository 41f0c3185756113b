/** The demo city, 河南省中州市 (fictional, 郑州-like), its districts and their towns. */
export const CITY_NAME = '中州市';
export const CITY_DIVISION = '410100';

export interface District {
  name: string;
  /** The six-digit division code (4101xx), positions 3–8 of its institutions' credit codes. */
  code: string;
  towns: readonly string[];
}

export const DISTRICTS: readonly District[] = [
  { name: '城中区', code: '410102', towns: ['城关镇', '古城镇', '龙湖镇', '柳林镇', '石桥镇', '白沙镇', '祥云镇', '丰乐镇'] },
  { name: '东明区', code: '410103', towns: ['圃田镇', '东赵镇', '杨桥镇', '金岗镇', '八岗镇', '官渡镇', '刘集镇', '张庄镇'] },
  { name: '西岭区', code: '410104', towns: ['须水镇', '沟赵镇', '石佛镇', '侯寨镇', '樱桃沟镇', '马寨镇', '常庄镇', '贾峪镇'] },
  { name: '北湖区', code: '410105', towns: ['花园口镇', '古荥镇', '广武镇', '王村镇', '高村镇', '北邙镇', '黄河滩镇', '荥泽镇'] },
  { name: '南关区', code: '410106', towns: ['郭店镇', '薛店镇', '孟庄镇', '梨河镇', '和庄镇', '新村镇', '辛店镇', '大隗镇'] },
  { name: '黄河区', code: '410108', towns: ['峡窝镇', '米河镇', '竹林镇', '回郭镇', '小关镇', '涉村镇', '大峪沟镇', '河洛镇'] },
];
