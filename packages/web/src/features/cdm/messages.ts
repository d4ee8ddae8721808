/** Texts of the Convergence Dialogue Meeting screens and the employer's page (English). */
export const cdmEn = {
  panelTitle: 'Convergence Dialogue Meetings',
  printTitle: 'Action plan',
  employerTitle: 'Meeting about return to work',
};

/** Swedish texts; the type keeps the keys in step with English. */
export const cdmSv: typeof cdmEn = {
  panelTitle: 'Konvergenssamtal',
  printTitle: 'Handlingsplan',
  employerTitle: 'Möte om återgång i arbete',
};
