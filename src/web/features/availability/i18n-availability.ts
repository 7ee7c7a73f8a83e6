/** English for the availability finder's pages, merged into the dictionary in ../../i18n.ts. */
export const availabilityEn = {
  Beschikbaarheid: 'Availability',
  'Instellingen beschikbaarheid': 'Availability settings',
};
