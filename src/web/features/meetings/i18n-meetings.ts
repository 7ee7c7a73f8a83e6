/** English for the meetings, the year planner and the provider's side of them. */
export const meetingsEn = {
  Overleg: 'Meeting',
  'Actie uit een overleg': 'Action item of a meeting',
  'Instellingen van overleggen': 'Meeting settings',
} as const;
