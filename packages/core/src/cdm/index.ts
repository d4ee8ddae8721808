export { CDM_SOURCE, cdmItemIds, cdmNextStep, checkCdm, recordCdmStep } from './steps';
export type { RecordStepResult } from './steps';
export {
  EMPLOYER_VIEW_FIELDS,
  employerView,
  previewEmployerView,
  sharedItemIds,
} from './employer-view';
