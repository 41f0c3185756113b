import type { ServiceName } from './subgraphs.ts';

/**
 * The messages offices send each other (DESIGN §5: a cross-office effect is a message, never one
 * office writing another's data). A sender writes the message into its own outbox in the transaction
 * that makes the change; the gateway's relay (gateway/src/messaging/messageRelay.ts) delivers it to the
 * recipient's inbox, which applies it once however often it arrives (keyed by the message id).
 *
 * Each topic is listed here once, with who sends it and who receives it: the one place that tells
 * which office tells which what. Payloads are plain JSON, typed in MessagePayloads.
 */
export const MESSAGE_TOPICS = {
  'staffing.hiringApproved': {
    from: 'staffing',
    to: ['hr'],
    description: '进人用编审批通过：人社局据审批表办理聘用 / a hiring approval HR may record hires against',
  },
  'staffing.hiringApprovalWithdrawn': { from: 'staffing', to: ['hr'], description: '进人用编审批收回 / an approval withdrawn: no more hires against it' },
  'hr.hireRecorded': {
    from: 'hr',
    to: ['staffing'],
    description: '人社局已办理聘用：编办入编、发编制卡 / a hire recorded: the Staffing Office enters the ledger and issues the card',
  },
  'staffing.staffingCardIssued': {
    from: 'staffing',
    to: ['hr', 'finance'],
    description: '编制卡已发放（在编证明）/ a staffing card issued, the proof of being in quota',
  },
  'staffing.stopPayNotice': {
    from: 'staffing',
    to: ['finance'],
    description: '停拨工资通知：人员核减后自次月起停发 / stop pay from the month after a removal',
  },
  'staffing.personsTransferred': {
    from: 'staffing',
    to: ['hr', 'finance'],
    description:
      '人随编走：人员随编制划转至另一单位，人社局改用工单位、财政局改工资发放单位 / persons moved with their quota to another institution: HR moves their employment, Finance their payroll',
  },
} as const satisfies Record<string, { from: ServiceName; to: readonly ServiceName[]; description: string }>;

/** A message's payload by topic (each topic above has one entry here). */
export interface MessagePayloads {
  'staffing.hiringApproved': {
    approvalFormNumber: string;
    auditNoticeNumber: string;
    institutionCreditCode: string;
    category: string;
    persons: number;
    approvedOn: string;
    validUntil: string;
  };
  'staffing.hiringApprovalWithdrawn': { approvalFormNumber: string; withdrawnOn: string; reason: string; documentNumber: string };
  'hr.hireRecorded': {
    approvalFormNumber: string;
    idNumber: string;
    institutionCreditCode: string;
    category: string;
    /** The ledger's items as HR recorded them (the Staffing Office keeps its own copy). */
    name: string;
    ethnicity: string;
    nativePlace: string;
    politicalStatus: string;
    post: string;
    workStartDate: string;
    unitJoinDate: string;
  };
  'staffing.staffingCardIssued': {
    cardNumber: string;
    idNumber: string;
    institutionCreditCode: string;
    category: string;
    issuedOn: string;
    approvalFormNumber: string | null;
  };
  'staffing.stopPayNotice': {
    noticeNumber: string;
    idNumber: string;
    institutionCreditCode: string;
    reason: string;
    effectiveOn: string;
    /** The first month (YYYY-MM) Finance no longer pays. */
    stopFromMonth: string;
    issuedAt: string;
  };
  'staffing.personsTransferred': {
    /** The transfer's document number (编制划转文号). */
    documentNumber: string;
    fromInstitutionCreditCode: string;
    toInstitutionCreditCode: string;
    category: string;
    /** The day the persons joined the target institution. */
    effectiveOn: string;
    idNumbers: string[];
  };
}

export type MessageTopic = keyof typeof MESSAGE_TOPICS & keyof MessagePayloads;

/** A message as the relay carries it. */
export interface OfficeMessage<T extends string = string> {
  /** Unique, chosen by the sender (a UUID); the recipient's inbox is keyed by it. */
  id: string;
  topic: T;
  from: ServiceName;
  /** One recipient: a topic with several has one message per recipient. */
  to: ServiceName;
  payload: T extends MessageTopic ? MessagePayloads[T] : unknown;
  /** When the sender wrote it (ISO 8601). */
  createdAt: string;
}

/** The offices that send messages: the relay polls their outboxes. */
export const MESSAGE_SENDERS: readonly ServiceName[] = [...new Set(Object.values(MESSAGE_TOPICS as Record<string, { from: ServiceName }>).map((t) => t.from))];
