import type { Meeting } from '@workup/contracts';
import { useRefreshMeetings } from './cdm-queries';
import { MeetingLinks } from './meeting-links';
import type { MeetingLinksAudience } from './meeting-links';

const PATIENT: MeetingLinksAudience = {
  messages: 'cdm.patientLinks',
  idPrefix: 'cdm-patient-link',
  urlId: 'cdm-patient-link',
  className: 'cdm-links cdm-patient-links',
  defaultDays: '7',
  /** The contract's longest patient link, in days. */
  maxDays: 30,
  qrCode: true,
  oneNote: true,
  links: (meeting) => meeting.patientLinks,
  create: (api, patientId, meetingId, request) =>
    api.createPatientLink(patientId, meetingId, request),
  revoke: (api, patientId, meetingId, linkId) =>
    api.revokePatientLink(patientId, meetingId, linkId),
};

/**
 * The patient's own approval links (`/a#<token>`): the patient chooses on their own phone or
 * computer what the employer sees. A new link's address is shown once, with a copy button and a
 * QR code; the list shows each link's status and when it was last opened, with Revoke. "Check for
 * the patient's choices" fetches the meeting and the preview again (they are also fetched every
 * half minute while a link is active).
 */
export function PatientLinks({ patientId, meeting }: { patientId: string; meeting: Meeting }) {
  const refreshMeetings = useRefreshMeetings(patientId);
  return (
    <MeetingLinks
      patientId={patientId}
      meeting={meeting}
      audience={PATIENT}
      refresh={refreshMeetings}
    />
  );
}
