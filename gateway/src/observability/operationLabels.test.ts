import { describe, expect, it } from 'vitest';
import { loggableOperationName, operationLabels } from './operationLabels.ts';

describe('operationLabels', () => {
  it('keeps names up to the bound, then counts new ones as other; known names keep their label', () => {
    const label = operationLabels(3);
    expect(['A', 'B', 'C', 'D', 'A', 'E'].map(label)).toEqual(['A', 'B', 'C', 'other', 'A', 'other']);
  });

  it('gives an anonymous operation, an over-long name and one with a long number no label of its own', () => {
    const label = operationLabels();
    expect(label(null)).toBe('anonymous');
    expect(label('x'.repeat(65))).toBe('other');
    expect(label('_41010219850317001X')).toBe('other');
    expect(label('Report2026')).toBe('Report2026');
  });

  it('masks a long number in a logged name', () => {
    expect(loggableOperationName('_41010219850317001X')).toBe('_******');
    expect(loggableOperationName('Roster')).toBe('Roster');
    expect(loggableOperationName(null)).toBeNull();
  });
});
