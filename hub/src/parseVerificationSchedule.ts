import { ConfigError } from '@hub/schema';

/** The schedules a verification run can follow (DESIGN §3.4: the offices reconcile every half year; the hub also monthly). */
export const VERIFICATION_SCHEDULES = ['MONTHLY', 'HALF_YEARLY'] as const;
export type VerificationSchedule = (typeof VERIFICATION_SCHEDULES)[number];

/**
 * VERIFICATION_SCHEDULE: the scheduled runs of everything the verification worker queues, one per
 * period of each (`MONTHLY,HALF_YEARLY`, the default when unset; `MONTHLY`; `HALF_YEARLY`; `off` for
 * on-demand runs only). Case and spaces do not matter; an unknown name, an empty item or one given
 * twice is refused.
 */
export function parseVerificationSchedule(raw: string | undefined): readonly VerificationSchedule[] {
  const text = raw?.trim() ?? '';
  if (text === '') return Object.freeze([...VERIFICATION_SCHEDULES]);
  if (text.toLowerCase() === 'off') return Object.freeze([]);
  const schedules = text.split(',').map((part) => {
    const name = part.trim().toUpperCase();
    if (!(VERIFICATION_SCHEDULES as readonly string[]).includes(name))
      throw new ConfigError(
        'VERIFICATION_SCHEDULE',
        `无法识别 "${part.trim()}"（应为 MONTHLY、HALF_YEARLY，以逗号分隔，或 off）`,
        `cannot read "${part.trim()}" (expected MONTHLY, HALF_YEARLY, comma-separated, or off)`,
      );
    return name as VerificationSchedule;
  });
  const twice = schedules.find((s, i) => schedules.indexOf(s) !== i);
  if (twice) throw new ConfigError('VERIFICATION_SCHEDULE', `${twice} 出现了两次`, `${twice} is given twice`);
  return Object.freeze(schedules);
}
