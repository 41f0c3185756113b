import { requireIdNumber } from './idNumber.ts';

/**
 * A Person's entity reference in an office that knows a person by ID number only (Staffing,
 * Organization, Finance): the number checked and normalised, answered synchronously. `_entities`
 * resolves a Roster's 808 references one by one through this; an async resolver cost two promises
 * for each (its own, and the `then` Apollo adds `__typename` with). A bad number comes back as a
 * rejected promise rather than a throw: a throw inside Apollo's `_entities` map would fail the whole
 * list instead of that one entry (INVALID_ID_NUMBER at `_entities.<i>`, as before).
 */
export function idNumberReference(ref: { idNumber: string }): { __typename: 'Person'; idNumber: string } | Promise<never> {
  try {
    // With its __typename already: the patched @apollo/subgraph then leaves the object as it is, where it
    // would define the property on each object anew (patches/@apollo__subgraph@2.14.4.patch).
    return { __typename: 'Person', idNumber: requireIdNumber(ref.idNumber).idNumber };
  } catch (error) {
    return Promise.reject(error);
  }
}
