import { describe, expect, it } from 'vitest';
import { officeContext } from './officeContext.ts';

describe('officeContext', () => {
  const createContext = officeContext((db: { name: string }) => ({ madeFor: db.name, cache: new Map<string, unknown>() }));
  const db = { name: 'hr' };

  it('makes each request its own loaders and audit list, from the office database', () => {
    const [first, second] = [createContext(db), createContext(db)];
    expect(first.loaders).toEqual({ madeFor: 'hr', cache: new Map() });
    expect([first.loaders === second.loaders, first.audit === second.audit]).toEqual([false, false]);
  });

  it('is a public caller on the real clock unless told otherwise', () => {
    const anonymous = createContext(db);
    expect([anonymous.viewer, anonymous.audit, anonymous.now() instanceof Date]).toEqual([null, [], true]);
    const viewer = { office: 'hr', role: 'OPERATOR', sub: 'li' } as const;
    const fixed = new Date('2026-11-26T00:00:00Z');
    const signedIn = createContext(db, viewer, () => fixed);
    expect([signedIn.db, signedIn.viewer, signedIn.now()]).toEqual([db, viewer, fixed]);
  });
});
