import type { Meeting } from '@workup/contracts';
import { MeetingLinks } from './meeting-links';
import type { MeetingLinksAudience } from './meeting-links';

const EMPLOYER: MeetingLinksAudience = {
  messages: 'cdm.links',
  idPrefix: 'cdm-link',
  urlId: 'cdm-employer-link',
  className: 'cdm-links',
  defaultDays: '30',
  qrCode: false,
  oneNote: false,
  links: (meeting) => meeting.links,
  create: (api, patientId, meetingId, request) =>
    api.createEmployerLink(patientId, meetingId, request),
  revoke: (api, patientId, meetingId, linkId) =>
    api.revokeEmployerLink(patientId, meetingId, linkId),
};

/**
 * Issue and revoke the employer's links. A new link's address is shown once, with a copy button
 * and a warning: the server keeps only a hash of the token.
 */
export function EmployerLinks({ patientId, meeting }: { patientId: string; meeting: Meeting }) {
  return <MeetingLinks patientId={patientId} meeting={meeting} audience={EMPLOYER} />;
}
