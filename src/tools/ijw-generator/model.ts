import type { GeneratorMunicipality, GeneratorProduct, GeneratorProvider } from './landscape.js';

export type MessageType = 'JW301' | 'JW305' | 'JW307' | 'JW315' | 'JW317' | 'JW319' | 'JW323';
export const messageTypes: readonly MessageType[] = ['JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW319', 'JW323'];

export interface Youth {
  id: number;
  bsn: string;
  birthDay: number;
  /** COD046: 1 man, 2 vrouw. */
  gender: '1' | '2';
  lastName: string;
  prefix: string;
  firstNames: string;
  initials: string;
  municipality: GeneratorMunicipality;
  address: { street: string; houseNumber: number; postcode: string; city: string };
}

/** COD327 verwijzer with the name or AGB code CD066–CD068 ask for. */
export interface Referrer {
  type: string;
  name?: string;
  agbCode?: string;
}

/** WJ756 eenheid, WMO757 frequentie. */
export interface Omvang {
  volume: number;
  unit: string;
  frequency: string;
}

export interface Allocation {
  /** ToewijzingNummer, unique per municipality; assigned in time order when the messages are sequenced. */
  number: number;
  decisionDay: number;
  time: string;
  start: number;
  end: number;
  /** The end before an extension (JW317), or equal to end. */
  originalEnd: number;
  omvang: Omvang;
  /** ReferentieAanbieder copied from the JW315 that asked for it. */
  providerReference?: string;
}

export interface Extension {
  requestDay: number;
  reference: string;
  /** JW319 'aanvraag in onderzoek' before the answer, if any. */
  inquiryDay?: number;
  allocationDay: number;
  time: string;
  newEnd: number;
}

export type TrajectoryStatus = 'requested' | 'refused' | 'allocated' | 'running' | 'ended';

export interface Trajectory {
  id: number;
  youth: Youth;
  provider: GeneratorProvider;
  product: GeneratorProduct;
  referrer: Referrer;
  /** Day of the first event (JW315, direct JW301, or start of taakgericht care). */
  firstDay: number;
  request?: { day: number; reference: string; wantedStart: number; wantedEnd: number };
  /** JW319 answers to the JW315: 'in onderzoek' (2) and/or 'afgewezen' (1) with RedenAfwijzingVerzoek. */
  inquiryDay?: number;
  refusal?: { day: number; reason: string };
  allocation?: Allocation;
  begin?: number;
  startReportDay?: number;
  extension?: Extension;
  end?: number;
  stopReportDay?: number;
  reason?: string;
  /** Filled from the events that fall inside the period. */
  status: TrajectoryStatus;
}

export interface Prestatie {
  trajectory: Trajectory;
  reference: string;
  from: number;
  to: number;
  volume: number;
  tariffCents: number | undefined;
  amountCents: number;
}

export interface Declaration {
  provider: string;
  municipality: string;
  month: number;
  number: string;
  /** Per client (BSN order), the prestaties. */
  clients: Array<{ bsn: string; prestaties: Prestatie[] }>;
  totalCents: number;
}

interface EventBase {
  day: number;
  /** Creation order, the tie-break after day so that sorting is stable and reproducible. */
  seq: number;
  sender: string;
  receiver: string;
  identificatie: string;
  path: string;
}

export type MessageEvent = EventBase &
  (
    | { type: 'JW315'; trajectory: Trajectory }
    | { type: 'JW319'; trajectory: Trajectory; answer: '1' | '2'; refusalReason?: string; reference: string }
    | { type: 'JW301'; trajectory: Trajectory; change: boolean }
    | { type: 'JW305'; trajectory: Trajectory }
    | { type: 'JW317'; trajectory: Trajectory }
    | { type: 'JW307'; trajectory: Trajectory }
    | { type: 'JW323'; declaration: Declaration }
  );

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event before it is sequenced (seq, identificatie and path are assigned later). */
export type NewEvent = DistributiveOmit<MessageEvent, 'seq' | 'identificatie' | 'path'>;

export interface Landscape {
  municipalities: GeneratorMunicipality[];
  providers: GeneratorProvider[];
}
