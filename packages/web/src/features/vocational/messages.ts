/** Texts of vocational advice referrals, the adviser's queue and notifications (English). */
export const vocationalEn = {
  panelTitle: 'Vocational advice',
  queueTitle: 'Referrals',
  notificationsTitle: 'Notifications',
};

/** Swedish texts; the type keeps the keys in step with English. */
export const vocationalSv: typeof vocationalEn = {
  panelTitle: 'Arbetslivsinriktad rådgivning',
  queueTitle: 'Remisser',
  notificationsTitle: 'Aviseringar',
};
