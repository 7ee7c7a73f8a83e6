/** The meetings of the supplier-management cycle, as server and UI name them. */
export const meetingTypes = ['bestuurlijk', 'accountgesprek', 'overlegtafel', 'transformatietafel'] as const;
export type MeetingType = (typeof meetingTypes)[number];

export const meetingTypeLabels: Record<MeetingType, string> = {
  bestuurlijk: 'Bestuurlijk gesprek',
  accountgesprek: 'Accountgesprek',
  overlegtafel: 'Overlegtafel',
  transformatietafel: 'Transformatietafel',
};

export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** The transformatietafels' themes a region starts with (seed 000); each region keeps its own list. */
export const defaultMeetingThemes = [
  'Crisis',
  'Jeugdhulp in Onderwijstijd',
  'Ambulant / afbouw specialistische GGZ',
  '18-/18+',
];

/** Days an invited provider has to comment on draft minutes, unless the region or the minutes say otherwise. */
export const defaultCommentDays = 7;

/** Account meetings a year for a provider without a tier that sets them (the basis cadence of the seed's proposal). */
export const defaultAccountMeetingsPerYear = 2;
