import { type Random, weightedPicker } from './random.ts';

/** A native place (籍贯) with the six-digit division codes its ID numbers start with. */
export interface NativePlace {
  name: string;
  codes: readonly string[];
}

const PLACES: readonly (readonly [NativePlace, number])[] = [
  [{ name: '河南郑州', codes: ['410102', '410103', '410104', '410105', '410122', '410181'] }, 30],
  [{ name: '河南开封', codes: ['410202', '410221'] }, 6],
  [{ name: '河南洛阳', codes: ['410302', '410322'] }, 7],
  [{ name: '河南平顶山', codes: ['410402', '410421'] }, 4],
  [{ name: '河南安阳', codes: ['410502', '410522'] }, 4],
  [{ name: '河南鹤壁', codes: ['410602'] }, 2],
  [{ name: '河南新乡', codes: ['410702', '410721'] }, 5],
  [{ name: '河南焦作', codes: ['410802'] }, 3],
  [{ name: '河南濮阳', codes: ['410902'] }, 2],
  [{ name: '河南许昌', codes: ['411002', '411023'] }, 4],
  [{ name: '河南漯河', codes: ['411102'] }, 2],
  [{ name: '河南三门峡', codes: ['411202'] }, 2],
  [{ name: '河南南阳', codes: ['411302', '411321'] }, 6],
  [{ name: '河南商丘', codes: ['411402', '411421'] }, 5],
  [{ name: '河南信阳', codes: ['411502', '411521'] }, 5],
  [{ name: '河南周口', codes: ['411602', '411621'] }, 6],
  [{ name: '河南驻马店', codes: ['411702', '411721'] }, 5],
  [{ name: '河南济源', codes: ['419001'] }, 1],
  [{ name: '山东菏泽', codes: ['371702'] }, 1],
  [{ name: '山东济南', codes: ['370102'] }, 0.5],
  [{ name: '河北邯郸', codes: ['130402'] }, 1],
  [{ name: '河北石家庄', codes: ['130102'] }, 0.5],
  [{ name: '安徽阜阳', codes: ['341202'] }, 1],
  [{ name: '安徽亳州', codes: ['341602'] }, 0.5],
  [{ name: '湖北襄阳', codes: ['420602'] }, 0.7],
  [{ name: '湖北武汉', codes: ['420102'] }, 0.5],
];

const pickPlace = weightedPicker(PLACES);

/** A native place and the region code of the person's ID number (registered there). */
export function randomPlace(rng: Random): { nativePlace: string; regionCode: string } {
  const place = pickPlace(rng);
  return { nativePlace: place.name, regionCode: rng.pick(place.codes) };
}
