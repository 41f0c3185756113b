import { expect } from 'vitest';
import type { TestHub } from './testHub.ts';

/** A finding as a run's changes list it. */
export interface ChangedFinding {
  type: string;
  mustAct: string;
  creditCode: string | null;
  idNumber: string | null;
  values: { office: string; item: string; value: string | null }[];
}

const CHANGES = `query($id: ID!, $change: FindingChange!) { verificationRun(id: $id) { status error changes(change: $change, first: 50) { nodes { finding { type mustAct creditCode idNumber values { office item value } } } } } }`;

/**
 * Starts a verification run of everything as `headers` (a coordinator), runs it to the end with the
 * hub's worker and returns its id; the run must have been created, not found queued.
 */
export async function runVerification(hub: TestHub, headers: Record<string, string>): Promise<string> {
  const started = await hub.query(`mutation { startVerificationRun(input: { kind: ALL }) { created run { id } } }`, {}, headers);
  expect(started.errors).toBeUndefined();
  expect(started.data.startVerificationRun.created).toBe(true);
  await hub.verification.drain();
  return started.data.startVerificationRun.run.id;
}

/** A full run (runVerification), then what it found NEW and what it RESOLVED compared with the runs before; it must have SUCCEEDED. */
export async function runVerificationChanges(
  hub: TestHub,
  headers: Record<string, string>,
): Promise<{ id: string; fresh: ChangedFinding[]; resolved: ChangedFinding[] }> {
  const id = await runVerification(hub, headers);
  const changes = async (change: 'NEW' | 'RESOLVED'): Promise<ChangedFinding[]> => {
    const answer = await hub.query(CHANGES, { id, change }, headers);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.verificationRun).toMatchObject({ status: 'SUCCEEDED', error: null });
    return answer.data.verificationRun.changes.nodes.map((n: { finding: ChangedFinding }) => n.finding);
  };
  return { id, fresh: await changes('NEW'), resolved: await changes('RESOLVED') };
}
