/** Texts of the sick-leave record and the return-to-work timeline (English). */
export const rtwEn = {
  panelTitle: 'Sick leave and return to work',
};

/** Swedish texts; the type keeps the keys in step with English. */
export const rtwSv: typeof rtwEn = {
  panelTitle: 'Sjukskrivning och återgång i arbete',
};
